// WCAG 2.1 A and AA on every main page, at 1366x768 and at phone width (where the menu is a drawer
// and the user's identity has its own line), in the states a user meets: loaded with data, the
// task page's other tabs, an action modal open, a form showing its errors. axe-core checks each
// state in the page; any violation fails the test with the rule, impact, element and page of each.
// All findings of the run are also written to test-artifacts/accessibility-report.json.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  Api,
  axeFindings,
  DESKTOP,
  expectNoProblems,
  formatAxeFinding,
  launchBrowser,
  PHONE,
  prepareOverdueTaskWithPendingExtension,
  settle,
  withSession,
  type AxeFinding,
} from './support';

let browser: Browser;
/** An extended task in progress that the director may edit and cancel. */
let taskId = 0;
let sourceId = 0;
/** A task cv.lan may report progress on. */
let specialistTaskId = 0;
/** An overdue task whose extension request waits for a leader. */
let pendingTaskId = 0;
const report: { state: string; findings: AxeFinding[] }[] = [];

interface Permissions {
  edit: boolean;
  cancel: boolean;
  report_progress: boolean;
}

async function firstTaskWith(api: Api, query: string, allowed: (p: Permissions) => boolean): Promise<{ id: number; source_id: number }> {
  const list = await api.get<{ items: { id: number; source_id: number; extended: boolean }[] }>(`/tasks?${query}`);
  const ordered = [...list.items.filter((t) => t.extended), ...list.items.filter((t) => !t.extended)];
  for (const item of ordered) {
    const task = await api.get<{ permissions: Permissions }>(`/tasks/${item.id}`);
    if (allowed(task.permissions)) return item;
  }
  throw new Error(`no task of ${query} with the wanted permissions`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const director = await Api.as('giamdoc');
  const task = await firstTaskWith(director, 'status=in_progress&sort=-updated&page_size=100', (p) => p.edit && p.cancel);
  taskId = task.id;
  sourceId = task.source_id;
  const specialist = await Api.as('cv.lan');
  specialistTaskId = (
    await firstTaskWith(
      specialist,
      `assignee=${specialist.user!.person_id}&status=in_progress,overdue&sort=id&page_size=50`,
      (p) => p.report_progress,
    )
  ).id;
  pendingTaskId = (await prepareOverdueTaskWithPendingExtension()).taskId;
});

afterAll(async () => {
  await browser?.close();
  fs.writeFileSync(path.join(inject('artifactsDir'), 'accessibility-report.json'), JSON.stringify(report, null, 2));
});

interface State {
  name: string;
  /** Only at this width (the phone's drawer menu, for one). */
  only?: 'desktop' | 'phone';
  /** From the page as loaded (or the previous state), brings the page into this state. */
  enter: (page: Page) => Promise<unknown>;
}

interface Visit {
  name: string;
  user?: string;
  path: () => string;
  /** What must be on the page once it has loaded. */
  ready: (page: Page) => Promise<unknown>;
  /** Further states checked in turn after the loaded page. */
  states?: State[];
}

const heading = (text: string | RegExp) => (page: Page) => page.getByRole('heading', { name: text }).first().waitFor();

async function openDialog(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).first().click();
  await page.getByRole('dialog').waitFor();
}

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tab', { name, selected: true }).waitFor();
}

