// The main pages of the app, each with who opens it, where, and what shows that it has loaded:
// the one list that the screenshot and accessibility suites walk through, so that a page added to
// the app is added to both, and a page's ready condition is fixed in one place.
import type { Page } from 'playwright-core';
import { Api } from './support';

/** The records the pages with an id in their path show. */
export interface PageTargets {
  /** An extended task in progress that the director may edit and cancel. */
  taskId: number;
  /** The source of that task. */
  sourceId: number;
  /** The newest issued report in force (the demo issues the months before the last). */
  issuedReportId: number;
}

export interface MainPage<T extends PageTargets = PageTargets> {
  name: string;
  /** Signed in as this user (none: signed out). */
  user?: string;
  path: (targets: T) => string;
  /** Resolves once what must be on the loaded page is there. */
  ready: (page: Page) => Promise<unknown>;
}

interface Permissions {
  edit: boolean;
  cancel: boolean;
  report_progress: boolean;
}

/** The first task of `query` whose permissions `allowed` accepts, extended tasks first (they show the most). */
export async function firstTaskWith(
  api: Api,
  query: string,
  allowed: (p: Permissions) => boolean,
): Promise<{ id: number; source_id: number }> {
  const list = await api.get<{ items: { id: number; source_id: number; extended: boolean }[] }>(`/tasks?${query}`);
  const ordered = [...list.items.filter((t) => t.extended), ...list.items.filter((t) => !t.extended)];
  for (const item of ordered) {
    const task = await api.get<{ permissions: Permissions }>(`/tasks/${item.id}`);
    if (allowed(task.permissions)) return item;
  }
  throw new Error(`no task of ${query} with the wanted permissions`);
}

export async function findPageTargets(): Promise<PageTargets> {
  const director = await Api.as('giamdoc');
  const task = await firstTaskWith(director, 'status=in_progress&sort=-updated&page_size=100', (p) => p.edit && p.cancel);
  const issued = await director.get<{ items: { id: number; replaced_by: unknown }[] }>('/reports/issued');
  const inForce = issued.items.find((r) => r.replaced_by === null);
  if (!inForce) throw new Error('no issued report in force (the demo issues the months before the last)');
  return { taskId: task.id, sourceId: task.source_id, issuedReportId: inForce.id };
}

