// Shared helpers for the e2e suite: the browser, contexts logged in as a demo user, a small API
// client for preparing data from Node, console/CSP error collection and screenshots.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchChromium } from './chromium.mjs';

export const PASSWORD = 'giaoban2024';
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export function baseURL(): string {
  return inject('baseURL');
}

export function screenshotsDir(): string {
  const dir = path.join(inject('artifactsDir'), 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Debian's chromium (see chromium.mjs, shared with the benchmark). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

// ---------------------------------------------------------------------------------------------
// Console errors and CSP violations

export interface Problems {
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  list: string[];
}

const CSP_RE = /Content Security Policy|Refused to (execute|load|apply|evaluate|connect|frame)/i;
// Failed HTTP calls the app makes on purpose show up as console errors; 401 is the start-up /me
// check of a page opened without a session (never on the login page of a browser that had none:
// login.e2e.ts). Tests that force a 403 pass their own allowance.
const DEFAULT_ALLOWED = [/Failed to load resource: the server responded with a status of 401/];

/** Collects console errors, page errors and CSP violations of every page of the context. */
export async function watchProblems(context: BrowserContext): Promise<Problems> {
  const problems: Problems = { list: [] };
  await context.exposeBinding('__gbCspViolation', (_src, text: string) => {
    problems.list.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __gbCspViolation?: (s: string) => void };
      w.__gbCspViolation?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const attach = (page: Page) => {
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      problems.list.push(`console.error: ${msg.text()}${loc?.url ? ` (${loc.url})` : ''}`);
    });
    page.on('pageerror', (err) => problems.list.push(`page error: ${err.message}`));
  };
  context.pages().forEach(attach);
  context.on('page', attach);
  return problems;
}

/** Fails on CSP violations always, and on other console errors unless allowed. */
export function expectNoProblems(problems: Problems, allowed: RegExp[] = []): void {
  const all = [...DEFAULT_ALLOWED, ...allowed];
  const bad = problems.list.filter((p) => CSP_RE.test(p) || !all.some((re) => re.test(p)));
  expect(bad, 'console errors, page errors or CSP violations').toEqual([]);
  problems.list.length = 0;
}

// ---------------------------------------------------------------------------------------------
// Contexts and logging in

export interface Session {
  context: BrowserContext;
  page: Page;
  problems: Problems;
}

export async function newSession(
  browser: Browser,
  opts: { user?: string; viewport?: { width: number; height: number }; isMobile?: boolean } = {},
): Promise<Session> {
  const viewport = opts.viewport ?? DESKTOP;
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: opts.isMobile ?? viewport.width < 600,
    hasTouch: opts.isMobile ?? viewport.width < 600,
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const problems = await watchProblems(context);
  if (opts.user) {
    // The same call the login form makes; the context keeps the session cookie.
    const res = await context.request.post('/api/v1/auth/login', {
      data: { username: opts.user, password: PASSWORD },
    });
    expect(res.status(), `login of ${opts.user}`).toBe(200);
  }
  const page = await context.newPage();
  return { context, page, problems };
}

/** Logs in through the login form. */
export async function loginThroughForm(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await settle(page);
}

/** Waits until the page has no request in flight and shows no loading spinner. */
export async function settle(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout });
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout })
    .catch(() => {
      /* a spinner that stays is reported by the test's own checks */
    });
}