const VISITS: Visit[] = [
  {
    name: '01-login',
    path: () => '/login',
    ready: (p) => p.getByRole('button', { name: 'Đăng nhập' }).waitFor(),
    states: [
      {
        name: 'empty form submitted',
        enter: async (p) => {
          await p.getByRole('button', { name: 'Đăng nhập' }).click();
          await p.locator('.ant-form-item-explain-error').first().waitFor();
        },
      },
    ],
  },
  {
    name: '02-dashboard',
    user: 'giamdoc',
    path: () => '/',
    ready: async (p) => {
      await p.locator('.dash-card-overdue a[data-figure="overdue"]').waitFor();
      // The chart's chunk loads when the trend section comes near the screen.
      await p.locator('.dash-trend').scrollIntoViewIfNeeded();
      await p.locator('.dash-trend canvas').first().waitFor();
    },
    states: [
      {
        name: 'menu drawer open',
        only: 'phone',
        enter: async (p) => {
          await p.getByRole('button', { name: 'Mở menu' }).click();
          await p.locator('.ant-drawer .ant-menu').waitFor();
        },
      },
    ],
  },
  { name: '03-my-tasks', user: 'cv.lan', path: () => '/my', ready: heading('Việc của tôi') },
  {
    name: '04-task-list',
    user: 'giamdoc',
    path: () => '/tasks?sort=deadline',
    ready: (p) => p.getByText(/^Tổng số: [\d.]+ nhiệm vụ$/).waitFor(),
  },
  {
    name: '05-task',
    user: 'giamdoc',
    path: () => `/tasks/${taskId}`,
    ready: (p) => p.getByText('Thông tin chung').first().waitFor(),
    states: [
      { name: 'extensions tab', enter: (p) => openTab(p, /^Gia hạn/) },
      { name: 'history tab', enter: (p) => openTab(p, /^Lịch sử thay đổi/) },
      { name: 'cancel modal', enter: (p) => openDialog(p, 'Hủy nhiệm vụ') },
    ],
  },
  {
    name: '06-task-pending-extension',
    user: 'pgd.hung',
    path: () => `/tasks/${pendingTaskId}`,
    ready: (p) => p.getByText(/đang chờ lãnh đạo duyệt/).waitFor(),
    states: [
      { name: 'extensions tab', enter: (p) => openTab(p, /^Gia hạn/) },
      { name: 'approval modal', enter: (p) => openDialog(p, 'Đồng ý gia hạn') },
    ],
  },
  {
    name: '07-task-progress',
    user: 'cv.lan',
    path: () => `/tasks/${specialistTaskId}`,
    ready: (p) => p.getByText('Thông tin chung').first().waitFor(),
    states: [
      { name: 'progress modal', enter: (p) => openDialog(p, 'Báo cáo tiến độ') },
      {
        name: 'progress modal with a file',
        enter: async (p) => {
          await p.getByRole('dialog').locator('input[type=file]').setInputFiles({
            name: 'bao-cao-tien-do.txt',
            mimeType: 'text/plain',
            buffer: Buffer.from('Báo cáo tiến độ\n', 'utf8'),
          });
          await p.getByRole('dialog').getByText('bao-cao-tien-do.txt').waitFor();
        },
      },
    ],
  },
  {
    name: '08-task-new',
    user: 'giamdoc',
    path: () => '/tasks/new',
    ready: (p) => p.locator('form #title').waitFor(),
    states: [
      {
        name: 'empty form submitted',
        enter: async (p) => {
          await p.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
          await p.getByRole('alert').first().waitFor();
          await p.locator('.ant-form-item-explain-error').first().waitFor();
        },
      },
    ],
  },
  {
    name: '09-task-edit',
    user: 'giamdoc',
    path: () => `/tasks/${taskId}/edit`,
    ready: async (p) => {
      await p.locator('form #title').waitFor();
      await p.waitForFunction(() => (document.querySelector('form #title') as HTMLInputElement | null)?.value !== '');
    },
  },
  { name: '10-sources', user: 'giamdoc', path: () => '/sources', ready: heading('Nguồn nhiệm vụ') },
  { name: '11-source', user: 'giamdoc', path: () => `/sources/${sourceId}`, ready: (p) => p.locator('h2').first().waitFor() },
  { name: '12-organizations', user: 'admin', path: () => '/organizations', ready: heading('Cơ quan, đơn vị') },
  { name: '13-people', user: 'admin', path: () => '/people', ready: heading(/Cán bộ/) },
  { name: '14-profile', user: 'giamdoc', path: () => '/profile', ready: (p) => p.getByText('Trần Quốc Bảo').first().waitFor() },
  { name: '15-not-found', user: 'giamdoc', path: () => '/khong-co-trang-nay', ready: (p) => p.getByText('404').first().waitFor() },
];

describe('accessibility (WCAG 2.1 AA)', () => {
  for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    const size = `${viewport.width}x${viewport.height}`;
    for (const visit of VISITS) {
      test(`${visit.name} at ${size}`, async () => {
        await withSession(browser, `a11y-${visit.name}-${size}`, { user: visit.user, viewport }, async ({ page, problems }) => {
          const findings: AxeFinding[] = [];
          const check = async (state?: string) => {
            await settle(page);
            const where = `${visit.name}${state ? ` (${state})` : ''} @${size}`;
            const found = await axeFindings(page, where);
            report.push({ state: where, findings: found });
            findings.push(...found);
          };
          const res = await page.goto(visit.path());
          expect(res?.status()).toBe(200);
          await visit.ready(page);
          await check();
          for (const state of visit.states ?? []) {
            if (state.only && state.only !== width) continue;
            await state.enter(page);
            await check(state.name);
          }
          expect(findings.map(formatAxeFinding), 'WCAG 2.1 A/AA violations (rule, impact, element, page)').toEqual([]);
          expectNoProblems(problems);
        });
      });
    }
  }
});
