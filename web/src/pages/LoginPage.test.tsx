import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import fx from '../test/apiFixtures.json';
import { mockFetch, renderPage } from '../test/pagesHarness';
import LoginPage from './LoginPage';

const PASSWORD = 'giaoban2024';

/** Signed out; the server takes the demo password and refuses any other. */
function serve() {
  return mockFetch((c) => {
    if (c.path === '/me') return { status: 401, body: fx.meSignedOut };
    if (c.path === '/auth/login' && c.method === 'POST') {
      const { password } = c.body as { password: string };
      return password === PASSWORD ? { body: fx.specialistLogin } : { status: 401, body: fx.loginRefused };
    }
    return undefined;
  });
}

async function logIn(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('Tên đăng nhập'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

const open = (url: string) => renderPage(<LoginPage />, { path: '/login', url, guarded: false });

describe('LoginPage', () => {
  it('asks for both fields before sending anything', async () => {
    const calls = serve();
    open('/login');
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/auth/login')).toHaveLength(0);
  });

  it('shows the server’s refusal and stays on the form', async () => {
    const calls = serve();
    open('/login?next=%2Ftasks');
    await logIn('  cv.lan ', 'mat-khau-sai');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Đăng nhập không thành công');
    expect(alert).toHaveTextContent(fx.loginRefused.message);
    expect(calls.find((c) => c.path === '/auth/login')?.body).toEqual({ username: 'cv.lan', password: 'mat-khau-sai' });
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('opens the page the user came from once signed in', async () => {
    serve();
    open(`/login?next=${encodeURIComponent('/tasks?assignee=17')}`);
    await logIn('cv.lan', PASSWORD);
    expect(await screen.findByTestId('location')).toHaveTextContent('/tasks?assignee=17');
  });

  it('never follows a return address to another site', async () => {
    serve();
    open(`/login?next=${encodeURIComponent('//example.com/tasks')}`);
    await logIn('cv.lan', PASSWORD);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });
});
