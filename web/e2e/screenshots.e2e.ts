// Screenshots of each main page at 1366x768 and at phone width (390x844), saved under
// test-artifacts/screenshots/. Each page must render its content without console errors or CSP
// violations; a page wider than the phone screen is reported (test-artifacts/layout-report.json).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { findPageTargets, MAIN_PAGES, numbered, type PageTargets } from './pages';
import { DESKTOP, expectNoProblems, launchBrowser, PHONE, screenshot, settle, withSession } from './support';

let browser: Browser;
let targets: PageTargets;
const layout: { page: string; viewport: string; scrollWidth: number; width: number }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  targets = await findPageTargets();
});

afterAll(async () => {
  await browser?.close();
  const file = path.join(inject('artifactsDir'), 'layout-report.json');
  fs.writeFileSync(file, JSON.stringify(layout, null, 2));
  const wide = layout.filter((l) => l.scrollWidth > l.width + 1);
  if (wide.length) console.warn(`[e2e] pages wider than the screen:\n  ${wide.map((w) => `${w.page} @${w.viewport}: ${w.scrollWidth}px`).join('\n  ')}`);
});

describe('screenshots', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const size = `${viewport.width}x${viewport.height}`;
    for (const [index, shot] of MAIN_PAGES.entries()) {
      const name = numbered(index, shot.name);
      test(`${name} at ${size}`, async () => {
        await withSession(browser, `shot-${name}-${size}`, { user: shot.user, viewport }, async ({ page, problems }) => {
          const res = await page.goto(shot.path(targets));
          expect(res?.status()).toBe(200);
          await shot.ready(page);
          await settle(page);
          // Let the charts and fonts finish.
          await page.waitForTimeout(300);
          const file = await screenshot(page, name);
          expect(fs.statSync(file).size).toBeGreaterThan(5000);
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          layout.push({ page: name, viewport: size, scrollWidth, width: viewport.width });
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
            if (shot.name === 'task-list') {
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
