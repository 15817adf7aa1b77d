import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import fx from '../test/apiFixtures.json';
import { formatTimestamp } from '../lib/format';
import organizationList from '../test/fixtures/organizations.json';
import imports from '../test/fixtures/imports.json';
import { ME_LEADER, ME_SPECIALIST, ME_UNIT_HEAD, mockFetch, renderPage } from '../test/pagesHarness';
import SourcePage from './SourcePage';

const SOURCE = fx.source5;

function serve(me: Me) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations') return { body: organizationList };
    if (c.path === '/people') return { body: fx.people };
    if (c.path === `/sources/${SOURCE.id}`) return { body: SOURCE };
    if (c.path === '/sources/9999') return { status: 404, body: fx.sourceNotFound };
    if (c.path === '/tasks' && c.query.get('source') === String(SOURCE.id)) return { body: fx.source5Tasks };
    if (c.path === `/sources/${SOURCE.id}/imports`) return { body: imports.list };
    return undefined;
  });
}

const open = (id: number) => renderPage(<SourcePage />, { path: '/sources/:id', url: `/sources/${id}` });

// A source just added, before any task is given under it.
const NEW_SOURCE = fx.sourceCreated;

function serveNewSource(me: Me) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations') return { body: organizationList };
    if (c.path === '/people') return { body: fx.people };
    if (c.path === `/sources/${NEW_SOURCE.id}`) return { body: NEW_SOURCE };
    if (c.path === '/tasks' && c.query.get('source') === String(NEW_SOURCE.id)) return { body: { ...fx.source5Tasks, items: [], total: 0 } };
    if (c.path === `/sources/${NEW_SOURCE.id}/imports`) return { body: { ...imports.list, items: [] } };
    return undefined;
  });
}

/** What the list of the source's tasks says while it has none. */
const noTasks = async () => (await screen.findByText('Nguồn này chưa có nhiệm vụ nào.')).closest('.ant-empty') as HTMLElement;

describe('SourcePage', () => {
  it('shows the issuing document and the tasks given by it', async () => {
    const calls = serve(ME_SPECIALIST);
    open(SOURCE.id);
    expect(await screen.findByRole('heading', { name: SOURCE.title })).toBeInTheDocument();
    expect(screen.getAllByText('Số 512/UBND-KTN ngày 15/03/2026').length).toBeGreaterThan(0);
    const details = screen.getByText('Văn bản giao nhiệm vụ').closest('.ant-card') as HTMLElement;
    expect(details).toHaveTextContent('UBND tỉnh Quảng Ngãi');
    expect(details).toHaveTextContent(SOURCE.summary);
    expect(within(details).getByRole('link', { name: String(SOURCE.task_count) })).toHaveAttribute('href', `/tasks?source=${SOURCE.id}`);

    for (const task of fx.source5Tasks.items) expect(await screen.findByRole('link', { name: task.title })).toBeInTheDocument();
    const list = calls.find((c) => c.path === '/tasks')!;
    expect(Object.fromEntries(list.query)).toEqual({ source: '5', sort: 'id', page: '1', page_size: '20' });
    // a specialist neither edits the source nor adds tasks to it, nor imports them
    expect(screen.queryByRole('button', { name: /Sửa/ })).toBeNull();
    expect(screen.queryByText('Thêm nhanh nhiều nhiệm vụ')).toBeNull();
    expect(screen.queryByRole('button', { name: /Nhập từ Excel/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /Tải chương trình/ })).toBeNull();
    expect(calls.some((c) => c.path.endsWith('/imports'))).toBe(false);
  });

  it('offers the planning division to import a program from a file, and lists the source’s imports', async () => {
    serve(imports.consolidatorMe as Me);
    open(SOURCE.id);
    await screen.findByRole('heading', { name: SOURCE.title });
    expect(screen.getByRole('button', { name: /Nhập từ Excel/ }).closest('a')).toHaveAttribute('href', `/sources/${SOURCE.id}/import`);
    // its tasks written back as the program workbook, to edit and import again
    expect(screen.getByRole('link', { name: /Tải chương trình \(Excel\)/ })).toHaveAttribute(
      'href',
      `/api/v1/sources/${SOURCE.id}/program.xlsx`,
    );
    const list = (await screen.findByText('Các lần nhập từ tệp')).closest('.ant-card') as HTMLElement;
    const [draft, confirmed] = imports.list.items;
    expect(within(list).getByRole('link', { name: draft.file_name })).toHaveAttribute('href', `/imports/${draft.id}`);
    expect(within(list).getByTestId(`import-${draft.id}`)).toHaveTextContent(`Chưa xác nhận`);
    expect(within(list).getByTestId(`import-${draft.id}`)).toHaveTextContent(`tải lên ${formatTimestamp(draft.created_at)}`);
    expect(within(list).getByTestId(`import-${confirmed.id}`)).toHaveTextContent(
      `Đã nhập5 nhiệm vụ · nhập lúc ${formatTimestamp(confirmed.confirmed_at)}`,
    );
  });

  it('suggests to the planning division importing a new source’s program from Excel, beside adding tasks quickly', async () => {
    serveNewSource(imports.consolidatorMe as Me);
    open(NEW_SOURCE.id);
    const empty = await noTasks();
    expect(empty).toHaveTextContent(
      'Dùng bảng “Thêm nhanh nhiều nhiệm vụ” bên dưới để giao các nhiệm vụ của văn bản, hoặc nhập cả chương trình công tác từ tệp Excel.',
    );
    expect(within(empty).getByRole('link', { name: 'Nhập từ Excel' })).toHaveAttribute('href', `/sources/${NEW_SOURCE.id}/import`);
  });

  it('suggests to a unit head only adding tasks quickly to a new source, as they may not import', async () => {
    serveNewSource(ME_UNIT_HEAD);
    open(NEW_SOURCE.id);
    const empty = await noTasks();
    expect(empty).toHaveTextContent('Dùng bảng “Thêm nhanh nhiều nhiệm vụ” bên dưới để giao các nhiệm vụ của văn bản.');
    expect(empty).not.toHaveTextContent(/Excel/);
    expect(within(empty).queryByRole('link')).toBeNull();
    expect(screen.getByText('Thêm nhanh nhiều nhiệm vụ')).toBeInTheDocument();
  });

  it('lets a leader edit the source, starting from what it says', async () => {
    serve(ME_LEADER);
    open(SOURCE.id);
    await screen.findByRole('heading', { name: SOURCE.title });
    expect(screen.getByText('Thêm nhanh nhiều nhiệm vụ')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Sửa/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa thông tin nguồn nhiệm vụ' });
    expect(within(dialog).getByLabelText('Tên chương trình, văn bản')).toHaveValue(SOURCE.title);
    expect(within(dialog).getByLabelText('Số, ký hiệu')).toHaveValue(SOURCE.doc_number);
    expect(within(dialog).getByLabelText('Cơ quan ban hành')).toHaveValue(SOURCE.issuer);
  });

  it('says so when the source does not exist, with the way back to the list', async () => {
    serve(ME_SPECIALIST);
    open(9999);
    expect(await screen.findByText('Không tìm thấy nguồn nhiệm vụ hoặc bạn không có quyền xem.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về danh sách nguồn nhiệm vụ' })).toHaveAttribute('href', '/sources');
  });
});
