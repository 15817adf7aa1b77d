import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import fx from '../test/apiFixtures.json';
import organizationList from '../test/fixtures/organizations.json';
import { ME_SPECIALIST, mockFetch, renderPage } from '../test/pagesHarness';
import ProfilePage from './ProfilePage';

const PASSWORD = 'giaoban2024';

/** cv.lan signed in; the server changes the password only when the current one is right. */
function serve() {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: ME_SPECIALIST };
    if (c.path === '/organizations') return { body: organizationList };
    if (c.path === '/me/password' && c.method === 'POST') {
      const { old_password } = c.body as { old_password: string };
      return old_password === PASSWORD ? { body: fx.passwordChanged } : { status: 422, body: fx.passwordWrong };
    }
    return undefined;
  });
}

async function changePassword(current: string, next: string, again = next) {
  fireEvent.change(await screen.findByLabelText('Mật khẩu hiện tại'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('Mật khẩu mới'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('Nhập lại mật khẩu mới'), { target: { value: again } });
  fireEvent.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
}

const passwordCalls = (calls: ReturnType<typeof serve>) => calls.filter((c) => c.path === '/me/password');

describe('ProfilePage', () => {
  it('shows the account: name, position, unit, role and user name', async () => {
    serve();
    renderPage(<ProfilePage />, { path: '/profile' });
    const account = (await screen.findByText('Họ và tên')).closest('table') as HTMLElement;
    expect(within(account).getByText('Nguyễn Thị Lan')).toBeInTheDocument();
    expect(await within(account).findByText('Phòng Quản lý kết cấu hạ tầng giao thông')).toBeInTheDocument();
    // position and role are both "Chuyên viên" for this account
    expect(within(account).getAllByText('Chuyên viên')).toHaveLength(2);
    expect(within(account).getByText('cv.lan')).toBeInTheDocument();
  });

  it('changes the password and empties the form', async () => {
    const calls = serve();
    renderPage(<ProfilePage />, { path: '/profile' });
    await changePassword(PASSWORD, 'mat-khau-moi-2026');
    expect(await screen.findByText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.')).toBeInTheDocument();
    const [sent] = passwordCalls(calls);
    expect(sent.body).toEqual({ old_password: PASSWORD, new_password: 'mat-khau-moi-2026' });
    expect(sent.headers['X-CSRF-Token']).toBe('csrf-test');
    await waitFor(() => expect(screen.getByLabelText('Mật khẩu hiện tại')).toHaveValue(''));
  });

  it('shows the server’s “wrong” next to the current password', async () => {
    const calls = serve();
    renderPage(<ProfilePage />, { path: '/profile' });
    await changePassword('mat-khau-sai', 'mat-khau-moi-2026');
    const field = (await screen.findByText('Không đúng')).closest('.ant-form-item') as HTMLElement;
    expect(within(field).getByLabelText('Mật khẩu hiện tại')).toBeInTheDocument();
    expect(passwordCalls(calls)).toHaveLength(1);
    expect(screen.queryByText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.')).toBeNull();
  });

  it('sends nothing while the new password is short or typed differently twice', async () => {
    const calls = serve();
    renderPage(<ProfilePage />, { path: '/profile' });
    await changePassword(PASSWORD, 'ngan', 'ngan');
    expect(await screen.findByText('Mật khẩu mới cần ít nhất 8 ký tự')).toBeInTheDocument();
    await changePassword(PASSWORD, 'mat-khau-moi-2026', 'mat-khau-khac-2026');
    expect(await screen.findByText('Hai mật khẩu mới không trùng nhau')).toBeInTheDocument();
    expect(passwordCalls(calls)).toHaveLength(0);
  });
});
