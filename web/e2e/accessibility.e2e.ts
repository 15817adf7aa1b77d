// WCAG 2.1 A and AA on every main page, at 1366x768 and at phone width (where the menu is a drawer
// and the user's identity has its own line), in the states a user meets: loaded with data, the
// task page's other tabs, an action modal open, a form showing its errors. axe-core checks each
// state in the page; any violation fails the test with the rule, impact, element and page of each.
// All findings of the run are also written to test-artifacts/accessibility-report.json.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findPageTargets, firstTaskWith, MAIN_PAGES, numbered, taskLoaded, type MainPage, type PageTargets } from './pages';
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
let targets: Targets;
const report: { state: string; findings: AxeFinding[] }[] = [];

interface Targets extends PageTargets {
  /** A task cv.lan may report progress on. */
  specialistTaskId: number;
  /** An overdue task whose extension request waits for a leader. */
  pendingTaskId: number;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const specialist = await Api.as('cv.lan');
  const specialistTask = await firstTaskWith(
    specialist,
    `assignee=${specialist.user!.person_id}&status=in_progress,overdue&sort=id&page_size=50`,
    (p) => p.report_progress,
  );
  targets = {
    ...(await findPageTargets()),
    specialistTaskId: specialistTask.id,
    pendingTaskId: (await prepareOverdueTaskWithPendingExtension()).taskId,
  };
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

interface Visit extends MainPage<Targets> {
  /** Further states checked in turn after the loaded page. */
  states?: State[];
}

async function openDialog(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).first().click();
  await page.getByRole('dialog').waitFor();
}

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tab', { name, selected: true }).waitFor();
}

const formShowsErrors = (submit: string) => async (p: Page) => {
  await p.getByRole('button', { name: submit }).click();
  await p.locator('.ant-form-item-explain-error').first().waitFor();
};

/** Every main page, some also in the states a user meets on them. */
const STATES: Record<string, State[]> = {
  login: [{ name: 'empty form submitted', enter: formShowsErrors('Đăng nhập') }],
  dashboard: [
    {
      name: 'menu drawer open',
      only: 'phone',
      enter: async (p) => {
        await p.getByRole('button', { name: 'Mở menu' }).click();
        await p.locator('.ant-drawer .ant-menu').waitFor();
      },
    },
  ],
  task: [
    { name: 'extensions tab', enter: (p) => openTab(p, /^Gia hạn/) },
    { name: 'history tab', enter: (p) => openTab(p, /^Lịch sử thay đổi/) },
    { name: 'cancel modal', enter: (p) => openDialog(p, 'Hủy nhiệm vụ') },
  ],
  'task-new': [
    {
      name: 'empty form submitted',
      enter: async (p) => {
        await formShowsErrors('Giao nhiệm vụ')(p);
        await p.getByRole('alert').first().waitFor();
      },
    },
  ],
};

/** The task page as others meet it: a leader deciding an extension, a specialist reporting progress. */
const TASK_VARIANTS: Visit[] = [
  {
    name: 'task-pending-extension',
    user: 'pgd.hung',
    path: (t) => `/tasks/${t.pendingTaskId}`,
    ready: (p) => p.getByText(/đang chờ lãnh đạo duyệt/).waitFor(),
    states: [
      { name: 'extensions tab', enter: (p) => openTab(p, /^Gia hạn/) },
      { name: 'approval modal', enter: (p) => openDialog(p, 'Đồng ý gia hạn') },
    ],
  },
  {
    name: 'task-progress',
    user: 'cv.lan',
    path: (t) => `/tasks/${t.specialistTaskId}`,
    ready: taskLoaded,
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
];

const VISITS: Visit[] = MAIN_PAGES.flatMap((page) => [
  { ...page, states: STATES[page.name] },
  ...(page.name === 'task' ? TASK_VARIANTS : []),
]).map((visit, i) => ({ ...visit, name: numbered(i, visit.name) }));

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
          const res = await page.goto(visit.path(targets));
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
