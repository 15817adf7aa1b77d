// Opt-in checks of the pages against a real server (a scratch copy of the demo database):
//   GB_LIVE_URL=http://127.0.0.1:8091 npx vitest run src/test/live.test.tsx
// They change data (a progress report, an explanation request, an edit), so never point them at
// a database that matters. Skipped when GB_LIVE_URL is not set.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AuthProvider } from '../auth/AuthProvider';
import App from '../App';
import { invalidateRefData } from '../lib/refData';
import { setCsrfToken } from '../api/client';
import { renderWithProviders } from './render';

const env = (globalThis as unknown as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const BASE = env.GB_LIVE_URL;
const realFetch = globalThis.fetch;
let cookie = '';

async function liveFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input), BASE);
  const headers = new Headers(init.headers);
  if (cookie) headers.set('Cookie', cookie);
  // jsdom's AbortSignal is not Node's; the checks do not need cancelling.
  const res = await realFetch(url, { method: init.method, body: init.body, headers });
  for (const c of res.headers.getSetCookie()) {
    const kv = c.split(';')[0];
    if (kv.startsWith('gb_session=')) cookie = kv === 'gb_session=' ? '' : kv;
  }
  return res;
}

async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await liveFetch(`/api/v1${path}`, init);
  return (await res.json()) as T;
}

const slow = { timeout: 15000 };

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches an accessible name ending with `text` (a key task's link starts with "Trọng tâm"). */
const endsWith = (text: string) => new RegExp(`${escapeRe(text)}$`);

async function logIn(username: string, next: string) {
  cookie = '';
  setCsrfToken(null);
  invalidateRefData();
  renderWithProviders(
    <AuthProvider>
      <App />
    </AuthProvider>,
    `/login?next=${encodeURIComponent(next)}`,
  );
  fireEvent.change(await screen.findByLabelText('Tên đăng nhập', undefined, slow), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'giaoban2024' } });
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

