import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ME_ADMIN, ME_LEADER, mockFetch, renderPage } from '../test/pagesHarness';
import orgFixture from '../test/fixtures/organizations.json';
import OrganizationsPage from './OrganizationsPage';

afterEach(() => vi.unstubAllGlobals());

function serve(me: typeof ME_ADMIN) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations' && c.method === 'GET') return { body: orgFixture };
    if (c.path === '/organizations/8/merge' && c.method === 'POST') {
      const org = orgFixture.items.find((o) => o.id === 8)!;
      return { body: { ...org, valid_to: '2026-11-24', successor_id: 3, version: org.version + 1 } };
    }
    return undefined;
  });
}

async function openMerge() {
  const node = await screen.findByTestId('org-node-8');
  fireEvent.click(node);
  const details = document.querySelector('.org-details') as HTMLElement;
  await waitFor(() => expect(details).toHaveTextContent('Thanh tra Sở'));
  fireEvent.click(within(details).getByRole('button', { name: /Sáp nhập/ }));
  return screen.findByRole('dialog');
}

async function chooseSuccessor(dialog: HTMLElement, name: string) {
  const selector = dialog.querySelector('.ant-select-selector') as HTMLElement;
  fireEvent.mouseDown(selector);
  const search = dialog.querySelector('.ant-select-selection-search-input') as HTMLInputElement;
  fireEvent.change(search, { target: { value: name } });
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-tree-title')].find((e) => e.textContent === name);
    if (!found) throw new Error('option not shown');
    return found as HTMLElement;
  });
  fireEvent.click(option);
}

describe('OrganizationsPage', () => {
  it('merges only after a confirmation saying that open tasks move to the successor', async () => {
    const calls = serve(ME_ADMIN);
    renderPage(<OrganizationsPage />, { path: '/organizations' });
    const dialog = await openMerge();
    expect(dialog).toHaveTextContent('Sáp nhập Thanh tra Sở');

    // Without a successor the first step does not go on.
    fireEvent.click(within(dialog).getByRole('button', { name: /Tiếp tục/ }));
    await within(dialog).findByText('Vui lòng chọn đơn vị tiếp nhận');

    await chooseSuccessor(dialog, 'Văn phòng Sở');
    fireEvent.click(within(dialog).getByRole('button', { name: /Tiếp tục/ }));
    const confirmation = await within(dialog).findByTestId('merge-confirmation');
    expect(confirmation).toHaveTextContent('Sáp nhập Thanh tra Sở vào Văn phòng Sở từ ngày');
    expect(confirmation).toHaveTextContent(
      'Các nhiệm vụ chưa hoàn thành do Thanh tra Sở chủ trì được chuyển sang Văn phòng Sở.',
    );
    expect(confirmation).toHaveTextContent('Lịch sử và số liệu các kỳ trước vẫn ghi tên Thanh tra Sở.');
    // Nothing is sent before the confirmation.
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: /Xác nhận sáp nhập/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/organizations/8/merge');
    expect((post.body as { successor_id: number }).successor_id).toBe(3);
    expect((post.body as { effective_on: string }).effective_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(post.headers['If-Match']).toBe('"1"');
    expect(post.headers['X-CSRF-Token']).toBe('csrf-test');
    await screen.findByText('Đã sáp nhập Thanh tra Sở.');
  });

  it('going back from the confirmation sends nothing', async () => {
    const calls = serve(ME_ADMIN);
    renderPage(<OrganizationsPage />, { path: '/organizations' });
    const dialog = await openMerge();
    await chooseSuccessor(dialog, 'Văn phòng Sở');
    fireEvent.click(within(dialog).getByRole('button', { name: /Tiếp tục/ }));
    await within(dialog).findByTestId('merge-confirmation');
    fireEvent.click(within(dialog).getByRole('button', { name: /Quay lại/ }));
    await waitFor(() => expect(within(dialog).queryByTestId('merge-confirmation')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('offers no action to other roles', async () => {
    serve(ME_LEADER);
    renderPage(<OrganizationsPage />, { path: '/organizations' });
    fireEvent.click(await screen.findByTestId('org-node-8'));
    const details = document.querySelector('.org-details') as HTMLElement;
    await waitFor(() => expect(details).toHaveTextContent('Thanh tra Sở'));
    expect(within(details).queryByRole('button', { name: /Sáp nhập|Đổi tên|Thêm đơn vị/ })).toBeNull();
    expect(details).toHaveTextContent('Chỉ quản trị hệ thống được thêm, đổi tên hoặc sáp nhập đơn vị.');
  });
});
