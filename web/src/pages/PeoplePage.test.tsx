import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import fx from '../test/apiFixtures.json';
import organizationList from '../test/fixtures/organizations.json';
import { ME_ADMIN, ME_SPECIALIST, mockFetch, renderPage } from '../test/pagesHarness';
import PeoplePage from './PeoplePage';

const TOTAL = fx.people.items.length;

/** The demo's people; the account list only for the administrator; every edit arrives too late. */
function serve(me: Me) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations') return { body: organizationList };
    if (c.path === '/people' && c.method === 'GET') return { body: fx.people };
    if (c.path === '/users') return me.role === 'admin' ? { body: fx.users } : { status: 403, body: fx.usersForbidden };
    if (c.path.startsWith('/people/') && c.method === 'PATCH') return { status: 412, body: fx.personStale };
    return undefined;
  });
}

const rowOf = (name: string) => screen.getByText(name, { selector: '.task-title-cell' }).closest('tr') as HTMLElement;

describe('PeoplePage', () => {
  it('lists everyone with their account and finds a person by user name', async () => {
    serve(ME_ADMIN);
    renderPage(<PeoplePage />, { path: '/people' });
    expect(await screen.findByText(`Đang hiện ${TOTAL} trên ${TOTAL} người`)).toBeInTheDocument();
    const lan = rowOf('Nguyễn Thị Lan');
    expect(within(lan).getByText('cv.lan')).toBeInTheDocument();
    expect(within(lan).getByText('Chuyên viên', { selector: '.ant-tag' })).toBeInTheDocument();

    fireEvent.change(screen.getByRole('textbox', { name: 'Tìm theo tên, chức vụ, đơn vị, tên đăng nhập' }), {
      target: { value: 'cv.lan' },
    });
    expect(await screen.findByText(`Đang hiện 1 trên ${TOTAL} người`)).toBeInTheDocument();
    expect(screen.queryByText('Trần Quốc Bảo', { selector: '.task-title-cell' })).toBeNull();
    expect(rowOf('Nguyễn Thị Lan')).toBeInTheDocument();
  });

  it('sends an administrator’s edit with the version read, and says when someone changed the person first', async () => {
    const calls = serve(ME_ADMIN);
    // her unit only, as an administrator looking for her would filter
    renderPage(<PeoplePage />, { path: '/people', url: `/people?org=${ME_SPECIALIST.organization_id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa thông tin Nguyễn Thị Lan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa thông tin cán bộ: Nguyễn Thị Lan' });
    const position = within(dialog).getByLabelText('Chức vụ');
    expect(position).toHaveValue('Chuyên viên');
    fireEvent.change(position, { target: { value: 'Phó Trưởng phòng' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Tài khoản vừa được người khác thay đổi. Vui lòng đóng hộp thoại, tải lại trang rồi thực hiện lại.',
    );
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/people/17');
    expect(patch?.body).toEqual({ position: 'Phó Trưởng phòng' });
    expect(patch?.headers['If-Match']).toBe('"1"');
  });

  it('shows other roles the people without accounts or edits', async () => {
    const calls = serve(ME_SPECIALIST);
    renderPage(<PeoplePage />, { path: '/people' });
    expect(await screen.findByText(`Đang hiện ${TOTAL} trên ${TOTAL} người`)).toBeInTheDocument();
    await waitFor(() => expect(calls.some((c) => c.path === '/users')).toBe(true));
    expect(rowOf('Nguyễn Thị Lan')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Tài khoản' })).toBeNull();
    expect(screen.queryByText('cv.lan')).toBeNull();
    expect(screen.queryByRole('button', { name: /Sửa|Thêm cán bộ|Tạo tài khoản/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
