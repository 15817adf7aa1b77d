// The one way the web app talks to /api/v1: same-origin cookie, JSON, the CSRF header on every
// state-changing call, Accept-Language following the user's choice, typed errors, and a return
// to the login page (keeping where the user was) when the session has ended.
import type { ErrorBody, FieldError } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** Where the failure lies when the code cannot say (the part and row of a file); '' when not given. */
  readonly detail: string;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], detail = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.detail = detail;
  }

  /** The first error code given for `field`, if any. */
  fieldCode(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.code;
  }
}

export type Lang = 'vi' | 'en';

interface ClientState {
  csrfToken: string | null;
  lang: Lang;
  onUnauthenticated: (returnTo: string) => void;
}

function defaultUnauthenticated(returnTo: string): void {
  if (typeof window === 'undefined') return;
  if (window.location.pathname === '/login') return;
  window.location.assign(loginUrl(returnTo));
}

const state: ClientState = {
  csrfToken: null,
  lang: 'vi',
  onUnauthenticated: defaultUnauthenticated,
};

export function loginUrl(returnTo: string): string {
  if (!returnTo || returnTo === '/' || returnTo.startsWith('/login')) return '/login';
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

export function setCsrfToken(token: string | null | undefined): void {
  state.csrfToken = token ?? null;
}

export function getCsrfToken(): string | null {
  return state.csrfToken;
}

export function setApiLanguage(lang: Lang): void {
  state.lang = lang;
}

export function getApiLanguage(): Lang {
  return state.lang;
}

/** Called on a 401 from any request except the login itself. */
export function setUnauthenticatedHandler(handler: ((returnTo: string) => void) | null): void {
  state.onUnauthenticated = handler ?? defaultUnauthenticated;
}

export type QueryValue = string | number | boolean | null | undefined | Array<string | number>;
export type Query = Record<string, QueryValue> | URLSearchParams;

export function buildQuery(query?: Query): string {
  if (!query) return '';
  if (query instanceof URLSearchParams) {
    const s = query.toString();
    return s ? `?${s}` : '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A file sent as the body as it is, under its own media type, instead of JSON. */
  file?: { data: Blob; type: string };
  /** Do not send the user to /login on 401 (the login form and the start-up /me check). */
  noRedirectOn401?: boolean;
  /** Internal: the request was already retried with a fresh CSRF token. */
  csrfRetried?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function currentLocation(): string {
  if (typeof window === 'undefined') return '/';
  return window.location.pathname + window.location.search + window.location.hash;
}

async function decodeError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    const text = await res.text();
    body = text ? (JSON.parse(text) as Partial<ErrorBody>) : null;
  } catch {
    body = null;
  }
  const code = typeof body?.code === 'string' ? body.code : `http_${res.status}`;
  const message =
    typeof body?.message === 'string' && body.message
      ? body.message
      : state.lang === 'en'
        ? `The server answered ${res.status} ${res.statusText}`.trim()
        : `Máy chủ trả lời lỗi ${res.status} ${res.statusText}`.trim();
  const fields = Array.isArray(body?.fields) ? body.fields.filter((f) => f && typeof f.field === 'string') : [];
  const detail = typeof body?.detail === 'string' ? body.detail : '';
  return new ApiError(res.status, code, message, fields, detail);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.lang === 'en' ? 'en' : 'vi',
    ...opts.headers,
  };
  const upper = method.toUpperCase();
  if (UNSAFE.has(upper) && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  let body: string | Blob | undefined;
  if (opts.file) {
    headers['Content-Type'] = opts.file.type;
    body = opts.file.data;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(API_BASE + path + buildQuery(opts.query), {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'network_error',
      state.lang === 'en'
        ? 'Cannot reach the server. Check the network connection and try again.'
        : 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    );
  }
  if (!res.ok) {
    const err = await decodeError(res);
    // A stale CSRF token (e.g. the session was renewed in another tab): fetch the current one
    // from /me and try once more.
    if (res.status === 403 && err.code === 'csrf_failed' && UNSAFE.has(upper) && !opts.csrfRetried) {
      try {
        const me = await request<{ csrf_token?: string }>('GET', '/me', { noRedirectOn401: true, signal: opts.signal });
        if (me?.csrf_token && me.csrf_token !== headers['X-CSRF-Token']) {
          state.csrfToken = me.csrf_token;
          return await request<T>(method, path, { ...opts, csrfRetried: true });
        }
      } catch {
        /* fall through to the original error */
      }
    }
    if (res.status === 401 && !opts.noRedirectOn401) {
      state.csrfToken = null;
      state.onUnauthenticated(currentLocation());
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  /** Sends `data` as the body as it is, under the media type `type`. */
  postFile: <T>(path: string, data: Blob, type: string, opts?: RequestOptions) =>
    request<T>('POST', path, { ...opts, file: { data, type } }),
  /** Sends `data` as the body as it is, under the media type `type`. */
  putFile: <T>(path: string, data: Blob, type: string, opts?: RequestOptions) =>
    request<T>('PUT', path, { ...opts, file: { data, type } }),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** The If-Match header value for an edit of `version`. */
export function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` };
}
