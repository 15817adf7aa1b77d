import { vi } from 'vitest';

export type Route = (url: URL, init: RequestInit) => unknown;

/** Replaces fetch with a router over /api/v1 paths; unknown paths answer 404. */
export function mockApi(routes: Record<string, unknown | Route>) {
  const calls: { method: string; url: URL; init: RequestInit }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push({ method, url, init });
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const handler = routes[`${method} ${path}`] ?? routes[path];
    if (handler === undefined) {
      return new Response(JSON.stringify({ code: 'not_found', message: 'Không tìm thấy' }), { status: 404 });
    }
    const body = typeof handler === 'function' ? (handler as Route)(url, init) : handler;
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}