describe.skipIf(!BASE)('pages against a live server', () => {
  beforeAll(() => {
    vi.stubGlobal('fetch', liveFetch);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('a specialist logs in, sees the tasks assigned to them and reports progress with an attachment', async () => {
    await logIn('cv.lan', '/tasks?assignee=17');
    // header: name, position, organisation
    expect(await screen.findByText('Nguyễn Thị Lan', undefined, slow)).toBeInTheDocument();
    await screen.findByText(/Chuyên viên · Phòng Quản lý kết cấu hạ tầng giao thông/, undefined, slow);
    const page = await apiJson<{ total: number; items: { id: number; title: string }[] }>('/tasks?assignee=17');
    expect(await screen.findByText(`Tổng số: ${page.total} nhiệm vụ`, undefined, slow)).toBeInTheDocument();
    const open = page.items.find((t) => t.id === 43) ?? page.items[0];
    fireEvent.click(screen.getByRole('link', { name: endsWith(open.title) }));
    expect(await screen.findByRole('heading', { name: endsWith(open.title) }, slow)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Hủy nhiệm vụ/ })).not.toBeInTheDocument();

    const stamp = Date.now();
    const body = `Đã hoàn thành khảo sát hiện trường (kiểm thử ${stamp}).`;
    const fileName = `bien-ban-${stamp}.pdf`;
    fireEvent.click(screen.getAllByRole('button', { name: /Báo cáo tiến độ/ })[0]);
    const dialog = await screen.findByRole('dialog', undefined, slow);
    fireEvent.change(within(dialog).getByLabelText('Nội dung'), { target: { value: body } });
    const pdf = new File(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], fileName, { type: 'application/pdf' });
    const input = dialog.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [pdf] } });
    await within(dialog).findByText(fileName, undefined, slow);
    fireEvent.click(within(dialog).getByRole('button', { name: /Báo cáo tiến độ/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), slow);
    expect(await screen.findByText(body, undefined, slow)).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: fileName }, slow);
    expect(link.getAttribute('href')).toMatch(new RegExp(`^/api/v1/tasks/${open.id}/attachments/\\d+$`));
    const download = await liveFetch(link.getAttribute('href')!);
    expect(download.status).toBe(200);
    expect(await download.text()).toContain('%PDF-1.4');
  }, 90000);

  it('a leader’s filtered list shows the API’s count, and an explanation request lands in the timeline', async () => {
    await logIn('giamdoc', '/tasks?status=overdue&sort=deadline');
    await screen.findByText('Trần Quốc Bảo', undefined, slow);
    const page = await apiJson<{ total: number; items: { id: number; title: string }[] }>('/tasks?status=overdue&sort=deadline');
    expect(await screen.findByText(`Tổng số: ${page.total} nhiệm vụ`, undefined, slow)).toBeInTheDocument();
    expect(page.total).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('link', { name: page.items[0].title }));
    expect(await screen.findByRole('heading', { name: page.items[0].title }, slow)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Yêu cầu giải trình/ }));
    const dialog = await screen.findByRole('dialog', undefined, slow);
    fireEvent.change(within(dialog).getByLabelText('Nội dung yêu cầu'), { target: { value: 'Đề nghị giải trình lý do chậm (kiểm thử).' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /Yêu cầu giải trình/ }));
    expect(await screen.findByText('Có yêu cầu giải trình chưa được trả lời.', undefined, slow)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Lịch sử thay đổi' }));
    await waitFor(() => expect(screen.getAllByText('Yêu cầu giải trình').length).toBeGreaterThan(1), slow);
  }, 90000);

  it('an edit made on a stale version is refused with a clear message and the form reloads', async () => {
    await logIn('giamdoc', '/tasks/89/edit');
    await screen.findByLabelText('Tên nhiệm vụ', undefined, slow);
    // someone else edits the task meanwhile
    const me = await apiJson<{ csrf_token: string }>('/me');
    const current = await apiJson<{ version: number; product: string }>('/tasks/89');
    const patched = await liveFetch('/api/v1/tasks/89', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token, 'If-Match': `"${current.version}"` },
      body: JSON.stringify({ product: `${current.product} (bản sửa)` }),
    });
    expect(patched.status).toBe(200);
    fireEvent.change(screen.getByLabelText('Tên nhiệm vụ'), { target: { value: 'Tên mới do kiểm thử' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(
      await screen.findByText(/Nhiệm vụ đã được người khác sửa trong lúc bạn đang sửa/, undefined, slow),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Sản phẩm')).toHaveValue(`${current.product} (bản sửa)`), slow);
  }, 90000);
  it('a unit head assigns a task to their unit from the form', async () => {
    await logIn('tp.qlkcht', '/tasks/new');
    await screen.findByLabelText('Tên nhiệm vụ', undefined, slow);
    const sources = await apiJson<{ items: { id: number; doc_number: string; title: string }[] }>('/sources');
    const src = sources.items.find((x) => x.doc_number) ?? sources.items[0];
    fireEvent.mouseDown(screen.getByLabelText('Nguồn nhiệm vụ (văn bản giao)'));
    fireEvent.change(screen.getByLabelText('Nguồn nhiệm vụ (văn bản giao)'), { target: { value: src.doc_number } });
    const option = await screen.findByTitle(new RegExp(`^${escapeRe(src.doc_number)}`), undefined, slow);
    fireEvent.click(option);
    await screen.findByText(new RegExp(`Số ${escapeRe(src.doc_number)}`), undefined, slow);
    fireEvent.change(screen.getByLabelText('Tên nhiệm vụ'), { target: { value: 'Kiểm tra mặt đường sau mưa lũ (kiểm thử)' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Thường xuyên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Giao nhiệm vụ' }));
    expect(
      await screen.findByRole('heading', { name: 'Kiểm tra mặt đường sau mưa lũ (kiểm thử)' }, { timeout: 20000 }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Phòng Quản lý kết cấu hạ tầng giao thông').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Thường xuyên/).length).toBeGreaterThan(0);
  }, 90000);
});
