// What the first page needs, asked for as soon as the main script runs, in parallel: the session
// (/me), the dashboard's chunk and its /stats answer. Without this the steps ran one after the
// other (main script → render → /me → dashboard chunk → render → /stats).
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { Me, Statistics } from '../api/types';
import { todayIso } from './format';
import { reportPeriodKind } from './period';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const DUE_DAYS_CHOICES = [3, 7, 10, 14, 30];
export const DEFAULT_DUE_DAYS = 7;

export interface DashboardParams {
  org?: number;
  /** The reporting period of the figures: "2026-11", "2026-Q3", "2026-M08", "2026". */
  period: string;
  /** The day the warning lists (overdue, due soon, extension requests) are counted to. */
  asOf: string;
  days: number;
}

/**
 * The dashboard's state from its URL: org, period (default this month's key, which has begun under
 * either convention), as_of (default today), days.
 */
export function parseDashboardParams(sp: URLSearchParams): DashboardParams {
  const org = Number(sp.get('org'));
  const period = sp.get('period');
  const asOf = sp.get('as_of');
  const days = Number(sp.get('days'));
  return {
    org: Number.isSafeInteger(org) && org > 0 ? org : undefined,
    period: period && reportPeriodKind(period) ? period : todayIso().slice(0, 7),
    asOf: asOf && DATE_RE.test(asOf) && dayjs(asOf).isValid() ? asOf : todayIso(),
    days: Number.isInteger(days) && days >= 1 && days <= 365 ? days : DEFAULT_DUE_DAYS,
  };
}

/**
 * The /stats query of the dashboard's period figures: the report's on that period (and unit), as of
 * the last day the report counts, which the server sets; an as_of would be refused beside it.
 */
export function dashboardStatsQuery({ period, org }: Pick<DashboardParams, 'period' | 'org'>): string {
  const p = new URLSearchParams();
  p.set('report_period', period);
  if (org) p.set('org', String(org));
  return p.toString();
}

interface Early<T> {
  key: string;
  promise: Promise<T>;
  value?: T;
  at: number;
}

// Whether this browser had a session when the app last knew: the session cookie is HttpOnly, so
// the page cannot see it. Only a hint, to spare anonymous visitors requests that can only fail
// (each failed request is an error in the browser's console); the server's /me still decides.
const SESSION_HINT = 'gb.session';

export function rememberSession(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SESSION_HINT, '1');
    else window.localStorage.removeItem(SESSION_HINT);
  } catch {
    /* storage refused (private mode): the app then asks /me as before */
  }
}

function hadSession(): boolean {
  try {
    return window.localStorage.getItem(SESSION_HINT) === '1';
  } catch {
    return true;
  }
}

/**
 * Whether the app should ask the server for the session on `pathname`: always, except on the
 * login page of a browser not known to have a session (the visitor is there to sign in).
 */
export function shouldAskSession(pathname: string): boolean {
  return !pathname.startsWith('/login') || hadSession();
}

let me: Early<Me> | null = null;
let stats: Early<Statistics> | null = null;

function early<T>(key: string, promise: Promise<T>): Early<T> {
  const e: Early<T> = { key, promise, at: Date.now() };
  promise.then(
    (v) => {
      e.value = v;
    },
    () => {
      /* the page asks again and reports the error */
    },
  );
  return e;
}

/** Called once by main.tsx before the first render. */
export function startEarlyRequests(loadDashboard: () => Promise<unknown>): void {
  if (typeof window === 'undefined') return;
  if (!shouldAskSession(window.location.pathname)) return;
  const mePromise = api.get<Me>('/me', { noRedirectOn401: true });
  me = early('me', mePromise);
  if (window.location.pathname !== '/') return;
  void loadDashboard().catch(() => {
    /* React.lazy tries again */
  });
  const key = dashboardStatsQuery(parseDashboardParams(new URLSearchParams(window.location.search)));
  const askStats = () => api.get<Statistics>('/stats', { query: new URLSearchParams(key), noRedirectOn401: true });
  // In parallel with /me when a session is likely; otherwise only once /me has found one, so that
  // an anonymous visitor on the way to the login page is not answered 401 twice.
  stats = early(key, hadSession() ? askStats() : mePromise.then(askStats));
}

/** The /me request made at start-up (once); later calls get null and ask themselves. */
export function takeEarlyMe(): Promise<Me> | null {
  const e = me;
  me = null;
  return e?.promise ?? null;
}

/**
 * The /stats answer for `key` asked at start-up, if it is recent (`value` once it has arrived).
 * Given once: a later visit of the dashboard asks the server again.
 */
export function takeEarlyStats(key: string): { key: string; promise: Promise<Statistics>; value?: Statistics } | null {
  const e = stats;
  stats = null;
  if (!e || e.key !== key || Date.now() - e.at > 10_000) return null;
  return e;
}

/** Forget the start-up answers (after a login or logout: they belonged to the previous session). */
export function dropEarlyRequests(): void {
  me = null;
  stats = null;
}