/** What the screen shows (NAME-WxH.png) and the whole page (NAME-WxH-full.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const size = page.viewportSize();
  const file = path.join(screenshotsDir(), `${name}-${size?.width}x${size?.height}.png`);
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled' });
  await page.screenshot({ path: file.replace(/\.png$/, '-full.png'), fullPage: true, animations: 'disabled' });
  return file;
}

// ---------------------------------------------------------------------------------------------
// The API from Node, for preparing data and for comparing with what the page shows

export class Api {
  private cookie = '';
  csrf = '';
  user: { user_id: number; person_id: number; organization_id: number; role: string } | null = null;

  static async as(username: string, password = PASSWORD): Promise<Api> {
    const api = new Api();
    await api.login(username, password);
    return api;
  }

  async login(username: string, password = PASSWORD): Promise<void> {
    const res = await fetch(`${baseURL()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrf_token: string; user: Api['user'] };
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    this.csrf = body.csrf_token;
    this.user = body.user;
  }

  async call<T = any>(
    method: string,
    urlPath: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { Accept: 'application/json', Cookie: this.cookie, ...extraHeaders };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const url = urlPath.startsWith('/api/') ? urlPath : `/api/v1${urlPath}`;
    const res = await fetch(`${baseURL()}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T };
  }

  async get<T = any>(urlPath: string): Promise<T> {
    const r = await this.call<T>('GET', urlPath);
    if (r.status !== 200) throw new Error(`GET ${urlPath}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** A PATCH of a task or source at `version` (If-Match). */
  async patch<T = any>(urlPath: string, body: unknown, version: number): Promise<T> {
    const r = await this.call<T>('PATCH', urlPath, body, { 'If-Match': `"${version}"` });
    if (r.status !== 200) throw new Error(`PATCH ${urlPath}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async post<T = any>(urlPath: string, body: unknown, expected = [200, 201]): Promise<T> {
    const r = await this.call<T>('POST', urlPath, body);
    if (!expected.includes(r.status)) throw new Error(`POST ${urlPath}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

/** The agency's today (the server's default as-of date). */
export async function serverToday(api: Api): Promise<string> {
  const s = await api.get<{ as_of: string }>('/stats');
  return s.as_of;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The month whose period has ended by `today` in the agency's convention (written out here, not taken from the app). */
export function lastFinishedMonth(today: string, convention: string): string {
  const [year, month, day] = today.split('-').map(Number);
  if (convention === 'cutoff_14th' && day >= 15) return today.slice(0, 7);
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** A unique suffix, so reruns against a kept database do not collide. */
export function uniq(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/**
 * Runs `fn` with a fresh session; on failure saves a screenshot under test-artifacts/failures/
 * (named after `name`), and always closes the context.
 */
export async function withSession(
  browser: Browser,
  name: string,
  opts: Parameters<typeof newSession>[1],
  fn: (s: Session) => Promise<void>,
): Promise<void> {
  const session = await newSession(browser, opts);
  try {
    await fn(session);
  } catch (e) {
    const dir = path.join(inject('artifactsDir'), 'failures');
    fs.mkdirSync(dir, { recursive: true });
    for (const [i, p] of session.context.pages().entries()) {
      await p
        .screenshot({ path: path.join(dir, `${name}${i ? `-${i}` : ''}.png`), fullPage: true })
        .catch(() => {});
    }
    if (session.problems.list.length) {
      console.error(`[e2e] ${name}: browser problems:\n  ${session.problems.list.join('\n  ')}`);
    }
    throw e;
  } finally {
    await session.context.close();
  }
}

/**
 * Through the API: a new ad-hoc source and a task of the QLKCHT division assigned on the first
 * day of this month with a deadline already past (so it is overdue today and counted in the
 * dashboard's default period, this month), and a pending extension request from the unit head.
 */
export async function prepareOverdueTaskWithPendingExtension(): Promise<{
  taskId: number;
  extensionId: number;
  today: string;
  requested: string;
  /** The month the task was assigned in (YYYY-MM): this month, or last month on the 1st. */
  period: string;
}> {
  const leader = await Api.as('giamdoc');
  const head = await Api.as('tp.qlkcht');
  const today = await serverToday(leader);
  let monthStart = `${today.slice(0, 8)}01`;
  if (today === monthStart) monthStart = `${addDays(today, -1).slice(0, 8)}01`;
  const period = monthStart.slice(0, 7);
  const tag = uniq();
  const source = await leader.post<{ id: number }>('/sources', {
    kind: 'ad_hoc',
    title: `Chỉ đạo của Giám đốc Sở về sửa chữa cầu yếu (e2e ${tag})`,
    doc_number: `${tag.slice(-4)}/SGTVT-QLKCHT`,
    doc_date: monthStart,
    issuer: 'Sở Giao thông vận tải tỉnh Quảng Ngãi',
  });
  const task = await leader.post<{ id: number; status: string }>('/tasks', {
    source_id: source.id,
    title: `Sửa chữa khẩn cấp cầu Trà Khúc cũ (e2e ${tag})`,
    content: 'Kiểm định, sửa chữa khẩn cấp các hư hỏng, bảo đảm an toàn giao thông.',
    lead_org_id: head.user!.organization_id,
    leader_id: leader.user!.person_id,
    product: 'Báo cáo kết quả sửa chữa',
    assigned_on: monthStart,
    deadline: monthStart,
  });
  expect(task.status).toBe('overdue');
  const requested = addDays(today, 30);
  const extended = await head.post<{ extensions: { id: number; state: string }[] }>(`/tasks/${task.id}/extensions`, {
    requested_deadline: requested,
    reason: 'Chờ kết quả kiểm định của đơn vị tư vấn; đề nghị gia hạn thêm 30 ngày.',
  });
  const pending = extended.extensions.find((e) => e.state === 'pending');
  expect(pending, 'a pending extension').toBeTruthy();
  return { taskId: task.id, extensionId: pending!.id, today, requested, period };
}

/** A figure of the dashboard's summary cards (total or one of the four classes). */
export async function dashboardFigure(
  page: Page,
  figure: 'total' | 'completed_on_time' | 'completed_late' | 'in_progress' | 'overdue',
): Promise<number> {
  const link = page.locator(`.dash-card-${figure} a[data-figure="${figure}"]`).first();
  await link.waitFor();
  const text = (await link.innerText()).replace(/\D/g, '');
  return Number(text);
}

/** Opens the dashboard (with `query`) and waits for its figures. */
export async function openDashboard(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query ? `?${query}` : ''}`);
  await page.locator('.dash-card-overdue a[data-figure="overdue"]').waitFor();
  await settle(page);
}

/** The list's total as shown ("Tổng số: 1.234 nhiệm vụ"). */
export async function listTotal(page: Page): Promise<number> {
  const text = page.getByText(/^Tổng số: [\d.]+ nhiệm vụ$/);
  await text.waitFor();
  return Number((await text.innerText()).replace(/\D/g, ''));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Visible buttons (or links) whose text is exactly `name` (icons' aria-labels aside). */
export function actionButtons(page: Page, name: string) {
  return page.locator('button:visible, a:visible').filter({ hasText: new RegExp(`^\\s*${escapeRe(name)}\\s*$`) });
}

// ---------------------------------------------------------------------------------------------
// Paper: a report page printed to A4 and read back

// The width of an A4 sheet inside the print style sheet's margins (210 mm less 2 × 12 mm), in CSS pixels.
const A4_CONTENT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

/** The text of a PDF file, as poppler's pdftotext reads it (NFC). */
export function pdfText(file: string, layout = true): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** Prints the page as the "In" button does (A4) under the artifacts' print/, and returns the PDF's text. */
export async function printed(page: Page, name: string): Promise<string> {
  const dir = path.join(inject('artifactsDir'), 'print');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4' });
  return pdfText(file);
}

/** A report page's tables (and the page) that reach past the right edge of an A4 sheet, laid out as printed. */
export async function widerThanTheSheet(page: Page): Promise<string[]> {
  const screen = page.viewportSize();
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`the page: ${document.documentElement.scrollWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>('.cr-page table, .cr-page .gb-table-wrap, .cr-page section')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 1 || r.left < -1)) out.push(`${el.tagName}.${el.className} (${el.getAttribute('aria-label') ?? ''}): ${Math.round(r.left)}–${Math.round(r.right)}px`);
    }
    return out;
  });
  // Back to the page's own media (null), which printing to a PDF then turns to print.
  await page.emulateMedia({ media: null });
  if (screen) await page.setViewportSize(screen);
  return wide;
}

