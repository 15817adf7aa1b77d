import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportResult, Me, Source } from '../api/types';
import { formatTimestamp } from '../lib/format';
import organizationList from '../test/fixtures/organizations.json';
import imports from '../test/fixtures/imports.json';
import { fixedMediaQuery } from '../test/media';
import { ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import ImportPage from './ImportPage';

// The planning division's import of the department's 2027 program (recorded, see
// scripts/record-fixtures.mjs): two lead units not recognised, in two rows; a row naming bodies
// outside the agency; a leader not recognised; a column not recognised; then its choices, one
// after the other.
const CONSOLIDATOR = imports.consolidatorMe as Me;
const SOURCE = imports.source as Source;
const UPLOADED = imports.uploaded as ImportPreview;
const ID = UPLOADED.import.id;

type Answer = { status?: number; body?: unknown };

interface Serve {
  me?: Me;
  /** The answers to GET /imports/{id}, one after the other (the last one repeated). */
  reads?: ImportPreview[];
  upload?: Answer;
  patch?: Answer[];
  confirm?: Answer;
  discard?: Answer;
}

function serve({ me = CONSOLIDATOR, reads = [UPLOADED], upload, patch = [], confirm, discard }: Serve) {
  let read = 0;
  let patched = 0;
  return mockFetch((c: Call) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations') return { body: organizationList };
    if (c.path === `/sources/${SOURCE.id}`) return { body: SOURCE };
    if (c.path === `/sources/${SOURCE.id}/imports` && c.method === 'POST') return upload;
    if (c.path === `/imports/${ID}` && c.method === 'GET') return { body: reads[Math.min(read++, reads.length - 1)] };
    if (c.path === `/imports/${ID}` && c.method === 'PATCH') return patch[patched++];
    if (c.path === `/imports/${ID}` && c.method === 'DELETE') return discard;
    if (c.path === `/imports/${ID}/confirm`) return confirm;
    return undefined;
  });
}

const openUpload = () =>
  renderPage(<ImportPage />, { path: '/sources/:sourceId/import', alsoAt: ['/imports/:id'], url: `/sources/${SOURCE.id}/import` });
const openImport = (id = ID) => renderPage(<ImportPage />, { path: '/imports/:id', url: `/imports/${id}` });

const callsTo = (calls: Call[], method: string, path = `/imports/${ID}`) => calls.filter((c) => c.method === method && c.path === path);
const row = (n: number) => screen.getByTestId(`row-${n}`);
const confirmButton = () => screen.getByRole('button', { name: /Xác nhận nhập/ });

/** The upload's file input, once the page is there. */
async function fileInput(): Promise<HTMLInputElement> {
  await screen.findByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp');
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  expect(input).not.toBeNull();
  return input!;
}

function csv(name: string, text = 'STT;Nội dung nhiệm vụ\n1;Việc\n'): File {
  return new File([text], name, { type: 'text/csv' });
}

/** Opens the unit picker for the name `written` and picks `unit`. */
async function pickUnit(written: string, unit: string) {
  const box = screen.getByRole('combobox', { name: `Đơn vị cho tên “${written}”` });
  fireEvent.mouseDown(box);
  fireEvent.change(box, { target: { value: unit } });
  fireEvent.click(await screen.findByTitle(unit));
}

