// A forbidden action is not offered, and the server refuses it (403) when forced from the page
// with a valid session and CSRF token.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { actionButtons, Api, expectNoProblems, launchBrowser, prepareOverdueTaskWithPendingExtension, settle, withSession } from './support';

let browser: Browser;
let prep: Awaited<ReturnType<typeof prepareOverdueTaskWithPendingExtension>>;
beforeAll(async () => {
  browser = await launchBrowser();
  prep = await prepareOverdueTaskWithPendingExtension();
});
afterAll(async () => {
  await browser?.close();
});

const LEADER_ACTIONS = ['Hủy nhiệm vụ', 'Sửa', 'Đồng ý gia hạn', 'Từ chối', 'Yêu cầu giải trình', 'Xác nhận hoàn thành'];
const ALLOWED_403 = [/Failed to load resource: the server responded with a status of 403/];

/** Calls the API from the page like the app does: same-origin cookie and the CSRF token from /me. */
async function forced(page: Page, method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ method, url, body, headers }) => {
      const me = await (await fetch('/api/v1/me', { credentials: 'same-origin' })).json();
      const res = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token, ...headers },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      let code = '';
      try {
        code = JSON.parse(text).code ?? '';
      } catch {
        /* not JSON */
      }
      return { status: res.status, code };
    },
    { method, url, body, headers },
  );
}

async function expectNoButtons(page: Page, names: string[]) {
  for (const name of names) {
    expect(await actionButtons(page, name).count(), `button "${name}"`).toBe(0);
  }
}

async function tryAll(page: Page, taskId: number, extensionId: number, version: number) {
  return {
    cancel: await forced(page, 'POST', `/api/v1/tasks/${taskId}/cancel`, { kind: 'cancelled', reason: 'e2e: ép thao tác' }),
    approve: await forced(page, 'POST', `/api/v1/tasks/${taskId}/extensions/${extensionId}/decision`, {
      decision: 'approved',
    }),
    edit: await forced(page, 'PATCH', `/api/v1/tasks/${taskId}`, { title: 'e2e: sửa trái phép' }, { 'If-Match': `"${version}"` }),
    complete: await forced(page, 'POST', `/api/v1/tasks/${taskId}/complete`, { completed_on: prep.today }),
  };
}

describe('forbidden actions', () => {
  test('(control) the director is offered the leader actions on the same task', async () => {
    await withSession(browser, 'forbidden-control', { user: 'giamdoc' }, async ({ page, problems }) => {
      await page.goto(`/tasks/${prep.taskId}`);
      await settle(page);
      for (const name of ['Hủy nhiệm vụ', 'Sửa', 'Đồng ý gia hạn', 'Từ chối', 'Yêu cầu giải trình']) {
        expect(await actionButtons(page, name).count(), `button "${name}"`).toBeGreaterThan(0);
      }
      expectNoProblems(problems);
    });
  });

  test('the province viewer sees no action and is refused when forcing one', async () => {
    const api = await Api.as('giamdoc');
    const before = await api.get(`/tasks/${prep.taskId}`);
    await withSession(browser, 'forbidden-viewer', { user: 'thanhtra.tinh' }, async ({ page, problems }) => {
      await page.goto(`/tasks/${prep.taskId}`);
      await settle(page);
      await page.getByRole('heading', { name: before.title }).waitFor();
      await expectNoButtons(page, [...LEADER_ACTIONS, 'Báo cáo tiến độ', 'Đề nghị gia hạn', 'Thêm nhiệm vụ con']);
      // Nor a way to create tasks.
      await page.goto('/tasks');
      await settle(page);
      await page.locator('.task-table tbody tr.ant-table-row').first().waitFor();
      expect(await actionButtons(page, 'Thêm nhiệm vụ').count()).toBe(0);

      const r = await tryAll(page, prep.taskId, prep.extensionId, before.version);
      expect(r).toEqual({
        cancel: { status: 403, code: 'forbidden' },
        approve: { status: 403, code: 'forbidden' },
        edit: { status: 403, code: 'forbidden' },
        complete: { status: 403, code: 'forbidden' },
      });
      const create = await forced(page, 'POST', '/api/v1/tasks', {
        source_id: before.source_id,
        title: 'e2e: giao trái phép',
        lead_org_id: before.lead_org.id,
      });
      expect(create.status).toBe(403);
      expectNoProblems(problems, ALLOWED_403);
    });
    const after = await api.get(`/tasks/${prep.taskId}`);
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('overdue');
  });

  test('a specialist may report progress on their task, but not cancel, edit or approve', async () => {
    const leader = await Api.as('giamdoc');
    const lan = await Api.as('cv.lan');
    // Make cv.lan an assignee of the prepared task.
    const t0 = await leader.get(`/tasks/${prep.taskId}`);
    await leader.patch(`/tasks/${prep.taskId}`, { assignee_ids: [lan.user!.person_id] }, t0.version);
    const before = await lan.get(`/tasks/${prep.taskId}`);
    expect(before.permissions.report_progress).toBe(true);
    expect(before.permissions.cancel).toBe(false);

    await withSession(browser, 'forbidden-specialist', { user: 'cv.lan' }, async ({ page, problems }) => {
      await page.goto(`/tasks/${prep.taskId}`);
      await settle(page);
      await page.getByRole('heading', { name: before.title }).waitFor();
      // What the specialist may do is offered ...
      await page.getByRole('button', { name: 'Báo cáo tiến độ' }).first().waitFor();
      // ... what they may not, is not.
      await expectNoButtons(page, LEADER_ACTIONS);

      const r2 = await tryAll(page, prep.taskId, prep.extensionId, before.version);
      expect(r2.cancel.status).toBe(403);
      expect(r2.approve.status).toBe(403);
      expect(r2.edit.status).toBe(403);
      // Without the CSRF token even an allowed call is refused.
      const noCsrf = await page.evaluate(async (id) => {
        const res = await fetch(`/api/v1/tasks/${id}/updates`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ body: 'e2e: không có CSRF' }),
        });
        return res.status;
      }, prep.taskId);
      expect(noCsrf).toBe(403);
      expectNoProblems(problems, ALLOWED_403);
    });
    const after = await leader.get(`/tasks/${prep.taskId}`);
    expect(after.status).toBe('overdue');
    expect(after.extensions.find((e: { id: number }) => e.id === prep.extensionId).state).toBe('pending');
    expect(after.title).toBe(before.title);
  });
});
