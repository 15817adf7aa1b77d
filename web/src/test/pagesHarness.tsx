// Rendering a page with its providers against a mocked fetch (tests of the dashboard, sources,
// organisations, people and "my work" pages).
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { vi } from 'vitest';
import type { Me } from '../api/types';
import { AuthProvider } from '../auth/AuthProvider';
import { RequireAuth } from '../auth/RequireAuth';
import { I18nProvider } from '../i18n';
import { invalidateRefData } from '../lib/refData';
import fx from './apiFixtures.json';
import { AntdTestProviders } from './render';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

export type Handler = (call: Call) => { status?: number; body?: unknown } | undefined;

export function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Replaces fetch; `handler` answers each call (undefined: 404). Returns the recorded calls. */
export function mockFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const call: Call = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname.replace(/^\/api\/v1/, ''),
      query: url.searchParams,
      // A file is kept as it was sent; anything else is JSON.
      body: init?.body instanceof Blob ? init.body : init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const r = handler(call);
    if (!r) return json(404, { code: 'not_found', message: 'Không tìm thấy' });
    return json(r.status ?? 200, r.body);
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

// The demo accounts' /me as the server answers them (see scripts/record-fixtures.mjs).
export const ME_LEADER = fx.leaderMe as Me;
export const ME_ADMIN = fx.adminMe as Me;
export const ME_SPECIALIST = fx.specialistMe as Me;
export const ME_UNIT_HEAD = fx.unitHeadMe as Me;

function LocationProbe() {
  const loc = useLocation();
  return <div data-testid="location">{loc.pathname + loc.search}</div>;
}

/**
 * Renders `element` at `path` (route pattern) opened at `url`, behind the sign-in check unless
 * `guarded` is false (the login page), and at each of `alsoAt` (a page with several addresses);
 * every other route shows its URL (`location` test id).
 */
export function renderPage(element: ReactNode, opts: { path?: string; url?: string; guarded?: boolean; alsoAt?: string[] } = {}) {
  invalidateRefData();
  const path = opts.path ?? '/';
  const guarded = opts.guarded ?? true;
  return render(
    <I18nProvider lang="vi">
      <AntdTestProviders>
        <MemoryRouter initialEntries={[opts.url ?? path]}>
          <AuthProvider>
            <Routes>
              {[path, ...(opts.alsoAt ?? [])].map((p) => (
                <Route key={p} path={p} element={guarded ? <RequireAuth>{element}</RequireAuth> : element} />
              ))}
              <Route path="/tasks" element={<LocationProbe />} />
              <Route path="*" element={<LocationProbe />} />
            </Routes>
          </AuthProvider>
        </MemoryRouter>
      </AntdTestProviders>
    </I18nProvider>,
  );
}

/** The query of a link's href as a plain object (values decoded). */
export function hrefQuery(href: string | null): Record<string, string> {
  const u = new URL(href ?? '', 'http://localhost');
  return Object.fromEntries(u.searchParams.entries());
}

export function hrefPath(href: string | null): string {
  return new URL(href ?? '', 'http://localhost').pathname;
}
