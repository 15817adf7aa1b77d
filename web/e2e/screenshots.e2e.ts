// Screenshots of each main page at 1366x768 and at phone width (390x844), saved under
// test-artifacts/screenshots/. Each page must render its content without console errors or CSP
// violations; a page wider than the phone screen is reported (test-artifacts/layout-report.json).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, DESKTOP, expectNoProblems, launchBrowser, PHONE, screenshot, settle, withSession } from './support';

let browser: Browser;
let taskId = 0;
let sourceId = 0;
const layout: { page: string; viewport: string; scrollWidth: number; width: number }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await Api.as('giamdoc');
  // A task with some history: extended, with progress updates.
  const list = await api.get('/tasks?status=in_progress&sort=-updated&page_size=100');
  const pick = list.items.find((t: { extended: boolean }) => t.extended) ?? list.items[0];
  taskId = pick.id;
  sourceId = pick.source_id;
});

afterAll(async () => {
  await browser?.close();
  const file = path.join(inject('artifactsDir'), 'layout-report.json');
  fs.writeFileSync(file, JSON.stringify(layout, null, 2));
  const wide = layout.filter((l) => l.scrollWidth > l.width + 1);
  if (wide.length) console.warn(`[e2e] pages wider than the screen:\n  ${wide.map((w) => `${w.page} @${w.viewport}: ${w.scrollWidth}px`).join('\n  ')}`);
});

interface Shot {
  name: string;
  user?: string;
  path: () => string;
  /** What must be on the page once it has loaded. */
  ready: (page: Page) => Promise<unknown>;
}

const heading = (text: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { name: text }).first().waitFor();

const SHOTS: Shot[] = [
  { name: '01-login', path: () => '/login', ready: (p) => p.getByRole('button', { name: 'Đăng nhập' }).waitFor() },
  {
    name: '02-dashboard',
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
  {
    name: '03-task-list',
    user: 'giamdoc',
    path: () => '/tasks?sort=deadline',
    ready: (p) => p.getByText(/^Tổng số: [\d.]+ nhiệm vụ$/).waitFor(),
  },
  { name: '04-task', user: 'giamdoc', path: () => `/tasks/${taskId}`, ready: (p) => p.getByText('Thông tin chung').first().waitFor() },
  { name: '05-task-form', user: 'giamdoc', path: () => '/tasks/new', ready: (p) => p.locator('form #title').waitFor() },
  { name: '06-sources', user: 'giamdoc', path: () => '/sources', ready: heading('Nguồn nhiệm vụ') },
  { name: '07-source', user: 'giamdoc', path: () => `/sources/${sourceId}`, ready: (p) => p.locator('h2').first().waitFor() },
  { name: '08-organizations', user: 'admin', path: () => '/organizations', ready: heading('Cơ quan, đơn vị') },
  { name: '09-people', user: 'admin', path: () => '/people', ready: heading(/Cán bộ/) },
  { name: '10-my-tasks', user: 'cv.lan', path: () => '/my', ready: heading('Việc của tôi') },
  { name: '11-profile', user: 'giamdoc', path: () => '/profile', ready: (p) => p.getByText('Trần Quốc Bảo').first().waitFor() },
];

describe('screenshots', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const size = `${viewport.width}x${viewport.height}`;
    for (const shot of SHOTS) {
      test(`${shot.name} at ${size}`, async () => {
        await withSession(browser, `shot-${shot.name}-${size}`, { user: shot.user, viewport }, async ({ page, problems }) => {
          const res = await page.goto(shot.path());
          expect(res?.status()).toBe(200);
          await shot.ready(page);
          await settle(page);
          // Let the charts and fonts finish.
          await page.waitForTimeout(300);
          const file = await screenshot(page, shot.name);
          expect(fs.statSync(file).size).toBeGreaterThan(5000);
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          layout.push({ page: shot.name, viewport: size, scrollWidth, width: viewport.width });
          if (viewport === DESKTOP && shot.user) {
            // At 1366 the menu is beside the page, not above it.
            const boxes = await page.evaluate(() => {
              const box = (sel: string) => {
                const r = document.querySelector(sel)?.getBoundingClientRect();
                return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
              };
              return { sider: box('.app-sider'), main: box('#main') };
            });
            expect(boxes.sider, 'side menu at 1366 px').toBeTruthy();
            expect(boxes.main!.left, 'page content starts right of the side menu').toBeGreaterThanOrEqual(boxes.sider!.right - 1);
            expect(boxes.main!.top, 'page content beside the side menu, not below it').toBeLessThan(boxes.sider!.bottom);
            // The whole menu is on the screen (it was cut off after "Nguồn nhiệm vụ").
            const items = page.locator('.app-sider .ant-menu-item');
            expect(await items.count(), 'menu items').toBeGreaterThanOrEqual(6);
            const last = await items.last().boundingBox();
            expect(last && last.y + last.height, 'last menu item within the screen').toBeLessThanOrEqual(viewport.height);
            if (shot.name === '03-task-list') {
              const title = await page.locator('.task-table thead th', { hasText: 'Tên nhiệm vụ' }).first().boundingBox();
              expect(title?.width ?? 0, 'title column width at 1366 px').toBeGreaterThanOrEqual(320);
            }
          }
          if (viewport === PHONE && shot.user) {
            // Name, position and organisation are on the screen on a phone too, not cut off.
            const who = await page.evaluate(async () => {
              const me = await (await fetch('/api/v1/me')).json();
              const orgs = await (await fetch('/api/v1/organizations')).json();
              const org = (orgs.items ?? orgs).find((o: { id: number }) => o.id === me.organization_id);
              const el = document.querySelector('[data-testid="app-user"]') as HTMLElement | null;
              const r = el?.getBoundingClientRect();
              const clipped = el ? [...el.querySelectorAll('span')].some((s) => s.scrollWidth > s.clientWidth + 1) : true;
              return { text: el?.innerText ?? '', visible: !!r && r.width > 0 && r.bottom <= window.innerHeight, clipped, me, org: org?.name ?? '' };
            });
            expect(who.visible, 'user identity visible on the phone').toBe(true);
            expect(who.clipped, 'user identity not cut off').toBe(false);
            for (const part of [who.me.full_name, who.me.position, who.org].filter(Boolean)) expect(who.text).toContain(part);
          }
          expectNoProblems(problems);
        });
      });
    }
  }
});
