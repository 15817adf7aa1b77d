import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi } from '../test/mockApi';
import { renderPage } from '../test/pagesHarness';
import { organizations, people, sources } from '../test/fixtures';
import fx from '../test/apiFixtures.json';
import statsReport from '../test/fixtures/stats-report-2026-10.json';
import { todayIso } from '../lib/format';
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

describe('TaskListPage of a report’s figure', () => {
  const base = {
    '/me': fx.leaderMe,
    '/organizations': { items: organizations },
    '/people': { items: people },
    '/sources': { items: sources },
    // What the statistics say of the period: October 2026, counted to its last day.
    '/stats': statsReport,
  };

  it('sends the report period and figure unchanged, never with a date, and says what the list is', async () => {
    const calls = mockApi({ ...base, '/tasks': { ...fx.taskPage, total: 93 } });
    renderPage(<TaskListPage />, { path: '/tasks', url: '/tasks?org=5&report_period=2026-10&report_figure=due_completed' });
    expect(await screen.findByText(fx.taskPage.items[0].title)).toBeInTheDocument();
    const listCall = calls.find((c) => c.url.pathname === '/api/v1/tasks')!;
    expect(Object.fromEntries(listCall.url.searchParams)).toEqual({ org: '5', report_period: '2026-10', report_figure: 'due_completed' });
    const statsCall = calls.find((c) => c.url.pathname === '/api/v1/stats')!;
    expect(Object.fromEntries(statsCall.url.searchParams)).toEqual({ report_period: '2026-10' });

    const scope = await screen.findByTestId('list-report-scope');
    await waitFor(() =>
      expect(scope).toHaveTextContent('Theo báo cáo Tháng 10/2026 · Đến hạn, đã hoàn thành · số liệu đến ngày 31/10/2026'),
    );
    expect(scope).toHaveTextContent('Số liệu tính từ ngày 1/10/2026 đến ngày 31/10/2026.');
    await waitFor(() => expect(scope).toHaveTextContent('Tính các nhiệm vụ do Phòng Quản lý kết cấu hạ tầng giao thông chủ trì, như báo cáo.'));
    expect(screen.getByText('Tổng số: 93 nhiệm vụ')).toBeInTheDocument();
    // The export takes the same filter, without paging.
    expect(screen.getByRole('link', { name: /Xuất Excel/ })).toHaveAttribute(
      'href',
      '/api/v1/tasks/export.xlsx?org=5&report_period=2026-10&report_figure=due_completed',
    );
    // Its tasks open as they stood on the period's last day.
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: fx.taskPage.items[0].title })[0]).toHaveAttribute(
        'href',
        `/tasks/${fx.taskPage.items[0].id}?as_of=2026-10-31`,
      ),
    );

    // Leaving the report's figures keeps the rest of the filter.
    fireEvent.click(within(scope).getByRole('button', { name: 'Bỏ lọc theo báo cáo' }));
    await waitFor(() => expect(screen.queryByTestId('list-report-scope')).toBeNull());
    const last = calls.filter((c) => c.url.pathname === '/api/v1/tasks').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ org: '5' });
  });

  it('leaves the report when another period is chosen in the filter', async () => {
    const calls = mockApi({ ...base, '/tasks': fx.taskPage });
    renderPage(<TaskListPage />, { path: '/tasks', url: '/tasks?report_period=2026-10&report_figure=overdue&status=overdue' });
    await screen.findByTestId('list-report-scope');
    const picker = screen.getByRole('textbox', { name: 'Kỳ' });
    fireEvent.mouseDown(picker);
    fireEvent.focus(picker);
    fireEvent.click(picker);
    // The picker opens on this year: this month is in it.
    const thisMonth = todayIso().slice(0, 7);
    const month = await waitFor(() => {
      const found = document.querySelector(`.ant-picker-dropdown td[title="${thisMonth}"]`);
      expect(found).not.toBeNull();
      return found!;
    });
    fireEvent.click(month.querySelector('.ant-picker-cell-inner')!);
    await waitFor(() => expect(screen.queryByTestId('list-report-scope')).toBeNull());
    const last = calls.filter((c) => c.url.pathname === '/api/v1/tasks').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ period: thisMonth, status: 'overdue' });
  });

  it('says in words that a period has not begun, with no earlier rows under it', async () => {
    const refusal = {
      code: 'validation_failed',
      message: 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
      fields: [{ field: 'report_period', code: 'not_started' }],
    };
    const refuse = () => new Response(JSON.stringify(refusal), { status: 422, headers: { 'Content-Type': 'application/json' } });
    mockApi({ ...base, '/tasks': refuse, '/stats': refuse });
    renderPage(<TaskListPage />, { path: '/tasks', url: '/tasks?report_period=2099-01&report_figure=due' });
    const scope = await screen.findByTestId('list-report-scope');
    await waitFor(() => expect(scope).toHaveTextContent('Kỳ báo cáo Tháng 1/2099 chưa bắt đầu nên chưa có số liệu.'));
    expect(scope).toHaveTextContent('Theo báo cáo Tháng 1/2099 · Đến hạn');
    expect(screen.queryByText(refusal.message)).toBeNull();
    expect(screen.queryByText(/^Tổng số:/)).toBeNull();
  });
});