/** The month before the agency's (Asia/Ho_Chi_Minh) today, "YYYY-MM": the board's default. */
function previousMonthKey(): string {
  const today = new Date(Date.now() + 7 * 3600 * 1000);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

const heading = (text: string | RegExp) => (page: Page) => page.getByRole('heading', { name: text }).first().waitFor();
export const taskLoaded = (page: Page) => page.getByText('Thông tin chung').first().waitFor();

/** In the order of the app's menu, then the pages reached from them. */
export const MAIN_PAGES: readonly MainPage[] = [
  { name: 'login', path: () => '/login', ready: (p) => p.getByRole('button', { name: 'Đăng nhập' }).waitFor() },
  {
    name: 'dashboard',
    user: 'giamdoc',
    path: () => '/',
    ready: async (p) => {
      await p.locator('.dash-card-overdue a[data-figure="overdue"]').waitFor();
      // The chart's chunk loads when the trend section comes near the screen.
      await p.locator('.dash-trend').scrollIntoViewIfNeeded();
      await p.locator('.dash-trend canvas').first().waitFor();
      await p.evaluate(() => window.scrollTo(0, 0));
    },
  },
  { name: 'my-tasks', user: 'cv.lan', path: () => '/my', ready: heading('Việc của tôi') },
  {
    name: 'task-list',
    user: 'giamdoc',
    path: () => '/tasks?sort=deadline',
    ready: (p) => p.getByText(/^Tổng số: [\d.]+ nhiệm vụ$/).waitFor(),
  },
  { name: 'task', user: 'giamdoc', path: (t) => `/tasks/${t.taskId}`, ready: taskLoaded },
  { name: 'task-new', user: 'giamdoc', path: () => '/tasks/new', ready: (p) => p.locator('form #title').waitFor() },
  {
    name: 'task-edit',
    user: 'giamdoc',
    path: (t) => `/tasks/${t.taskId}/edit`,
    ready: async (p) => {
      await p.locator('form #title').waitFor();
      await p.waitForFunction(() => (document.querySelector('form #title') as HTMLInputElement | null)?.value !== '');
    },
  },
  { name: 'sources', user: 'giamdoc', path: () => '/sources', ready: heading('Nguồn nhiệm vụ') },
  { name: 'source', user: 'giamdoc', path: (t) => `/sources/${t.sourceId}`, ready: (p) => p.locator('h2').first().waitFor() },
  { name: 'organizations', user: 'admin', path: () => '/organizations', ready: heading('Cơ quan, đơn vị') },
  { name: 'people', user: 'admin', path: () => '/people', ready: heading(/Cán bộ/) },
  {
    name: 'unit-reports',
    user: 'khtc',
    path: () => '/unit-reports',
    ready: (p) => p.getByText(/^Đã gửi: \d+\/\d+ đơn vị$/).waitFor(),
  },
  // A specialist's preview of a report (id 0): opening it changes nothing, whatever ran before.
  {
    name: 'unit-report',
    user: 'cv.lan',
    path: () => `/unit-reports/0?organization_id=5&period=${previousMonthKey()}`,
    ready: (p) => p.getByRole('region', { name: 'Nhiệm vụ đơn vị phối hợp' }).waitFor(),
  },
  // The consolidated report on its default period (the last finished month), with the units'
  // reports and their text.
  {
    name: 'reports',
    user: 'khtc',
    path: () => '/reports',
    ready: (p) => p.getByRole('region', { name: 'Nội dung báo cáo của các đơn vị' }).waitFor(),
  },
  // The register of issued reports, this year's; the newest report in force, frozen as issued, and
  // what changed since the report before it.
  {
    name: 'issued-reports',
    user: 'khtc',
    path: () => '/reports/issued',
    ready: (p) => p.getByText(/^Năm \d{4}: \d+ báo cáo$/).waitFor(),
  },
  {
    name: 'issued-report',
    user: 'khtc',
    path: (t) => `/reports/issued/${t.issuedReportId}`,
    ready: (p) => p.getByRole('region', { name: 'Nội dung báo cáo', exact: true }).waitFor(),
  },
  {
    name: 'report-changes',
    user: 'khtc',
    path: (t) => `/reports/issued/${t.issuedReportId}/changes`,
    ready: (p) => p.getByRole('table', { name: 'Số liệu từng nhóm trong báo cáo trước và báo cáo này' }).waitFor(),
  },
  { name: 'calendar', user: 'admin', path: () => '/calendar?year=2026', ready: (p) => p.getByText('01/01/2026').first().waitFor() },
  {
    name: 'report-settings',
    user: 'admin',
    path: () => '/report-settings',
    ready: (p) => p.getByText(/^Số văn bản sẽ ghi: Số: 15\/[A-ZĐ0-9-]+-[A-ZĐ0-9-]+$/).waitFor(),
  },
  { name: 'profile', user: 'giamdoc', path: () => '/profile', ready: (p) => p.getByText('Trần Quốc Bảo').first().waitFor() },
  { name: 'not-found', user: 'giamdoc', path: () => '/khong-co-trang-nay', ready: (p) => p.getByText('404').first().waitFor() },
];

export function mainPage(name: string): MainPage {
  const page = MAIN_PAGES.find((p) => p.name === name);
  if (!page) throw new Error(`no main page ${name}`);
  return page;
}

/** "01-login": the position in the list keeps artifacts in the list's order. */
export function numbered(index: number, name: string): string {
  return `${String(index + 1).padStart(2, '0')}-${name}`;
}