describe('ImportPage', () => {
  it('uploads the chosen file as it is, and shows the preview the server answered', async () => {
    const calls = serve({ upload: { status: 201, body: UPLOADED } });
    openUpload();
    expect(await screen.findByRole('heading', { name: 'Nhập chương trình công tác từ tệp Excel' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: `Nguồn nhiệm vụ: ${SOURCE.title}` })).toHaveAttribute('href', `/sources/${SOURCE.id}`);
    const file = csv(UPLOADED.import.file_name);
    fireEvent.change(await fileInput(), { target: { files: [file] } });

    expect(await screen.findByText('5 nhiệm vụ, 2 tiêu đề nhóm, 2 dòng có lỗi, 2 dòng có cảnh báo')).toBeInTheDocument();
    const [upload] = callsTo(calls, 'POST', `/sources/${SOURCE.id}/imports`);
    expect(upload.body).toBe(file);
    expect(upload.headers['Content-Type']).toBe('text/csv');
    expect(upload.headers['X-CSRF-Token']).toBe('csrf-test');
    expect(Object.fromEntries(upload.query)).toEqual({ file_name: 'chuong-trinh-2027.csv', page_size: '100' });
    // The upload's answer is the preview: it is not asked for again.
    expect(callsTo(calls, 'GET')).toHaveLength(0);
    expect(screen.getByText(`Tệp chuong-trinh-2027.csv (1 KB), tải lên lúc ${formatTimestamp(UPLOADED.import.created_at)}`)).toBeInTheDocument();
  });

  it('says why the server refused a file and where in it, and refuses a file over 20 MB without sending it', async () => {
    const calls = serve({ upload: { status: 422, body: imports.unclosedQuote } });
    openUpload();
    fireEvent.change(await fileInput(), { target: { files: [csv('chuong-trinh-loi.csv')] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không nhập được tệp chuong-trinh-loi.csv');
    expect(alert).toHaveTextContent(imports.unclosedQuote.message);
    expect(alert).toHaveTextContent('Vị trí lỗi: dòng 2.');
    expect(callsTo(calls, 'POST', `/sources/${SOURCE.id}/imports`)).toHaveLength(1);

    const big = csv('lon.csv');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    fireEvent.change(await fileInput(), { target: { files: [big] } });
    expect(await screen.findByText('Tệp lớn hơn 20 MB nên không tải lên được.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Không nhập được tệp lon.csv');
    expect(callsTo(calls, 'POST', `/sources/${SOURCE.id}/imports`)).toHaveLength(1);
  });

  it('names the encoding of a text file refused for not being UTF-8, not a place in it', async () => {
    // The server's answer to Excel's "Unicode text" (UTF-16): its detail is the encoding.
    const notUtf8 = { code: 'file_not_utf8', detail: 'UTF-16', message: 'Tệp CSV không ở mã UTF-8. Hãy lưu lại với kiểu "CSV UTF-8".' };
    serve({ upload: { status: 422, body: notUtf8 } });
    openUpload();
    fireEvent.change(await fileInput(), { target: { files: [csv('chuong-trinh.txt')] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(notUtf8.message);
    expect(alert).toHaveTextContent('Mã hóa của tệp: UTF-16.');
    expect(alert).not.toHaveTextContent('Vị trí lỗi');
  });

  it('shows the server’s reason for an old Excel file', async () => {
    serve({ upload: { status: 422, body: imports.legacyXls } });
    openUpload();
    fireEvent.change(await fileInput(), { target: { files: [new File(['x'], 'chuong-trinh.xls', { type: 'application/vnd.ms-excel' })] } });
    expect(await screen.findByRole('alert')).toHaveTextContent(imports.legacyXls.message);
  });

  it('tells a specialist that importing is not theirs to do', async () => {
    serve({ me: ME_SPECIALIST });
    openUpload();
    expect(await screen.findByText('Chỉ lãnh đạo và chuyên viên tổng hợp được nhập chương trình công tác từ tệp.')).toBeInTheDocument();
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it('shows each row’s problems in words beside it and the names not recognised, and waits for the lead units before confirming', async () => {
    vi.stubGlobal('matchMedia', fixedMediaQuery(true));
    serve({});
    openImport();
    expect(await screen.findByText('5 nhiệm vụ, 2 tiêu đề nhóm, 2 dòng có lỗi, 2 dòng có cảnh báo')).toBeInTheDocument();
    const blocker = screen.getByText('Còn 2 dòng có lỗi').closest('.ant-alert') as HTMLElement;
    // Both rows in error wait for their lead unit: picking it is what to do, nothing in the file.
    expect(blocker).toHaveTextContent(
      '2 dòng có đơn vị chủ trì chưa nhận ra: chọn đơn vị cho các tên đó ở phần “Đơn vị chưa nhận ra”.',
    );
    expect(blocker).not.toHaveTextContent('chưa đủ');
    expect(confirmButton()).toBeDisabled();

    expect(row(2)).toHaveTextContent('LĨNH VỰC KẾT CẤU HẠ TẦNG GIAO THÔNG');
    expect(row(2)).toHaveTextContent('Tiêu đề nhóm');
    // The lead units not recognised: errors, one row each.
    expect(row(3)).toHaveTextContent('Sửa chữa, nâng cấp cầu Trà Khúc cũ');
    expect(row(3)).toHaveClass('imp-row-error');
    expect(within(row(3)).getByText('Ban Điều phối dự án (chưa nhận ra)')).toHaveClass('imp-unknown');
    expect(row(3)).toHaveTextContent('Không nhận ra đơn vị chủ trì “Ban Điều phối dự án”.');
    expect(row(3)).toHaveTextContent('Phòng Kế hoạch – Tài chínhTệp ghi: P. KHTC');
    expect(row(3)).toHaveTextContent('Quý II/2027');
    expect(row(3)).toHaveTextContent('30/06/2027');
    expect(row(4)).toHaveClass('imp-row-error');
    expect(within(row(4)).getByText('Phòng Pháp chế (chưa nhận ra)')).toHaveClass('imp-unknown');
    expect(row(4)).toHaveTextContent('Không nhận ra đơn vị chủ trì “Phòng Pháp chế”.');
    expect(row(5)).toHaveTextContent('Tệp ghi: QLKCHT');
    // The leader the file names, not recognised, is not shown as if it were: marked like the units.
    expect(row(5)).toHaveTextContent('Lãnh đạo phụ trách: Ông Trưởng ban (chưa nhận ra)');
    expect(within(row(5)).getByText('Ông Trưởng ban (chưa nhận ra)')).toHaveClass('imp-unknown');
    expect(row(3)).toHaveTextContent('Lãnh đạo phụ trách: Nguyễn Đức Hùng');
    expect(row(3)).not.toHaveTextContent('Nguyễn Đức Hùng (chưa nhận ra)');
    expect(row(5)).toHaveTextContent('Không nhận ra lãnh đạo phụ trách “Ông Trưởng ban”: nhiệm vụ sẽ chưa có lãnh đạo phụ trách.');
    expect(within(row(5)).getAllByRole('cell').at(-1)).toHaveTextContent(/^Không nhận ra lãnh đạo phụ trách/);
    expect(row(7)).toHaveTextContent('Thường xuyên');
    expect(within(row(7)).getByRole('cell', { name: 'Hợp lệ' })).toBeInTheDocument();
    // The bodies outside the agency: kept with the row, one warning naming them all.
    expect(row(8)).toHaveClass('imp-row-warning');
    expect(within(row(8)).getByText('Công an tỉnh (chưa nhận ra)')).toHaveClass('imp-unknown');
    expect(within(row(8)).getAllByRole('listitem')).toHaveLength(1);
    expect(within(row(8)).getByRole('listitem')).toHaveClass('imp-warning');
    expect(within(row(8)).getByRole('listitem')).toHaveTextContent(
      'Không khớp đơn vị nào của cơ quan: “Công an tỉnh”, “Sở Công Thương”. Được giữ nguyên văn cùng dòng; chọn đơn vị nếu đó là một đơn vị của cơ quan.',
    );
    // A deadline without its year, read in the program's.
    expect(row(8)).toHaveTextContent('Tháng 12/202731/12/2027');

    // The names in two groups: the leads, which the rows wait for, then the names only cooperating,
    // kept as written, for which a unit is picked only if one is the agency's.
    const names = (group: HTMLElement) =>
      within(group)
        .getAllByTestId('unmatched-unit')
        .map((u) => u.querySelector('.imp-unit-name')?.textContent);
    const leads = screen.getByRole('region', { name: 'Ghi là đơn vị chủ trì: cần chọn đơn vị' });
    expect(names(leads)).toEqual(['“Ban Điều phối dự án” 1 dòng đang chờ', '“Phòng Pháp chế” 1 dòng đang chờ']);
    expect(leads).toHaveTextContent('Các dòng do những tên này chủ trì chưa nhập được. Chọn đơn vị tương ứng của cơ quan');
    expect(within(leads).getByRole('combobox', { name: 'Đơn vị cho tên “Ban Điều phối dự án”' })).toBeEnabled();
    const outside = screen.getByRole('region', { name: 'Chỉ ghi là đơn vị phối hợp: có lẽ là cơ quan bên ngoài' });
    expect(names(outside)).toEqual(['“Công an tỉnh” 1 dòng', '“Sở Công Thương” 1 dòng']);
    expect(outside).toHaveTextContent(
      'Được giữ nguyên văn cùng nhiệm vụ, không cần chọn. Chỉ chọn đơn vị nếu tên đó là một đơn vị của cơ quan.',
    );
    expect(within(outside).getAllByText('Chọn nếu là đơn vị của cơ quan')).toHaveLength(2);
    expect(within(outside).queryByText('Chọn đơn vị')).toBeNull();
    expect(outside.compareDocumentPosition(leads) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    // The column the server did not recognise is marked, and its list open.
    expect(screen.getByTestId('column-H')).toHaveClass('imp-column-marked');
    expect(screen.getByTestId('column-H')).toHaveTextContent('Kinh phí (triệu đồng)');
    expect(screen.getByTestId('column-A')).toHaveTextContent('Nhận ra theo tiêu đề');
  });

  it('on a phone, shows each row’s problems under its text', async () => {
    serve({});
    openImport();
    await screen.findByText('Còn 2 dòng có lỗi');
    expect(screen.queryByRole('columnheader', { name: 'Kiểm tra' })).toBeNull();
    const title = within(row(4)).getByText('Rà soát, đề xuất sửa đổi quy định về quản lý hành lang an toàn đường bộ').closest('td')!;
    expect(title).toHaveTextContent('Không nhận ra đơn vị chủ trì “Phòng Pháp chế”.');
    const outside = within(row(8)).getByText('Kiểm tra điều kiện kinh doanh vận tải bằng xe ô tô').closest('td')!;
    expect(outside).toHaveTextContent('Không khớp đơn vị nào của cơ quan: “Công an tỉnh”, “Sở Công Thương”.');
    expect(row(7)).not.toHaveTextContent('Hợp lệ');
  });

  it('says how many rows wait for each lead name, and what to do with errors a pick does not mend', async () => {
    // The recorded preview, as a file would make it with the project board also cooperating in a
    // row, and a row with a deadline in error besides.
    const [board, ...others] = UPLOADED.unmatched_units;
    const preview: ImportPreview = {
      ...UPLOADED,
      counts: { ...UPLOADED.counts, with_errors: 4 },
      unmatched_units: [{ ...board, rows: 3, lead_rows: 2 }, ...others],
    };
    serve({ reads: [preview] });
    openImport();
    const blocker = (await screen.findByText('Còn 4 dòng có lỗi')).closest('.ant-alert') as HTMLElement;
    expect(blocker).toHaveTextContent(
      '3 dòng có đơn vị chủ trì chưa nhận ra: chọn đơn vị cho các tên đó ở phần “Đơn vị chưa nhận ra”. ' +
        'Chọn đơn vị thôi chưa đủ: lỗi khác (thời hạn, nội dung…) hãy sửa trong tệp rồi tải lên lại.',
    );
    const leads = screen.getByRole('region', { name: 'Ghi là đơn vị chủ trì: cần chọn đơn vị' });
    expect(within(leads).getAllByTestId('unmatched-unit')[0]).toHaveTextContent('“Ban Điều phối dự án” 2 dòng đang chờ, thêm 1 dòng ghi là phối hợp');
  });

  it('says a pick is not enough when a row waiting for its lead unit is in error otherwise too', async () => {
    // The recorded preview, with the deadline of row 3 (whose lead is not recognised) not
    // understood besides: as many rows are in error as wait for a unit, yet one stays in error.
    const preview: ImportPreview = {
      ...UPLOADED,
      rows: {
        ...UPLOADED.rows,
        items: UPLOADED.rows.items.map((r) =>
          r.row === 3 ? { ...r, deadline_written: 'Đầu năm', errors: [...r.errors, { field: 'deadline', code: 'unrecognised_deadline' }] } : r,
        ),
      },
    };
    expect(preview.counts.with_errors).toBe(2);
    serve({ reads: [preview] });
    openImport();
    const blocker = (await screen.findByText('Còn 2 dòng có lỗi')).closest('.ant-alert') as HTMLElement;
    expect(blocker).toHaveTextContent(
      '2 dòng có đơn vị chủ trì chưa nhận ra: chọn đơn vị cho các tên đó ở phần “Đơn vị chưa nhận ra”. ' +
        'Chọn đơn vị thôi chưa đủ: lỗi khác (thời hạn, nội dung…) hãy sửa trong tệp rồi tải lên lại.',
    );
    expect(row(3)).toHaveTextContent('Không hiểu thời hạn “Đầu năm”');
  });

  /**
   * The recorded preview as if its source had no document date, read in 2026: row 8's “Quý I”
   * then falls before the tasks are assigned.
   */
  function readThisYear(yearFrom: ImportPreview['year_from']): ImportPreview {
    return {
      ...UPLOADED,
      year: 2026,
      year_from: yearFrom,
      counts: { ...UPLOADED.counts, with_errors: 3 },
      rows: {
        ...UPLOADED.rows,
        items: UPLOADED.rows.items.map((r) =>
          r.row === 8
            ? { ...r, deadline_written: 'Quý I', deadline: '2026-03-31', errors: [{ field: 'deadline' as const, code: 'before_assigned_on' as const }] }
            : r,
        ),
      },
    };
  }
  const YEAR_HINT = 'Nếu chương trình là của năm khác, hãy nhập năm ở ô “Năm của chương trình”: thời hạn không ghi năm sẽ được đọc lại theo năm đó.';

  it('suggests typing the program’s year when the source gave none and deadlines fall before the tasks are assigned', async () => {
    serve({ reads: [readThisYear('today')] });
    openImport();
    const blocker = (await screen.findByText('Còn 3 dòng có lỗi')).closest('.ant-alert') as HTMLElement;
    expect(blocker).toHaveTextContent(
      '2 dòng có đơn vị chủ trì chưa nhận ra: chọn đơn vị cho các tên đó ở phần “Đơn vị chưa nhận ra”. ' +
        'Chọn đơn vị thôi chưa đủ: lỗi khác (thời hạn, nội dung…) hãy sửa trong tệp rồi tải lên lại. ' +
        YEAR_HINT,
    );
    // The field it names is there, with the year read.
    expect(screen.getByLabelText('Năm của chương trình')).toHaveValue('2026');
    expect(row(8)).toHaveTextContent('Thời hạn trước ngày giao nhiệm vụ.');
  });

  it('does not suggest the year when it came from the source', async () => {
    serve({ reads: [readThisYear('document')] });
    openImport();
    const blocker = (await screen.findByText('Còn 3 dòng có lỗi')).closest('.ant-alert') as HTMLElement;
    expect(blocker).toHaveTextContent('Chọn đơn vị thôi chưa đủ');
    expect(blocker).not.toHaveTextContent('Năm của chương trình');
  });

  it('does not suggest the year when every row in error is shown and none has its deadline in error', async () => {
    serve({ reads: [{ ...UPLOADED, year: 2026, year_from: 'today' }] });
    openImport();
    const unitsOnly = (await screen.findByText('Còn 2 dòng có lỗi')).closest('.ant-alert') as HTMLElement;
    expect(screen.getByText('năm nay (nguồn chưa có ngày văn bản)')).toBeInTheDocument();
    expect(unitsOnly).not.toHaveTextContent('Năm của chương trình');
  });

  it('says to correct the file when no row waits for a lead unit', async () => {
    const preview: ImportPreview = { ...UPLOADED, counts: { ...UPLOADED.counts, with_errors: 1 }, unmatched_units: [] };
    serve({ reads: [preview] });
    openImport();
    const blocker = (await screen.findByText('Còn 1 dòng có lỗi')).closest('.ant-alert') as HTMLElement;
    expect(blocker).toHaveTextContent('Hãy sửa các lỗi (thời hạn, nội dung…) trong tệp rồi tải lên lại.');
    expect(blocker).not.toHaveTextContent('chọn đơn vị');
  });

  it('offers the likeliest units first for a name not recognised', async () => {
    serve({});
    openImport();
    const box = await screen.findByRole('combobox', { name: 'Đơn vị cho tên “Phòng Pháp chế”' });
    fireEvent.mouseDown(box);
    const [first] = UPLOADED.unmatched_units.find((u) => u.written === 'Phòng Pháp chế')!.suggestions;
    const option = await screen.findByTitle(first.name);
    const list = option.closest('.rc-virtual-list-holder-inner') as HTMLElement;
    expect(list.textContent?.startsWith(`Gợi ý${first.name}`)).toBe(true);
  });

  it('sends each lead unit chosen with the version read, then confirms all tasks with the warnings left and opens the source', async () => {
    const calls = serve({
      patch: [{ body: imports.unitFixed }, { body: imports.allFixed }],
      confirm: { body: imports.confirmed },
    });
    openImport();
    await screen.findByText('Còn 2 dòng có lỗi');
    await pickUnit('Phòng Pháp chế', 'Thanh tra Sở');
    expect(await screen.findByText('Còn 1 dòng có lỗi')).toBeInTheDocument();
    expect(screen.getByText(/dòng có đơn vị chủ trì chưa nhận ra/)).toHaveTextContent(/^1 dòng có đơn vị chủ trì chưa nhận ra/);
    await waitFor(() => expect(within(row(4)).getByText('Thanh tra Sở')).toBeInTheDocument());
    expect(row(4)).not.toHaveClass('imp-row-error');
    expect(row(3)).toHaveClass('imp-row-error');
    expect(confirmButton()).toBeDisabled();
    // The choice is listed, and can be changed or cleared.
    const fixed = screen.getByRole('region', { name: 'Đơn vị đã chọn cho các tên trong tệp' });
    expect(within(fixed).getByRole('heading', { name: 'Đơn vị đã chọn cho các tên trong tệp' })).toBeInTheDocument();
    expect(within(fixed).getByTestId('fixed-unit')).toHaveTextContent('“Phòng Pháp chế”');
    // A pick of this import only: nothing remembered to be forgotten.
    expect(fixed).not.toHaveTextContent(/lần nhập trước/);

    await pickUnit('Ban Điều phối dự án', 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông');
    await waitFor(() => expect(confirmButton()).toBeEnabled());
    expect(screen.queryByText(/dòng có lỗi/)).toBeNull();
    // The bodies outside the agency stay a warning, which does not stop the confirmation.
    expect(screen.getByTestId('import-counts')).toHaveTextContent('5 nhiệm vụ, 2 tiêu đề nhóm, 2 dòng có cảnh báo');
    expect(row(8)).toHaveClass('imp-row-warning');
    // Only the names cooperating are left, which need no unit.
    expect(screen.queryByRole('region', { name: 'Ghi là đơn vị chủ trì: cần chọn đơn vị' })).toBeNull();
    const outside = screen.getByRole('region', { name: 'Chỉ ghi là đơn vị phối hợp: có lẽ là cơ quan bên ngoài' });
    expect(within(outside).getAllByTestId('unmatched-unit').map((u) => u.querySelector('.imp-outside')?.textContent)).toEqual([
      '“Công an tỉnh”',
      '“Sở Công Thương”',
    ]);
    expect(screen.getAllByTestId('fixed-unit').map((u) => u.querySelector('.imp-unit-name')?.textContent)).toEqual([
      '“Ban Điều phối dự án”',
      '“Phòng Pháp chế”',
    ]);

    const patches = callsTo(calls, 'PATCH');
    expect(patches.map((p) => [p.headers['If-Match'], p.body])).toEqual([
      [`"${UPLOADED.import.version}"`, { unit_fixes: [{ written: 'Phòng Pháp chế', organization_id: 8 }] }],
      [`"${imports.unitFixed.import.version}"`, { unit_fixes: [{ written: 'Ban Điều phối dự án', organization_id: 9 }] }],
    ]);

    fireEvent.click(confirmButton());
    const popover = await screen.findByRole('tooltip');
    expect(popover).toHaveTextContent('Tạo 5 nhiệm vụ của nguồn này từ tệp, tất cả cùng lúc?');
    fireEvent.click(within(popover).getByRole('button', { name: 'Nhập' }));
    expect(await screen.findByText('Đã nhập 5 nhiệm vụ từ tệp chuong-trinh-2027.csv.')).toBeInTheDocument();
    expect(await screen.findByTestId('location')).toHaveTextContent(`/sources/${SOURCE.id}`);
    const [confirm] = callsTo(calls, 'POST', `/imports/${ID}/confirm`);
    expect(confirm.headers['If-Match']).toBe(`"${imports.allFixed.import.version}"`);
    expect((imports.confirmed as ImportResult).task_ids).toHaveLength(5);
  });

  it('reloads a preview changed meanwhile and says so', async () => {
    const calls = serve({ reads: [UPLOADED, imports.labels as ImportPreview], patch: [{ status: 412, body: imports.stale }] });
    openImport();
    await screen.findByText('Còn 2 dòng có lỗi');
    fireEvent.click(screen.getByRole('radio', { name: 'nhiệm vụ cha' }));
    expect(await screen.findByText(/Lần nhập này vừa được thay đổi ở nơi khác/)).toBeInTheDocument();
    await waitFor(() => expect(callsTo(calls, 'GET')).toHaveLength(2));
    // The reloaded preview has the column chosen meanwhile.
    await waitFor(() => expect(screen.getByTestId('column-H')).toHaveTextContent('Chọn ở lần nhập này'));
    expect(callsTo(calls, 'PATCH')[0].body).toEqual({ groups_as: 'parents' });
  });

  it('maps a column the server did not recognise, and takes the group headings as parent tasks', async () => {
    const calls = serve({ patch: [{ body: imports.columnMapped }, { body: imports.parents }] });
    openImport();
    const column = await screen.findByRole('combobox', { name: 'Cột H “Kinh phí (triệu đồng)” chứa' });
    fireEvent.mouseDown(column);
    fireEvent.click(await screen.findByTitle('Ghi chú'));
    await waitFor(() => expect(screen.getByTestId('column-H')).toHaveTextContent('Chọn ở lần nhập này'));
    expect(screen.getByTestId('column-H')).not.toHaveClass('imp-column-marked');

    fireEvent.click(screen.getByRole('radio', { name: 'nhiệm vụ cha' }));
    await waitFor(() => expect(row(2)).toHaveTextContent('Nhiệm vụ cha'));
    expect(row(2)).toHaveTextContent('Tiêu đề nhóm thành nhiệm vụ cha do cơ quan chủ trì.');
    expect(row(3)).toHaveTextContent('Nhiệm vụ con của dòng 2');
    expect(screen.getByText('7 nhiệm vụ, 2 dòng có lỗi, 4 dòng có cảnh báo')).toBeInTheDocument();
    expect(callsTo(calls, 'PATCH').map((p) => [p.headers['If-Match'], p.body])).toEqual([
      ['"1"', { columns: [{ index: 7, field: 'note' }] }],
      [`"${imports.columnMapped.import.version}"`, { groups_as: 'parents' }],
    ]);
  });

  it('shows only the rows with problems when asked, and asks for them again after a choice', async () => {
    const calls = serve({ reads: [UPLOADED, imports.problemsOnly as ImportPreview], patch: [{ body: imports.unitFixed }] });
    openImport();
    await screen.findByText('Còn 2 dòng có lỗi');
    fireEvent.click(screen.getByRole('switch', { name: 'Chỉ dòng có vấn đề' }));
    await waitFor(() => expect(screen.queryByTestId('row-7')).toBeNull());
    expect(['row-3', 'row-4', 'row-5', 'row-8'].map((id) => !!screen.queryByTestId(id))).toEqual([true, true, true, true]);
    expect(Object.fromEntries(callsTo(calls, 'GET')[1].query)).toEqual({ page: '1', page_size: '100', problems_only: 'true' });

    await pickUnit('Phòng Pháp chế', 'Thanh tra Sở');
    await waitFor(() => expect(callsTo(calls, 'GET')).toHaveLength(3));
    expect(callsTo(calls, 'GET')[2].query.get('problems_only')).toBe('true');
    expect(screen.queryByTestId('row-7')).toBeNull();
  });

  it('offers the sheets of a workbook, and reads the one chosen', async () => {
    const workbook = imports.workbook as ImportPreview;
    const calls = mockFetch((c) => {
      if (c.path === '/me') return { body: CONSOLIDATOR };
      if (c.path === '/organizations') return { body: organizationList };
      if (c.path === `/sources/${workbook.import.source_id}`) return { body: imports.workbookSource };
      if (c.path === `/imports/${workbook.import.id}` && c.method === 'GET') return { body: workbook };
      if (c.path === `/imports/${workbook.import.id}` && c.method === 'PATCH') return { body: imports.workbookSheetChosen };
      return undefined;
    });
    openImport(workbook.import.id);
    expect(await screen.findByText(/Không tìm thấy dòng tiêu đề cột/)).toBeInTheDocument();
    expect(confirmButton()).toBeDisabled();
    const sheet = screen.getByRole('combobox', { name: 'Trang tính' });
    fireEvent.mouseDown(sheet);
    fireEvent.click(await screen.findByTitle('Chương trình'));
    // The unit picked for the project board at the program's first import is remembered: no row in error.
    expect(await screen.findByText('5 nhiệm vụ, 2 tiêu đề nhóm, 2 dòng có cảnh báo')).toBeInTheDocument();
    expect(screen.queryByText(/Không tìm thấy dòng tiêu đề cột/)).toBeNull();
    expect(row(3)).toHaveTextContent('Ban Quản lý dự án đầu tư xây dựng các công trình giao thôngTệp ghi: Ban Điều phối dự án');
    expect(row(3)).not.toHaveClass('imp-row-error');
    await waitFor(() => expect(confirmButton()).toBeEnabled());
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([{ sheet: 1 }]);
  });

  it('takes only the rows a program imported before has gained, showing the others as the source’s tasks', async () => {
    const added = imports.rowsAdded as ImportPreview;
    mockFetch((c) => {
      if (c.path === '/me') return { body: CONSOLIDATOR };
      if (c.path === '/organizations') return { body: organizationList };
      if (c.path === `/sources/${SOURCE.id}`) return { body: SOURCE };
      if (c.path === `/imports/${added.import.id}`) return { body: added };
      return undefined;
    });
    openImport(added.import.id);
    expect(await screen.findByTestId('import-counts')).toHaveTextContent(
      '1 nhiệm vụ, 5 dòng đã có trong nguồn, 2 tiêu đề nhóm, 5 dòng có cảnh báo',
    );
    const existing = added.rows.items.find((r) => r.row === 3)!.existing_task_id;
    expect(existing).not.toBeNull();
    expect(row(3)).toHaveTextContent('Đã có trong nguồn');
    expect(row(3)).toHaveTextContent('Đã là nhiệm vụ của nguồn này: không tạo lại.');
    expect(within(row(3)).getByRole('link', { name: `Xem nhiệm vụ #${existing}` })).toHaveAttribute('href', `/tasks/${existing}`);
    expect(row(9)).toHaveTextContent('Tổng kết công tác vận tải năm 2027');
    expect(row(9)).not.toHaveTextContent('Đã có trong nguồn');
    await waitFor(() => expect(confirmButton()).toBeEnabled());
  });

  it('says the program’s rows were imported into the source before, from another save of it, with the way to that import', async () => {
    const duplicate = imports.duplicate as ImportPreview;
    mockFetch((c) => {
      if (c.path === '/me') return { body: CONSOLIDATOR };
      if (c.path === '/organizations') return { body: organizationList };
      if (c.path === `/sources/${SOURCE.id}`) return { body: SOURCE };
      if (c.path === `/imports/${duplicate.import.id}`) return { body: duplicate };
      return undefined;
    });
    openImport(duplicate.import.id);
    const alert = (await screen.findByText('Chưa nhập được tệp này')).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent(
      'Tệp này, hoặc một bản lưu khác có cùng các dòng, đã được nhập trước đây; các nhiệm vụ của nó đã có trong hệ thống.',
    );
    // Another save of the program: not the bytes of the file imported.
    expect(screen.getByText(/^Tệp chuong-trinh-2027 \(1\)\.csv \(1\.023 B\)/)).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Xem lần nhập trước' })).toHaveAttribute('href', `/imports/${ID}`);
    // Every task of it is one of the source's already, and the units picked for the first save
    // are remembered: no row is in error.
    expect(screen.getByTestId('import-counts')).toHaveTextContent(
      '0 nhiệm vụ, 5 dòng đã có trong nguồn, 2 tiêu đề nhóm, 5 dòng có cảnh báo',
    );
    expect(screen.queryByText(/Còn \d+ dòng có lỗi/)).toBeNull();
    expect(confirmButton()).toBeDisabled();
    // Those picks are shown as made before, to be changed or cleared like any other.
    const picks = screen.getAllByTestId('fixed-unit');
    expect(picks.map((p) => p.textContent)).toEqual([
      expect.stringContaining('“Ban Điều phối dự án” (đã chọn ở lần nhập trước)'),
      expect.stringContaining('“Phòng Pháp chế” (đã chọn ở lần nhập trước)'),
    ]);
    expect(within(picks[0]).getByRole('button', { name: /Bỏ chọn/ })).toBeEnabled();
    // Clearing one also makes the agency forget it once this import is confirmed: said beside them.
    expect(screen.getByRole('region', { name: 'Đơn vị đã chọn cho các tên trong tệp' })).toHaveTextContent(
      'Bỏ chọn một tên đã chọn ở lần nhập trước thì sau khi xác nhận, các lần nhập sau cũng không dùng lựa chọn đó nữa.',
    );
  });

  it('shows an import already confirmed as it was, with the way to its tasks and nothing to change', async () => {
    serve({ reads: [imports.confirmedPreview as ImportPreview] });
    openImport();
    const confirmedAt = formatTimestamp(imports.confirmedPreview.import.confirmed_at);
    expect(await screen.findByText(`Đã nhập 5 nhiệm vụ lúc ${confirmedAt}.`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem các nhiệm vụ của nguồn' })).toHaveAttribute('href', `/tasks?source=${SOURCE.id}`);
    expect(screen.queryByRole('button', { name: /Xác nhận nhập/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Bỏ/ })).toBeNull();
    // The choices it was made with, as text.
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.getByText('Tiêu đề nhóm thành:').closest('span')).toHaveTextContent('Tiêu đề nhóm thành: nhãn');
    expect(screen.getByText('Năm của chương trình:').closest('span')).toHaveTextContent('Năm của chương trình: 2027 (theo tên nguồn)');
    // The bodies outside the agency, kept with its tasks as the file wrote them: nothing to pick.
    const outside = screen.getByRole('region', { name: 'Chỉ ghi là đơn vị phối hợp: có lẽ là cơ quan bên ngoài' });
    expect(within(outside).getAllByTestId('unmatched-unit').map((u) => u.textContent)).toEqual([
      '“Công an tỉnh” 1 dòng',
      '“Sở Công Thương” 1 dòng',
    ]);
    expect(outside).toHaveTextContent('Được giữ nguyên văn cùng nhiệm vụ.');
    expect(outside).not.toHaveTextContent(/chọn/i);
    expect(screen.queryByRole('region', { name: 'Ghi là đơn vị chủ trì: cần chọn đơn vị' })).toBeNull();
    // Nor does the row's warning ask for a unit any more.
    expect(within(row(8)).getByRole('listitem')).toHaveTextContent(
      /^Không khớp đơn vị nào của cơ quan: “Công an tỉnh”, “Sở Công Thương”\. Được giữ nguyên văn cùng nhiệm vụ\.$/,
    );
    fireEvent.click(screen.getByRole('button', { name: /Các cột của bảng/ }));
    expect(await screen.findByTestId('column-H')).toHaveTextContent('Ghi chú');
    expect(screen.getAllByTestId('fixed-unit').map((u) => u.textContent)).toEqual([
      '“Ban Điều phối dự án”Ban Quản lý dự án đầu tư xây dựng các công trình giao thông',
      '“Phòng Pháp chế”Thanh tra Sở',
    ]);
    expect(screen.getByRole('link', { name: /Tải tệp gốc/ })).toHaveAttribute('href', `/api/v1/imports/${ID}/file`);
  });

  it('shows the program’s year and where it comes from, which the deadlines without a year are read in', async () => {
    serve({});
    openImport();
    const year = await screen.findByRole('spinbutton', { name: 'Năm của chương trình' });
    expect(year).toHaveValue('2027');
    expect(year.closest('.imp-inline-field')).toHaveTextContent('Năm của chương trìnhtheo tên nguồn');
    expect(screen.queryByRole('button', { name: 'Theo nguồn' })).toBeNull();
    expect(screen.getByText(/Thời hạn không ghi năm/)).toHaveTextContent('được hiểu là của năm 2027.');
    expect(row(8)).toHaveTextContent('Tháng 12/202731/12/2027');
  });

  it('sends another year typed, on Enter, with the version read, and shows the deadlines read in it', async () => {
    const calls = serve({ patch: [{ body: imports.yearChosen }] });
    openImport();
    const year = await screen.findByRole('spinbutton', { name: 'Năm của chương trình' });
    fireEvent.change(year, { target: { value: '2028' } });
    expect(callsTo(calls, 'PATCH')).toHaveLength(0);
    fireEvent.keyDown(year, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(await screen.findByText('do bạn chọn')).toBeInTheDocument();
    expect(callsTo(calls, 'PATCH').map((p) => [p.headers['If-Match'], p.body])).toEqual([[`"${UPLOADED.import.version}"`, { year: 2028 }]]);
    expect(screen.getByRole('spinbutton', { name: 'Năm của chương trình' })).toHaveValue('2028');
    expect(row(8)).toHaveTextContent('Tháng 12/202831/12/2028');
    expect(screen.getByText(/Thời hạn không ghi năm/)).toHaveTextContent('được hiểu là của năm 2028.');
    expect(screen.getByRole('button', { name: 'Theo nguồn' })).toBeEnabled();
  });

  it('sends no year out of range or unchanged, and shows the one read again', async () => {
    const calls = serve({});
    openImport();
    const year = await screen.findByRole('spinbutton', { name: 'Năm của chương trình' });
    fireEvent.change(year, { target: { value: '1999' } });
    fireEvent.keyDown(year, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(year).toHaveValue('2027'));
    fireEvent.change(year, { target: { value: '2027' } });
    fireEvent.blur(year);
    expect(year).toHaveValue('2027');
    expect(callsTo(calls, 'PATCH')).toHaveLength(0);
  });

  it('shows the year read again when the server refuses the one typed', async () => {
    const calls = serve({ patch: [{ status: 500, body: { code: 'internal_error', message: 'Lỗi máy chủ.' } }] });
    openImport();
    const year = await screen.findByRole('spinbutton', { name: 'Năm của chương trình' });
    fireEvent.change(year, { target: { value: '2028' } });
    fireEvent.keyDown(year, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(callsTo(calls, 'PATCH')).toHaveLength(1));
    await waitFor(() => expect(year).toHaveValue('2027'));
    expect(year.closest('.imp-inline-field')).toHaveTextContent('theo tên nguồn');
  });

  it('goes back to the source’s year with “Theo nguồn”, shown only for a year chosen', async () => {
    const yearChosen = imports.yearChosen as ImportPreview;
    const calls = serve({ reads: [yearChosen], patch: [{ body: imports.yearFromSource }] });
    openImport();
    expect(await screen.findByRole('spinbutton', { name: 'Năm của chương trình' })).toHaveValue('2028');
    expect(screen.getByText('do bạn chọn')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Theo nguồn' }));
    expect(await screen.findByText('theo tên nguồn')).toBeInTheDocument();
    expect(callsTo(calls, 'PATCH').map((p) => [p.headers['If-Match'], p.body])).toEqual([[`"${yearChosen.import.version}"`, { year: null }]]);
    // The field's text follows the year read through the input's own state: awaited, not read at once.
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Năm của chương trình' })).toHaveValue('2027'));
    expect(screen.queryByRole('button', { name: 'Theo nguồn' })).toBeNull();
    expect(row(8)).toHaveTextContent('Tháng 12/202731/12/2027');
  });

  it('discards a draft with the version read and goes back to the source', async () => {
    const calls = serve({ discard: { status: 204 } });
    openImport();
    await screen.findByText('Còn 2 dòng có lỗi');
    fireEvent.click(screen.getByRole('button', { name: /Bỏ/ }));
    fireEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Bỏ' }));
    expect(await screen.findByText('Đã bỏ lần nhập tệp chuong-trinh-2027.csv.')).toBeInTheDocument();
    expect(await screen.findByTestId('location')).toHaveTextContent(`/sources/${SOURCE.id}`);
    expect(callsTo(calls, 'DELETE')[0].headers['If-Match']).toBe(`"${UPLOADED.import.version}"`);
  });

  it('says so when the import does not exist', async () => {
    mockFetch((c) => (c.path === '/me' ? { body: CONSOLIDATOR } : undefined));
    openImport(9999);
    expect(await screen.findByText('Không tìm thấy lần nhập này hoặc bạn không có quyền xem.')).toBeInTheDocument();
  });
});
