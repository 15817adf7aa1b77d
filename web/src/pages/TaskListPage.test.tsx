import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { mockApi } from '../test/mockApi';
import { renderPage } from '../test/pagesHarness';
import { organizations, people, sources } from '../test/fixtures';
import fx from '../test/apiFixtures.json';
import TaskListPage from './TaskListPage';

afterEach(() => vi.unstubAllGlobals());

describe('TaskListPage', () => {
  it('sends the page URL filter to the API unchanged and links the export to it', async () => {
    const calls = mockApi({
      '/me': fx.leaderMe,
      '/tasks': fx.taskPage,
      '/organizations': { items: organizations },
      '/people': { items: people },
      '/sources': { items: sources },
    });
    renderPage(<TaskListPage />, {
      path: '/tasks',
      url: '/tasks?status=overdue,in_progress&lead_org=5&sort=deadline&page=2&page_size=20',
    });
    expect(await screen.findByText(fx.taskPage.items[0].title)).toBeInTheDocument();
    const listCall = calls.find((c) => c.url.pathname === '/api/v1/tasks')!;
    expect(listCall.url.search).toBe('?status=overdue%2Cin_progress&lead_org=5&sort=deadline&page=2&page_size=20');
    const exportLink = screen.getByRole('link', { name: /Xuất Excel/ });
    expect(exportLink).toHaveAttribute(
      'href',
      '/api/v1/tasks/export.xlsx?status=overdue%2Cin_progress&lead_org=5&sort=deadline',
    );
    expect(screen.getByRole('link', { name: /Thêm nhiệm vụ/ })).toBeInTheDocument();
    expect(screen.getByText(`Tổng số: ${fx.taskPage.total} nhiệm vụ`)).toBeInTheDocument();
  });
});
