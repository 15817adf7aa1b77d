import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildQuery, ifMatch, loginUrl, setApiLanguage, setCsrfToken, setUnauthenticatedHandler } from './client';
import { login } from './auth';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setCsrfToken('tok-123');
  setApiLanguage('vi');
});

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(null);
  setCsrfToken(null);
});

function lastCall() {
  const [url, init] = fetchMock.mock.calls.at(-1)!;
  return { url: String(url), init: init!, headers: init!.headers as Record<string, string> };
}

describe('api client', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));
    await api.get('/tasks');
    expect(lastCall().headers['X-CSRF-Token']).toBeUndefined();
    expect(lastCall().init.credentials).toBe('same-origin');

    await api.post('/tasks/1/complete', {});
    expect(lastCall().headers['X-CSRF-Token']).toBe('tok-123');
    expect(lastCall().headers['Content-Type']).toBe('application/json');
    expect(lastCall().init.method).toBe('POST');

    await api.patch('/tasks/1', { title: 'x' }, { headers: ifMatch(7) });
    expect(lastCall().headers['X-CSRF-Token']).toBe('tok-123');
    expect(lastCall().headers['If-Match']).toBe('"7"');
    expect(lastCall().init.body).toBe('{"title":"x"}');
  });

  it('sends Accept-Language following the chosen language', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, {}));
    await api.get('/me');
    expect(lastCall().headers['Accept-Language']).toBe('vi');
    setApiLanguage('en');
    await api.get('/me');
    expect(lastCall().headers['Accept-Language']).toBe('en');
  });

  it('builds query strings from objects and URLSearchParams', async () => {
    expect(buildQuery({ a: 1, b: undefined, c: '', d: ['x', 'y'], e: [] })).toBe('?a=1&d=x%2Cy');
    expect(buildQuery(new URLSearchParams('status=overdue'))).toBe('?status=overdue');
    expect(buildQuery()).toBe('');
    fetchMock.mockImplementation(async () => jsonResponse(200, { items: [] }));
    await api.get('/tasks', { query: new URLSearchParams('q=ke hoach&page=2') });
    expect(lastCall().url).toBe('/api/v1/tasks?q=ke+hoach&page=2');
  });

  it('decodes error bodies into ApiError with status, code, message and fields', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, {
        code: 'validation_failed',
        message: 'Dữ liệu chưa hợp lệ',
        fields: [{ field: 'title', code: 'required' }],
      }),
    );
    const err = await api.post('/tasks', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('Dữ liệu chưa hợp lệ');
    expect(e.fields).toEqual([{ field: 'title', code: 'required' }]);
    expect(e.fieldCode('title')).toBe('required');
    expect(e.detail).toBe('');
  });

  it('keeps where a refused file is broken, and sends a file as it is', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, { code: 'file_unclosed_quote', message: 'Tệp CSV có một dấu ngoặc kép không được đóng.', detail: 'row 3' }),
    );
    const file = new Blob(['STT;Nội dung\n1;"Việc\n'], { type: 'text/csv' });
    const e = (await api.postFile('/sources/5/imports', file, 'text/csv', { query: { file_name: 'a.csv' } }).catch((x: unknown) => x)) as ApiError;
    expect([e.code, e.detail]).toEqual(['file_unclosed_quote', 'row 3']);
    const { url, init, headers } = lastCall();
    expect(url).toBe('/api/v1/sources/5/imports?file_name=a.csv');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(headers['Content-Type']).toBe('text/csv');
    expect(headers['X-CSRF-Token']).toBe('tok-123');
  });

  it('copes with an error body that is not JSON', async () => {
    fetchMock.mockImplementation(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const e = (await api.get('/tasks').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(502);
    expect(e.code).toBe('http_502');
    expect(e.message).toContain('502');
  });

  it('turns a network failure into a readable ApiError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const e = (await api.get('/tasks').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(0);
    expect(e.code).toBe('network_error');
    expect(e.message).toMatch(/máy chủ/);
  });

  it('on 401 calls the handler with the current location and forgets the CSRF token', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    window.history.pushState({}, '', '/tasks?status=overdue');
    fetchMock.mockImplementation(async () => jsonResponse(401, { code: 'unauthenticated', message: 'Chưa đăng nhập' }));
    const e = (await api.get('/tasks').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(401);
    expect(handler).toHaveBeenCalledWith('/tasks?status=overdue');
    fetchMock.mockImplementation(async () => jsonResponse(200, {}));
    await api.post('/x', {});
    expect(lastCall().headers['X-CSRF-Token']).toBeUndefined();
  });

  it('does not redirect when the login itself answers 401', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    fetchMock.mockImplementation(async () => jsonResponse(401, { code: 'invalid_credentials', message: 'Sai tên đăng nhập hoặc mật khẩu' }));
    const e = (await login('a', 'b').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('invalid_credentials');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refreshes a stale CSRF token from /me and retries once', async () => {
    setCsrfToken('old');
    const seen: string[] = [];
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      const token = (init?.headers as Record<string, string>)['X-CSRF-Token'];
      seen.push(`${init?.method} ${url} ${token ?? '-'}`);
      if (url === '/api/v1/me') return jsonResponse(200, { csrf_token: 'new' });
      if (token === 'old') return jsonResponse(403, { code: 'csrf_failed', message: 'Sai mã CSRF' });
      return jsonResponse(200, { ok: true });
    });
    await expect(api.post('/tasks/1/complete', {})).resolves.toEqual({ ok: true });
    expect(seen).toEqual(['POST /api/v1/tasks/1/complete old', 'GET /api/v1/me -', 'POST /api/v1/tasks/1/complete new']);
  });

  it('gives up after one CSRF retry', async () => {
    fetchMock.mockImplementation(async (input) =>
      String(input) === '/api/v1/me'
        ? jsonResponse(200, { csrf_token: 'tok-123' })
        : jsonResponse(403, { code: 'csrf_failed', message: 'Sai mã CSRF' }),
    );
    const e = (await api.post('/x', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('csrf_failed');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('builds login URLs that keep where the user was', () => {
    expect(loginUrl('/tasks?status=overdue')).toBe('/login?next=%2Ftasks%3Fstatus%3Doverdue');
    expect(loginUrl('/')).toBe('/login');
    expect(loginUrl('/login?next=x')).toBe('/login');
  });
});
