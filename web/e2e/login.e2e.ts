// Signing in: an anonymous visitor's browser makes no request that fails (each would be an error
// in the console), and each role starts on the page that fits its work.
import type { Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, loginThroughForm, settle, withSession } from './support';
import type { Browser } from 'playwright-core';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in', () => {
  for (const start of ['/login', '/']) {
    test(`an anonymous visitor opening ${start} sees the form and no failed request`, async () => {
      await withSession(browser, `anonymous${start.replace(/\W/g, '-')}`, {}, async ({ page, problems }) => {
        const api: string[] = [];
        const failed: string[] = [];
        page.on('request', (r: Request) => {
          if (r.url().includes('/api/')) api.push(new URL(r.url()).pathname);
        });
        page.on('response', (r: Response) => {
          if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
        });
        await page.goto(start);
        await page.waitForURL((u) => u.pathname === '/login');
        await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
        await settle(page);
        expect(api, 'API requests').not.toContain('/api/v1/stats');
        if (start === '/login') {
          expect(api, 'API requests on the login page').toEqual([]);
          expect(failed, 'failed requests').toEqual([]);
          expect(problems.list, 'console errors').toEqual([]);
        }
      });
    });
  }

  for (const [user, home, heading] of [
    ['cv.lan', '/my', 'Việc của tôi'],
    ['tp.qlkcht', '/my', 'Việc của tôi'],
    ['giamdoc', '/', 'Tổng quan tình hình thực hiện nhiệm vụ'],
  ]) {
    test(`${user} starts on ${home}`, async () => {
      await withSession(browser, `home-${user}`, {}, async ({ page }) => {
        await loginThroughForm(page, user);
        expect(new URL(page.url()).pathname).toBe(home);
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
        await settle(page);
      });
    });
  }
});
