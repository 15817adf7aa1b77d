// An administrator edits a person (PATCH /people/{id} with If-Match): the new position is saved
// and shown; other roles are not offered the edit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api, expectNoProblems, launchBrowser, settle, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Person {
  id: number;
  full_name: string;
  position: string;
  active: boolean;
  version?: number;
}

describe('people', () => {
  test('the admin changes a person’s position through "Sửa"', async () => {
    const api = await Api.as('admin');
    const people = (await api.get<{ items: Person[] }>('/people')).items;
    const person = people.find((p) => p.active && typeof p.version === 'number' && p.position);
    expect(person, 'a person with a version').toBeTruthy();
    const position = `Chuyên viên e2e ${Date.now() % 100000}`;
    await withSession(browser, 'people-edit', { user: 'admin' }, async ({ page, problems }) => {
      await page.goto('/people');
      await settle(page);
      await page.getByLabel('Tìm theo tên, chức vụ, đơn vị, tên đăng nhập').fill(person!.full_name);
      await page.getByRole('button', { name: `Sửa thông tin ${person!.full_name}` }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const field = dialog.getByLabel('Chức vụ');
      await field.fill(position);
      await field.press('Tab'); // leaves the field: its suggestions close
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await settle(page);
      await expect.poll(async () => (await api.get<{ items: Person[] }>('/people')).items.find((p) => p.id === person!.id)?.position).toBe(position);
      await page.getByText(position).first().waitFor();
      expectNoProblems(problems);
    });
    // Put it back (If-Match with the new version).
    const now = (await api.get<{ items: Person[] }>('/people')).items.find((p) => p.id === person!.id)!;
    await api.call('PATCH', `/people/${person!.id}`, { position: person!.position }, { 'If-Match': `"${now.version}"` });
  });

  test('a leader is not offered "Sửa" for a person', async () => {
    await withSession(browser, 'people-edit-leader', { user: 'giamdoc' }, async ({ page, problems }) => {
      await page.goto('/people');
      await settle(page);
      await page.getByRole('heading', { name: /Cán bộ/ }).first().waitFor();
      expect(await page.getByRole('button', { name: /^Sửa thông tin / }).count()).toBe(0);
      expectNoProblems(problems);
    });
  });
});
