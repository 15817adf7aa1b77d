import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Statistics, StatsGroup, StatusCounts } from '../api/types';
import { sortUnits } from '../lib/dashboard';
import { hrefPath, hrefQuery, ME_LEADER, ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import orgFixture from '../test/fixtures/organizations.json';
import statsFixture from '../test/fixtures/stats-2026.json';
import DashboardPage from './DashboardPage';

// The chart is a lazily loaded ECharts chunk; jsdom has no canvas.
vi.mock('../components/dashboard/TrendChart', () => ({
  default: ({ points }: { points: unknown[] }) => <div data-testid="trend-chart">{points.length}</div>,
}));

const STATS = statsFixture as Statistics;
const COUNTED = 'completed_on_time,completed_late,in_progress,overdue';

function zeroStats(q: URLSearchParams): Statistics {
  const zero: StatusCounts = {
    total: 0,
    completed: 0,
    completed_on_time: 0,
    completed_late: 0,
    in_progress: 0,
    overdue: 0,
    cancelled: 0,
    extended: 0,
    overdue_rate: 0,
    completion_rate: 0,
    on_time_rate: 0,
  };
  return { ...zero, as_of: q.get('as_of') ?? '', tasks_url: `/api/v1/tasks?${q.toString()}`, by_key: [], by_lead_org: [], by_source_kind: [], by_source_kind_and_key: [] };
}

function serve(stats: Statistics, extra?: (c: Call) => { status?: number; body?: unknown } | undefined) {
  return mockFetch((c) => {
    const r = extra?.(c);
    if (r) return r;
    if (c.path === '/me') return { body: ME_LEADER };
    if (c.path === '/organizations') return { body: orgFixture };
    if (c.path === '/stats') return { body: c.query.get('period') === '2026' ? stats : zeroStats(c.query) };
    if (c.path === '/tasks') {
      const total = c.query.get('status') === 'overdue' ? 5 : 2;
      return { body: { items: [], total, page: 1, page_size: 8, as_of: c.query.get('as_of') } };
    }
    return undefined;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The group of `stats` a link's query designates, and the figure its statuses make. */
function expectedFor(stats: Statistics, q: Record<string, string>): number | undefined {
  let group: StatusCounts | undefined = stats;
  if (q.lead_org) group = stats.by_lead_org.find((g) => g.key === q.lead_org);
  else if (q.source_kind) group = stats.by_source_kind.find((g) => g.key === q.source_kind);
  else if (q.key) group = stats.by_key.find((g) => g.key === q.key);
  if (!group) return undefined;
  if (q.extended === 'true' && !q.status) return group.extended;
  const status = q.status;
  if (status === COUNTED) return group.total;
  if (status === 'completed_on_time,completed_late') return group.completed;
  return group[status as keyof StatusCounts] as number;
}

describe('DashboardPage', () => {
  it('shows the /stats figures exactly, each linked to the task list behind it', async () => {
    const calls = serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026&as_of=2026-11-24' });

    await screen.findByTestId('key-completed');
    const total = document.querySelector('.dash-card-total a') as HTMLAnchorElement;
    expect(total).toHaveTextContent('124');
    expect(hrefPath(total.getAttribute('href'))).toBe('/tasks');
    expect(hrefQuery(total.getAttribute('href'))).toEqual({
      as_of: '2026-11-24',
      status: COUNTED,
      assigned_from: '2026-01-01',
      assigned_to: '2026-12-31',
    });

    // The four classes, with their rates of the total.
    for (const [cls, n, rate] of [
      ['completed_on_time', 93, '75%'],
      ['completed_late', 5, '4,03%'],
      ['in_progress', 21, '16,94%'],
      ['overdue', 5, '4,03%'],
    ] as const) {
      const card = document.querySelector(`.dash-card-${cls}`) as HTMLElement;
      const link = card.querySelector('a')!;
      expect(link).toHaveTextContent(String(n));
      expect(hrefQuery(link.getAttribute('href')).status).toBe(cls);
      expect(within(card).getByText(`Tỷ lệ: ${rate}`)).toBeInTheDocument();
    }
    expect(document.querySelector('[data-rate="overdue_rate"]')).toHaveTextContent('4,03%');
    expect(document.querySelector('[data-rate="completion"]')).toHaveTextContent('79,03%');
    // "Đã được gia hạn" is a link too: the list with extended=true and the same scope.
    const extended = document.querySelector('a[data-figure="extended"]')!;
    expect(extended).toHaveTextContent('7');
    expect(hrefQuery(extended.getAttribute('href'))).toMatchObject({ extended: 'true', as_of: '2026-11-24' });
    expect(hrefQuery(extended.getAttribute('href')).status).toBeUndefined();
    const cancelled = document.querySelector('a[data-figure="cancelled"]')!;
    expect(cancelled).toHaveTextContent('4');
    expect(hrefQuery(cancelled.getAttribute('href')).status).toBe('cancelled');

    // Every figure link of the period: its number equals the /stats figure its query designates.
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a.figure-link')].filter(
      (a) => hrefQuery(a.getAttribute('href')).assigned_from === '2026-01-01',
    );
    expect(links.length).toBeGreaterThan(100);
    for (const a of links) {
      const q = hrefQuery(a.getAttribute('href'));
      expect(q.as_of).toBe('2026-11-24');
      expect(q.assigned_to).toBe('2026-12-31');
      const expected = expectedFor(STATS, q);
      expect(expected, a.getAttribute('href') ?? '').toBeDefined();
      expect(Number(a.textContent!.replace(/\D/g, '')), a.getAttribute('href') ?? '').toBe(expected);
    }

    // The key tasks: "49/69 nhiệm vụ trọng tâm đã hoàn thành".
    expect(screen.getByTestId('key-completed')).toHaveTextContent('49/69 nhiệm vụ trọng tâm đã hoàn thành');

    // The main figures came from one /stats call with the page's scope.
    const main = calls.filter((c) => c.path === '/stats' && c.query.get('period') === '2026');
    expect(main).toHaveLength(1);
    expect(main[0].query.get('as_of')).toBe('2026-11-24');
    expect(main[0].query.get('org')).toBeNull();

    // The trend: one /stats call per month for the 12 months up to the as-of date.
    await screen.findByTestId('trend-chart');
    const months = calls
      .filter((c) => c.path === '/stats' && c.query.get('period') !== '2026')
      .map((c) => `${c.query.get('period')}@${c.query.get('as_of')}`);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-12@2025-12-31');
    expect(months[11]).toBe('2026-11@2026-11-24');
    // ...and says so: each month as of its last day, not today.
    expect(screen.getByText('Mỗi tháng tính đến ngày cuối tháng; tháng cuối tính đến ngày xem số liệu.')).toBeInTheDocument();

    // The warnings: overdue (red) and due within 7 days (orange).
    const overdue = await screen.findByTestId('warning-overdue-total');
    expect(overdue).toHaveTextContent('(5)');
    expect(hrefQuery(overdue.getAttribute('href'))).toEqual({ as_of: '2026-11-24', status: 'overdue', sort: 'deadline' });
    const due = await screen.findByTestId('warning-due_soon-total');
    expect(hrefQuery(due.getAttribute('href'))).toEqual({
      as_of: '2026-11-24',
      status: 'in_progress',
      deadline_from: '2026-11-24',
      deadline_to: '2026-12-01',
      sort: 'deadline',
    });
  });

  it('writes key tasks as "02/02" and links both numbers', async () => {
    const key: StatsGroup = {
      ...zeroStats(new URLSearchParams()),
      key: 'true',
      total: 2,
      completed: 2,
      completed_on_time: 2,
      completion_rate: 1,
      on_time_rate: 1,
      tasks_url: '/api/v1/tasks?as_of=2023-08-31&key=true&assigned_from=2023-01-01&assigned_to=2023-12-31',
    };
    const stats: Statistics = { ...STATS, by_key: [key] };
    serve(stats);
    renderPage(<DashboardPage />, { url: '/?period=2026&as_of=2026-11-24' });
    const line = await screen.findByTestId('key-completed');
    expect(line).toHaveTextContent('02/02 nhiệm vụ trọng tâm đã hoàn thành (100%)');
    const [done, all] = [...line.querySelectorAll('a')];
    expect(hrefQuery(done.getAttribute('href'))).toMatchObject({ key: 'true', status: 'completed_on_time,completed_late' });
    expect(hrefQuery(all.getAttribute('href'))).toMatchObject({ key: 'true', status: COUNTED });
  });

  it('lists units by overdue tasks, then by on-time rate', async () => {
    serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026&as_of=2026-11-24' });
    await screen.findByTestId('key-completed');
    const card = document.querySelectorAll('.dash-group-table')[1] as HTMLElement;
    const names = [...card.querySelectorAll('tbody .dash-group-name')].map((e) => e.textContent);
    expect(names).toEqual([
      'Thanh tra Sở',
      'Trung tâm Đăng kiểm xe cơ giới',
      'Văn phòng Sở',
      'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông',
      'Phòng Quản lý chất lượng công trình giao thông',
      'Phòng Quản lý phương tiện và người lái',
      'Phòng Quản lý vận tải, phương tiện và người lái',
      'Phòng Kế hoạch – Tài chính',
      'Phòng Quản lý kết cấu hạ tầng giao thông',
      'Văn phòng Ban An toàn giao thông tỉnh',
    ]);
  });

  it('says the figures are of the period, and the overdue list of every period', async () => {
    serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026&as_of=2026-11-24' });
    expect(await screen.findByRole('heading', { name: 'Số liệu nhiệm vụ giao trong năm 2026' })).toBeVisible();
    expect(await screen.findByText(/^Tất cả nhiệm vụ quá hạn đến ngày 24\/11\/2026/)).toBeInTheDocument();
    cleanup();
    serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026-Q3' });
    expect(await screen.findByRole('heading', { name: 'Số liệu nhiệm vụ giao trong quý III/2026' })).toBeVisible();
    expect(await screen.findByText(/^Tất cả nhiệm vụ quá hạn đến nay/)).toBeInTheDocument();
  });

  it('lists extension requests awaiting a decision for those who decide them', async () => {
    const calls = serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026&as_of=2026-11-24' });
    const total = await screen.findByTestId('warning-extension_pending-total');
    expect(total).toHaveTextContent('(2)');
    expect(hrefQuery(total.getAttribute('href'))).toMatchObject({ as_of: '2026-11-24', extension_pending: 'true' });
    const pending = calls.find((c) => c.path === '/tasks' && c.query.get('extension_pending') === 'true')!;
    expect(pending.query.get('as_of')).toBe('2026-11-24');
    expect(screen.getByText('Đề nghị gia hạn đang chờ duyệt')).toBeInTheDocument();
    cleanup();
    serve(STATS, (c) => (c.path === '/me' ? { body: ME_SPECIALIST } : undefined));
    renderPage(<DashboardPage />, { url: '/?period=2026&as_of=2026-11-24' });
    await screen.findByTestId('warning-overdue-total');
    expect(screen.queryByTestId('warning-extension_pending-total')).toBeNull();
  });

  it('sends the organisation of the URL to /stats and the warnings', async () => {
    const calls = serve(STATS);
    renderPage(<DashboardPage />, { url: '/?org=5&period=2026-Q3&as_of=2026-09-30&days=14' });
    await screen.findByTestId('warning-due_soon-total');
    const stats = calls.find((c) => c.path === '/stats' && c.query.get('period') === '2026-Q3')!;
    expect(stats.query.get('org')).toBe('5');
    expect(stats.query.get('as_of')).toBe('2026-09-30');
    const due = calls.find((c) => c.path === '/tasks' && c.query.get('status') === 'in_progress')!;
    expect(due.query.get('org')).toBe('5');
    expect(due.query.get('deadline_to')).toBe('2026-10-14');
    expect(screen.getByTestId('dash-scope')).toHaveTextContent('Phòng Quản lý kết cấu hạ tầng giao thông · Quý III/2026 · tính đến ngày 30/09/2026');
  });
});

describe('sortUnits', () => {
  const g = (key: string, name: string, overdue: number, on_time_rate: number) =>
    ({ key, name, overdue, on_time_rate }) as StatsGroup;
  it('puts the most overdue first, then the best on-time rate, then by Vietnamese name', () => {
    const out = sortUnits([
      g('1', 'Văn phòng', 0, 0.9),
      g('2', 'Thanh tra', 2, 0.1),
      g('3', 'Đăng kiểm', 1, 0.5),
      g('4', 'Ban QLDA', 1, 0.5),
      g('5', 'Kế hoạch', 1, 0.7),
      g('6', 'Ánh Dương', 0, 0.9),
    ]);
    expect(out.map((x) => x.key)).toEqual(['2', '5', '4', '3', '6', '1']);
  });
});
