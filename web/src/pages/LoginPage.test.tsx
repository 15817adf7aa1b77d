import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import fx from '../test/apiFixtures.json';
import { mockFetch, renderPage } from '../test/pagesHarness';
import LoginPage from './LoginPage';

const PASSWORD = 'giaoban2024';

const { csrf_token: _csrf, ...leader } = fx.leaderMe;
const leaderLogin = { ...fx.specialistLogin, user: leader };

/** Signed out; the server takes the demo password (of cv.lan or giamdoc) and refuses any other. */
function serve() {
  return mockFetch((c) => {
    if (c.path === '/me') return { status: 401, body: fx.meSignedOut };
    if (c.path === '/auth/login' && c.method === 'POST') {
      const { username, password } = c.body as { username: string; password: string };
      if (password !== PASSWORD) return { status: 401, body: fx.loginRefused };
      return { body: username === 'giamdoc' ? leaderLogin : fx.specialistLogin };
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
  // A login remembers that the browser has a session.
  beforeEach(() => window.localStorage.clear());

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

  it('takes the refusal away once the fields are edited', async () => {
    serve();
    open('/login');
    await logIn('cv.lan', 'mat-khau-sai');
    expect(await screen.findByRole('alert')).toHaveTextContent('Đăng nhập không thành công');
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập')).toBeInTheDocument();
    expect(screen.queryByText('Đăng nhập không thành công')).toBeNull();
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
    await logIn('giamdoc', PASSWORD);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });

  it('starts a specialist on their own tasks, a leader on the dashboard', async () => {
    serve();
    open('/login');
    await logIn('cv.lan', PASSWORD);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/my$/));
    cleanup();
    serve();
    open('/login');
    await logIn('giamdoc', PASSWORD);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });

  it('asks the server nothing for a visitor who has not signed in on this browser', async () => {
    const calls = serve();
    open('/login');
    expect(await screen.findByRole('button', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('checks the session of a browser that had one, and sends a signed-in user on', async () => {
    window.localStorage.setItem('gb.session', '1');
    const calls = mockFetch((c) => (c.path === '/me' ? { body: fx.specialistMe } : undefined));
    open('/login');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/my$/));
    expect(calls.map((c) => c.path)).toEqual(['/me']);
  });

  it('forgets the session hint when the server says the session is over', async () => {
    window.localStorage.setItem('gb.session', '1');
    serve();
    open('/login');
    expect(await screen.findByRole('button', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(window.localStorage.getItem('gb.session')).toBeNull();
  });
});