// ---------------------------------------------------------------------------------------------
// Accessibility (WCAG 2.1 A and AA, checked with axe-core inside the page)

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The success criteria of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// axe marks its "label in name" rule (WCAG 2.5.3: a control's accessible name contains its visible
// text) experimental, so a run by tags leaves it out; it is asked for by name, and a run that did
// not include it fails.
const EXPERIMENTAL_RULES = ['label-content-name-mismatch'];

export interface AxeFinding {
  /** Where the check ran ("02-dashboard @1366x768"). */
  where: string;
  rule: string;
  impact: string;
  /** CSS selector of the element (through iframes and shadow roots when there are any). */
  target: string;
  help: string;
  /** What axe found wrong with the element ("insufficient color contrast of 3.02 (...)"). */
  detail: string;
}

/** Waits until the page's CSS transitions and animations that end have ended (modals fade in). */
async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** Runs axe-core on the page as it is now and returns every failing element. */
export async function axeFindings(page: Page, where: string): Promise<AxeFinding[]> {
  await animationsDone(page);
  // The app's CSP allows no inline script, so a <script> tag with the source would be refused;
  // code evaluated through the DevTools protocol is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    rules: Object.fromEntries(EXPERIMENTAL_RULES.map((id) => [id, { enabled: true }])),
    resultTypes: ['violations'],
  };
  const results = await page.evaluate(
    (opts) => (window as unknown as { axe: { run: (ctx: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, opts),
    options,
  );
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id));
  for (const id of EXPERIMENTAL_RULES) expect(ran.has(id), `axe ran ${id}`).toBe(true);
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      where,
      rule: v.id,
      impact: n.impact ?? v.impact ?? 'unknown',
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : t)).join(' >> '),
      help: v.help,
      detail: (n.failureSummary ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !/^Fix (any|all) of the following:$/.test(line))
        .join('; '),
    })),
  );
}

export function formatAxeFinding(f: AxeFinding): string {
  return `${f.where}: ${f.rule} (${f.impact}) at ${f.target} – ${f.help}: ${f.detail}`;
}
