import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, ReportImage, ReportSettings } from '../api/types';
import fx from '../test/apiFixtures.json';
import organizations from '../test/fixtures/organizations.json';
import { ME_ADMIN, ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import ReportSettingsPage from './ReportSettingsPage';

// The demo agency's settings as loaded, and as its administrator then saved them; the province,
// which set none, has the defaults.
const DEMO = fx.reportSettingsDemo as ReportSettings;
const SAVED = fx.reportSettingsSaved as ReportSettings;
const DEFAULTS = fx.reportSettingsDefaults as ReportSettings;
const ME_PROVINCE_ADMIN = fx.provinceAdminMe as Me;

type Answer = { status?: number; body?: unknown };

/**
 * The agency's settings as `stored`, its organisations and people; a PUT of the settings answered
 * with `put`, an image's PUT or DELETE with `image` (by default, a removal's 204).
 */
function serve(me: Me, { stored = DEMO, put, image }: { stored?: ReportSettings; put?: Answer; image?: Answer } = {}) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations') return { body: organizations };
    if (c.path === '/people') return { body: fx.people };
    if (c.path === '/report-settings' && c.method === 'GET') return { body: stored };
    if (c.path === '/report-settings' && c.method === 'PUT') return put;
    if (c.path.startsWith('/report-settings/') && c.method !== 'GET') return image ?? { status: 204 };
    return undefined;
  });
}

const settingsCalls = (calls: Call[], method: string) => calls.filter((c) => c.method === method && c.path === '/report-settings');
const imageCalls = (calls: Call[]) => calls.filter((c) => c.path.startsWith('/report-settings/'));

// The demo's seal and its signers' signatures as the settings show them (digest and size), and
// the same settings without any image.
const SEAL = SAVED.seal!;
const DIRECTOR_SIGNATURE = SAVED.signers[0].signature!;
const NO_IMAGES: ReportSettings = { ...SAVED, seal: null, signers: SAVED.signers.map((s) => ({ ...s, signature: null })) };
const NEW_SEAL = fx.reportImageSet as ReportImage;

/** The section of one image: the seal, or a signer's signature. */
const imageSection = (name: string) => screen.findByRole('region', { name });

/** Picks `file` in the section's file input, as choosing it in the browser's dialog does. */
function pickFile(section: HTMLElement, file: File) {
  const input = section.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input).toHaveAttribute('accept', 'image/png');
  fireEvent.change(input, { target: { files: [file] } });
}

const pngFile = (name = 'con-dau.png') => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });

function open(me: Me, options?: Parameters<typeof serve>[1]) {
  const calls = serve(me, options);
  renderPage(<ReportSettingsPage />, { path: '/report-settings' });
  return calls;
}

const field = (label: string) => screen.getByLabelText(label);
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

/** Opens a select (or a tree select) and clicks the option titled `title`, found by typing `typed`. */
async function choose(box: HTMLElement, typed: string, title: string) {
  fireEvent.mouseDown(box);
  fireEvent.change(box, { target: { value: typed } });
  fireEvent.click(await screen.findByTitle(title));
}

describe('ReportSettingsPage', () => {
  it('says that the defaults are in use, and shows them', async () => {
    open(ME_PROVINCE_ADMIN, { stored: DEFAULTS });
    expect(await screen.findByText('Đang dùng thiết lập mặc định')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Tháng dương lịch/ })).toBeChecked();
    expect(field('Hạn nộp báo cáo đơn vị')).toHaveValue('3');
    // The agency's own code and name in capitals; the province has no parent above it.
    expect(field('Ký hiệu cơ quan trong số văn bản')).toHaveValue('UBND');
    expect(field('Tên cơ quan chủ quản (dòng trên)')).toHaveValue('');
    expect(field('Tên cơ quan ban hành (dòng dưới)')).toHaveValue('UBND TỈNH QUẢNG NGÃI');
    expect(field('Nơi nhận 1')).toHaveValue('Lưu: VT.');
    expect(screen.getByText('Chưa có người ký.')).toBeInTheDocument();
  });

  it('no longer speaks of defaults once the agency has saved its own', async () => {
    open(ME_SPECIALIST);
    await screen.findByRole('group', { name: 'Người ký 1' });
    expect(field('Ký hiệu cơ quan trong số văn bản')).toHaveValue('SGTVT');
    expect(screen.queryByText('Đang dùng thiết lập mặc định')).toBeNull();
  });

  it('offers someone not an administrator the values to read and nothing to change', async () => {
    open(ME_SPECIALIST, { stored: SAVED });
    const signer = await screen.findByRole('group', { name: 'Người ký 2' });
    expect(signer).toHaveTextContent('Nguyễn Đức Hùng');
    expect(within(signer).getByLabelText('Chức vụ')).toHaveValue('PHÓ GIÁM ĐỐC');
    expect(within(signer).getByLabelText('Chức vụ')).toBeDisabled();
    expect(screen.getByRole('radio', { name: /^Từ ngày 15 tháng trước đến ngày 14/ })).toBeChecked();
    expect(screen.getByText('Phòng Kế hoạch – Tài chính')).toBeInTheDocument();
    expect(screen.queryByText('Đang dùng thiết lập mặc định')).toBeNull();
    expect(screen.getByText('Chỉ quản trị viên của cơ quan được sửa thiết lập báo cáo.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Lưu thiết lập|Thêm|Xóa|Chuyển/ })).toBeNull();
    for (const input of screen.getAllByRole('textbox')) expect(input).toBeDisabled();
  });

  it('shows the document number and the place-date line as they will read, as they are typed', async () => {
    open(ME_ADMIN);
    expect(await screen.findByText('Số văn bản sẽ ghi: Số: 15/BC-SGTVT')).toBeInTheDocument();
    expect(screen.getByText('Dòng địa danh, ngày tháng sẽ ghi: Quảng Ngãi, ngày 05 tháng 01 năm 2024')).toBeInTheDocument();

    type(field('Ký hiệu cơ quan trong số văn bản'), 'sxd');
    const firstType = screen.getByRole('group', { name: 'Loại văn bản 1' });
    type(within(firstType).getByLabelText('Ký hiệu'), 'TB');
    type(field('Địa danh'), ' Đà Nẵng ');
    expect(await screen.findByText('Số văn bản sẽ ghi: Số: 15/TB-SXD')).toBeInTheDocument();
    expect(screen.getByText('Dòng địa danh, ngày tháng sẽ ghi: Đà Nẵng, ngày 05 tháng 01 năm 2024')).toBeInTheDocument();

    // The heading's lines in capitals, whatever the case they were typed in.
    type(field('Tên cơ quan chủ quản (dòng trên)'), 'Ủy ban nhân dân thành phố Đà Nẵng');
    type(field('Tên cơ quan ban hành (dòng dưới)'), 'Sở Xây dựng');
    const preview = screen.getByText('Phần đầu văn bản khi in').closest('figure') as HTMLElement;
    await waitFor(() => expect(preview).toHaveTextContent('ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNGSỞ XÂY DỰNG'));
  });

  it('lets the administrator change the settings and saves what the form shows, with the version read', async () => {
    const calls = open(ME_ADMIN, { put: { body: SAVED } });
    await screen.findByRole('group', { name: 'Người ký 1' });

    fireEvent.click(screen.getByRole('radio', { name: /^Từ ngày 15 tháng trước đến ngày 14/ }));
    type(field('Hạn nộp báo cáo đơn vị'), '5');
    await choose(screen.getByRole('combobox', { name: 'Đơn vị tổng hợp báo cáo' }), 'van phong so', 'Văn phòng Sở');
    type(field('Tên cơ quan ban hành (dòng dưới)'), 'Sở Giao thông vận tải tỉnh Quảng Ngãi');

    // The recipients: one added at the end and moved above the last, one removed.
    fireEvent.click(screen.getByRole('button', { name: /Thêm nơi nhận/ }));
    type(await screen.findByLabelText('Nơi nhận 5'), 'Thanh tra Sở;');
    fireEvent.click(screen.getByRole('button', { name: 'Chuyển Nơi nhận 5 lên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xóa Nơi nhận 3' }));
    await waitFor(() => expect(field('Nơi nhận 3')).toHaveValue('Thanh tra Sở;'));
    expect(field('Nơi nhận 4')).toHaveValue('Lưu: VT, KHTC.');

    // The document types: two removed, one added.
    fireEvent.click(screen.getByRole('button', { name: 'Xóa Loại văn bản 6' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xóa Loại văn bản 4' }));
    fireEvent.click(screen.getByRole('button', { name: /Thêm loại văn bản/ }));
    const added = await screen.findByRole('group', { name: 'Loại văn bản 5' });
    type(within(added).getByLabelText('Tên loại văn bản'), ' Chương trình ');
    // A type's code keeps its small letters, as the decree writes CTr.
    type(within(added).getByLabelText('Ký hiệu'), 'CTr');

    fireEvent.click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(await screen.findByText('Đã lưu thiết lập báo cáo.')).toBeInTheDocument();
    const put = settingsCalls(calls, 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0].headers['If-Match']).toBe(`"${DEMO.version}"`);
    expect(put[0].body).toEqual({
      period_convention: 'cutoff_14th',
      due_working_days: 5,
      consolidating_org_id: 3,
      agency_code: 'SGTVT',
      place_name: 'Quảng Ngãi',
      parent_line: 'UBND TỈNH QUẢNG NGÃI',
      agency_line: 'SỞ GIAO THÔNG VẬN TẢI TỈNH QUẢNG NGÃI',
      recipients: ['UBND tỉnh (b/c);', 'Giám đốc, các PGĐ Sở;', 'Thanh tra Sở;', 'Lưu: VT, KHTC.'],
      document_types: [
        { name: 'Báo cáo', code: 'BC' },
        { name: 'Thông báo', code: 'TB' },
        { name: 'Giấy mời', code: 'GM' },
        { name: 'Kế hoạch', code: 'KH' },
        { name: 'Chương trình', code: 'CTr' },
      ],
      signers: [
        { person_id: 1, authority: '', title: 'GIÁM ĐỐC' },
        { person_id: 2, authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
      ],
    });
    // The settings as the server saved them are shown.
    await waitFor(() => expect(field('Nơi nhận 2')).toHaveValue('Giám đốc, các Phó Giám đốc Sở;'));
    expect(field('Nơi nhận 3')).toHaveValue('Lưu: VT, KHTC.');
  });

  it('lets the administrator leave the consolidating division unchosen', async () => {
    const calls = open(ME_ADMIN, { stored: SAVED, put: { body: { ...SAVED, consolidating_org_id: null } } });
    await screen.findByRole('group', { name: 'Người ký 1' });
    const division = screen.getByRole('combobox', { name: 'Đơn vị tổng hợp báo cáo' }).closest('.ant-select') as HTMLElement;
    fireEvent.mouseDown(division.querySelector('.ant-select-clear') as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(await screen.findByText('Đã lưu thiết lập báo cáo.')).toBeInTheDocument();
    const put = settingsCalls(calls, 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0].body).toMatchObject({ consolidating_org_id: null });
  });

  it('lets the administrator name the signers, in order, with the lines above their signatures', async () => {
    const calls = open(ME_ADMIN, { stored: { ...SAVED, signers: [] }, put: { body: SAVED } });
    await screen.findByText('Chưa có người ký.');
    for (const [n, typed, person, authority, title] of [
      [1, 'hung', 'Nguyễn Đức Hùng – Phó Giám đốc', 'kt. giám đốc', 'phó giám đốc'],
      [2, 'bao', 'Trần Quốc Bảo – Giám đốc', '', 'Giám đốc'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name: /Thêm người ký/ }));
      const signer = await screen.findByRole('group', { name: `Người ký ${n}` });
      await choose(within(signer).getByRole('combobox', { name: 'Cán bộ ký' }), typed, person);
      type(within(signer).getByLabelText('Quyền hạn ký'), authority);
      type(within(signer).getByLabelText('Chức vụ'), title);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Chuyển Người ký 2 lên' }));
    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Người ký 1' })).getByLabelText('Chức vụ')).toHaveValue('Giám đốc'));

    fireEvent.click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(await screen.findByText('Đã lưu thiết lập báo cáo.')).toBeInTheDocument();
    const put = settingsCalls(calls, 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0].headers['If-Match']).toBe(`"${SAVED.version}"`);
    expect(put[0].body).toMatchObject({
      signers: [
        { person_id: 1, authority: '', title: 'GIÁM ĐỐC' },
        { person_id: 2, authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
      ],
    });
  });

  it('refuses a code a document number cannot carry and a document type twice, before anything is sent', async () => {
    const calls = open(ME_ADMIN);
    await screen.findByRole('group', { name: 'Người ký 1' });
    type(field('Ký hiệu cơ quan trong số văn bản'), 'SỞ GTVT');
    type(within(screen.getByRole('group', { name: 'Loại văn bản 2' })).getByLabelText('Ký hiệu'), 'BC');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(await screen.findByText('Chỉ gồm chữ in hoa không dấu, chữ Đ, chữ số và dấu gạch nối')).toBeInTheDocument();
    expect(await screen.findByText('Ký hiệu này đã dùng cho loại văn bản khác')).toBeInTheDocument();
    expect(settingsCalls(calls, 'PUT')).toHaveLength(0);
  });

  it('sends nothing when nothing was changed', async () => {
    const calls = open(ME_ADMIN, { stored: SAVED });
    await screen.findByRole('group', { name: 'Người ký 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(await screen.findByText('Không có thay đổi nào để lưu.')).toBeInTheDocument();
    expect(settingsCalls(calls, 'PUT')).toHaveLength(0);
  });

  it('says when someone else saved first, and shows the settings as they now are', async () => {
    const calls = open(ME_ADMIN, { stored: SAVED, put: { status: 412, body: fx.reportSettingsStale } });
    await screen.findByRole('group', { name: 'Người ký 1' });
    type(field('Ký hiệu cơ quan trong số văn bản'), 'SXD');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Thiết lập báo cáo vừa được người khác thay đổi. Trang đã tải lại thiết lập mới nhất; vui lòng sửa lại.',
    );
    await waitFor(() => expect(settingsCalls(calls, 'GET')).toHaveLength(2));
    await waitFor(() => expect(field('Ký hiệu cơ quan trong số văn bản')).toHaveValue('SGTVT'));
  });

  it('shows what only the server could find wrong next to the fields it concerns', async () => {
    open(ME_ADMIN, { stored: SAVED, put: { status: 422, body: fx.reportSettingsInvalid } });
    await screen.findByRole('group', { name: 'Người ký 1' });
    type(field('Hạn nộp báo cáo đơn vị'), '7');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vui lòng kiểm tra các trường được đánh dấu.');
    const division = screen.getByRole('combobox', { name: 'Đơn vị tổng hợp báo cáo' }).closest('.ant-form-item') as HTMLElement;
    expect(await within(division).findByText('Không tìm thấy mục đã chọn')).toBeInTheDocument();
    const signers = screen.getByRole('group', { name: 'Người ký 2' }).parentElement as HTMLElement;
    expect(await within(signers).findAllByText('Không tìm thấy mục đã chọn')).toHaveLength(1);
    // Still the form as typed: nothing is lost.
    expect(field('Hạn nộp báo cáo đơn vị')).toHaveValue('7');
  });

  it('shows the seal and the signatures that are set, and nothing to change them to someone not an administrator', async () => {
    // The deputy's signature not set.
    const stored = { ...SAVED, signers: [SAVED.signers[0], { ...SAVED.signers[1], signature: null }] };
    open(ME_SPECIALIST, { stored });
    const seal = await imageSection('Con dấu của cơ quan');
    expect(within(seal).getByRole('img', { name: 'Ảnh con dấu của cơ quan' })).toHaveAttribute(
      'src',
      `/api/v1/report-settings/seal#${SEAL.sha256}`,
    );
    expect(seal).toHaveTextContent(`${SEAL.width} × ${SEAL.height} điểm ảnh`);
    const director = screen.getByRole('region', { name: 'Chữ ký của Trần Quốc Bảo' });
    expect(within(director).getByRole('img', { name: 'Ảnh chữ ký của Trần Quốc Bảo' })).toHaveAttribute(
      'src',
      `/api/v1/report-settings/signers/1/signature#${DIRECTOR_SIGNATURE.sha256}`,
    );
    const deputy = screen.getByRole('region', { name: 'Chữ ký của Nguyễn Đức Hùng' });
    expect(deputy).toHaveTextContent('Chưa có ảnh.');
    expect(within(deputy).queryByRole('img')).toBeNull();
    expect(screen.queryByRole('button', { name: /Tải ảnh PNG lên|Thay ảnh|Xóa ảnh/ })).toBeNull();
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it('lets the administrator upload a PNG file, sent as it is, and shows it without touching the form', async () => {
    const calls = open(ME_ADMIN, { stored: NO_IMAGES, image: { body: NEW_SEAL } });
    const seal = await imageSection('Con dấu của cơ quan');
    expect(seal).toHaveTextContent('Chưa có ảnh.');
    type(field('Ký hiệu cơ quan trong số văn bản'), 'SXD');

    const file = pngFile();
    pickFile(seal, file);
    expect(await screen.findByText('Đã lưu ảnh.')).toBeInTheDocument();
    const sent = imageCalls(calls);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'PUT', path: '/report-settings/seal' });
    expect(sent[0].headers['Content-Type']).toBe('image/png');
    expect(sent[0].body).toBe(file);
    expect(await within(seal).findByRole('img', { name: 'Ảnh con dấu của cơ quan' })).toHaveAttribute(
      'src',
      `/api/v1/report-settings/seal#${NEW_SEAL.sha256}`,
    );
    expect(seal).toHaveTextContent(`${NEW_SEAL.width} × ${NEW_SEAL.height} điểm ảnh`);
    expect(within(seal).getByRole('button', { name: /Thay ảnh/ })).toBeInTheDocument();
    // The form keeps what was typed, and the settings were neither saved nor read again.
    expect(field('Ký hiệu cơ quan trong số văn bản')).toHaveValue('SXD');
    expect(settingsCalls(calls, 'PUT')).toHaveLength(0);
    expect(settingsCalls(calls, 'GET')).toHaveLength(1);

    // A signer's signature goes to their own address.
    pickFile(screen.getByRole('region', { name: 'Chữ ký của Nguyễn Đức Hùng' }), pngFile('chu-ky.png'));
    await waitFor(() => expect(imageCalls(calls)).toHaveLength(2));
    expect(imageCalls(calls)[1]).toMatchObject({ method: 'PUT', path: '/report-settings/signers/2/signature' });
  });

  it('says in Vietnamese why the server did not take an image, and keeps the one set', async () => {
    open(ME_ADMIN, { stored: SAVED, image: { status: 422, body: fx.reportImageRefused } });
    const seal = await imageSection('Con dấu của cơ quan');
    pickFile(seal, pngFile('con-dau-nen-trang.png'));
    expect(await within(seal).findByRole('alert')).toHaveTextContent(
      'Không nhận được ảnh này: Ảnh không có nền trong suốt, sẽ che mất chữ bên dưới',
    );
    expect(within(seal).getByRole('img', { name: 'Ảnh con dấu của cơ quan' })).toHaveAttribute(
      'src',
      `/api/v1/report-settings/seal#${SEAL.sha256}`,
    );
  });

  it('says that a file too large for any request is too large', async () => {
    open(ME_ADMIN, { stored: NO_IMAGES, image: { status: 413, body: { code: 'body_too_large', message: 'Dữ liệu gửi lên quá lớn.' } } });
    const seal = await imageSection('Con dấu của cơ quan');
    pickFile(seal, pngFile('qua-lon.png'));
    expect(await within(seal).findByRole('alert')).toHaveTextContent('Không nhận được ảnh này: Tệp quá lớn (tối đa 512 KB)');
  });

  it('lets the administrator remove an image once confirmed', async () => {
    const calls = open(ME_ADMIN, { stored: SAVED });
    const director = await imageSection('Chữ ký của Trần Quốc Bảo');
    fireEvent.click(within(director).getByRole('button', { name: /Xóa ảnh/ }));
    expect(imageCalls(calls)).toHaveLength(0);
    fireEvent.click(await screen.findByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Đã xóa ảnh.')).toBeInTheDocument();
    expect(imageCalls(calls)).toEqual([expect.objectContaining({ method: 'DELETE', path: '/report-settings/signers/1/signature' })]);
    expect(director).toHaveTextContent('Chưa có ảnh.');
    expect(within(director).queryByRole('img', { name: 'Ảnh chữ ký của Trần Quốc Bảo' })).toBeNull();
    // The seal stays.
    expect(screen.getByRole('img', { name: 'Ảnh con dấu của cơ quan' })).toBeInTheDocument();
  });
});
