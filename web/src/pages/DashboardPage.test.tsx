import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  REPORT_FIGURE_CODES,
  type ReportFigureCode,
  type ReportFigures,
  type Statistics,
  type StatsGroup,
  type StatsReportPeriod,
  type StatusCounts,
} from '../api/types';
import { sortUnits } from '../lib/dashboard';
import { todayIso } from '../lib/format';
import { runningMonthKey } from '../lib/period';
import fx from '../test/apiFixtures.json';
import { hrefPath, hrefQuery, ME_LEADER, ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import orgFixture from '../test/fixtures/organizations.json';
import statsFixture from '../test/fixtures/stats-report-2026-10.json';
import DashboardPage from './DashboardPage';

// The chart is a lazily loaded ECharts chunk; jsdom has no canvas.
vi.mock('../components/dashboard/TrendChart', () => ({
  default: ({ points }: { points: unknown[] }) => <div data-testid="trend-chart">{points.length}</div>,
}));

/** The demo's figures for October 2026, as the report on it counts them (recorded from the server). */
const STATS = statsFixture as Statistics;
const COUNTED = 'completed_on_time,completed_late,in_progress,overdue';

const ZERO: StatusCounts = {
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

function zeroFigures(): ReportFigures {
  const f = Object.fromEntries(REPORT_FIGURE_CODES.map((c) => [c, 0])) as Record<ReportFigureCode, number>;
  return { ...f, due_completed_ratio: '00/00', cumulative: { ...ZERO } };
}

/** The calendar month's window of `period` ("2026-09"), counted to its end or to `asOf`. */
function monthWindow(period: string, asOf?: string): StatsReportPeriod {
  const [y, m] = period.split('-').map(Number);
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return {
    period,
    period_start: `${period}-01`,
    period_end: end,
    as_of: asOf ?? end,
    period_running: asOf !== undefined && asOf < end,
    next_start: new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10),
    next_end: new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10),
    period_convention: 'calendar_month',
  };
}

/** An answer with no task, for the report period of `q`. */
function emptyStats(q: URLSearchParams, window?: StatsReportPeriod): Statistics {
  const period = q.get('report_period') ?? '';
  const resolved = window ?? monthWindow(period);
  return {
    ...ZERO,
    as_of: resolved.as_of,
    tasks_url: `/api/v1/tasks?${q.toString()}`,
    by_key: [],
    by_lead_org: [],
    by_source_kind: [],
    by_source_kind_and_key: [],
    report_figures: zeroFigures(),
    report_period: resolved,
  };
}

function serve(stats: Statistics, extra?: (c: Call) => { status?: number; body?: unknown } | undefined) {
  return mockFetch((c) => {
    const r = extra?.(c);
    if (r) return r;
    if (c.path === '/me') return { body: ME_LEADER };
    if (c.path === '/organizations') return { body: orgFixture };
    if (c.path === '/report-settings') return { body: fx.reportSettingsDemo };
    if (c.path === '/stats') return { body: c.query.get('report_period') === stats.report_period?.period ? stats : emptyStats(c.query) };
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

type Group = StatusCounts & { report_figures?: ReportFigures };

/** The group of `stats` a link's query designates, and the figure its report figure or statuses make. */
function expectedFor(stats: Statistics, q: Record<string, string>): number | undefined {
  let group: Group | undefined = stats;
  if (q.lead_org) group = stats.by_lead_org.find((g) => g.key === q.lead_org);
  else if (q.source_kind) group = stats.by_source_kind.find((g) => g.key === q.source_kind);
  else if (q.key) group = stats.by_key.find((g) => g.key === q.key);
  if (!group) return undefined;
  if (q.report_figure) return group.report_figures?.[q.report_figure as ReportFigureCode];
  if (q.extended === 'true' && !q.status) return group.extended;
  const status = q.status;
  if (status === COUNTED) return group.total;
  if (status === 'completed_on_time,completed_late') return group.completed;
  return group[status as keyof StatusCounts] as number;
}

const figureText = (a: Element) => Number(a.textContent!.replace(/\D/g, ''));

describe('DashboardPage', () => {
  it('shows the period’s figures as the report counts them, each linked to the list of exactly its tasks', async () => {
    const calls = serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026-10&as_of=2026-11-24' });

    const lead = await screen.findByTestId('report-due-completed');
    expect(lead).toHaveTextContent('93/97 nhiệm vụ đến hạn đã hoàn thành (95,88%)');
    const [done, due] = [...lead.querySelectorAll('a')];
    expect(hrefPath(done.getAttribute('href'))).toBe('/tasks');
    expect(hrefQuery(done.getAttribute('href'))).toEqual({ report_period: '2026-10', report_figure: 'due_completed' });
    expect(hrefQuery(due.getAttribute('href'))).toEqual({ report_period: '2026-10', report_figure: 'due' });

    // Every count the report states, under its name, in the card "Theo kỳ báo cáo".
    const card = lead.closest('.dash-report') as HTMLElement;
    expect(within(card).getByText('Theo kỳ báo cáo')).toBeInTheDocument();
    const counts = Object.fromEntries(
      [...card.querySelectorAll('dl > div')].map((row) => [row.querySelector('dt')!.textContent, figureText(row.querySelector('dd a')!)]),
    );
    expect(counts).toEqual({
      'Quá hạn': 4,
      'Hoàn thành trước hạn': 4,
      'Thường xuyên': 6,
      'Giao trong kỳ': 3,
      'Đến hạn trong kỳ': 8,
      'Hoàn thành trong kỳ': 5,
      'Đến hạn kỳ tới': 4,
      'Chuyển tiếp': 0,
    });

    // The status classes are the report's cumulative figures, counted to the period's end.
    expect(screen.getByRole('heading', { name: 'Lũy kế đến ngày 31/10/2026' })).toBeInTheDocument();
    const total = document.querySelector('.dash-card-total a') as HTMLAnchorElement;
    expect(total).toHaveTextContent('122');
    expect(hrefQuery(total.getAttribute('href'))).toEqual({ report_period: '2026-10', status: COUNTED });
    for (const [cls, n, rate] of [
      ['completed_on_time', 92, '75,41%'],
      ['completed_late', 5, '4,1%'],
      ['in_progress', 21, '17,21%'],
      ['overdue', 4, '3,28%'],
    ] as const) {
      const box = document.querySelector(`.dash-card-${cls}`) as HTMLElement;
      const link = box.querySelector('a')!;
      expect(link).toHaveTextContent(String(n));
      expect(hrefQuery(link.getAttribute('href')).status).toBe(cls);
      expect(within(box).getByText(`Tỷ lệ: ${rate}`)).toBeInTheDocument();
    }
    expect(document.querySelector('a[data-figure="extended"]')).toHaveTextContent('7');
    expect(document.querySelector('a[data-figure="cancelled"]')).toHaveTextContent('4');

    // The tables by source and by unit say "x/y" of the due tasks too.
    await screen.findAllByTestId('due-completed');
    const adHoc = screen.getByTestId('group-ad_hoc');
    expect(within(adHoc).getByTestId('due-completed')).toHaveTextContent('25/26');

    // Every figure of the period: its number equals the /stats figure its query designates, the
    // query names the report period, never an as_of or an assignment period beside it (the server
    // would refuse them), and follows one figure of the report or one set of statuses.
    const links = [...document.querySelectorAll<HTMLAnchorElement>('a.figure-link')].filter(
      (a) => hrefQuery(a.getAttribute('href')).report_period === '2026-10',
    );
    expect(links.length).toBeGreaterThan(100);
    const followed = new Set<string>();
    for (const a of links) {
      const href = a.getAttribute('href') ?? '';
      const q = hrefQuery(href);
      expect(q.as_of, href).toBeUndefined();
      expect(q.period, href).toBeUndefined();
      expect(q.assigned_from, href).toBeUndefined();
      if (q.report_figure) followed.add(q.report_figure);
      const expected = expectedFor(STATS, q);
      expect(expected, href).toBeDefined();
      expect(figureText(a), href).toBe(expected);
    }
    // Each of the report's figures is among them.
    expect([...followed].sort()).toEqual([...REPORT_FIGURE_CODES].sort());

    // The key tasks, as the report counts them: due tasks completed over due tasks.
    expect(screen.getByTestId('key-completed')).toHaveTextContent('45/46 nhiệm vụ trọng tâm đã hoàn thành (97,83%)');

    // The figures came from one /stats call naming the report period, and nothing else.
    const first = calls.find((c) => c.path === '/stats')!;
    expect(Object.fromEntries(first.query.entries())).toEqual({ report_period: '2026-10' });

    // The trend: each of the 12 months up to the one running today, as its own report counts it.
    await screen.findByTestId('trend-chart');
    const months = calls.filter((c) => c.path === '/stats').slice(1);
    expect(months).toHaveLength(12);
    for (const c of months) expect([...c.query.keys()]).toEqual(['report_period']);
    expect(months.at(-1)!.query.get('report_period')).toBe(runningMonthKey(todayIso(), 'calendar_month'));
    expect(screen.getByText('Mỗi tháng là số liệu của báo cáo tháng đó: lũy kế đến ngày cuối kỳ; tháng chưa kết thúc tính đến hôm nay.')).toBeInTheDocument();

    // The warnings are of no period: as of the day chosen for them.
    expect(screen.getByRole('heading', { name: 'Cảnh báo tính đến ngày 24/11/2026' })).toBeInTheDocument();
    const overdue = await screen.findByTestId('warning-overdue-total');
    expect(overdue).toHaveTextContent('(5)');
    expect(hrefQuery(overdue.getAttribute('href'))).toEqual({ as_of: '2026-11-24', status: 'overdue', sort: 'deadline' });
    const dueSoon = await screen.findByTestId('warning-due_soon-total');
    expect(hrefQuery(dueSoon.getAttribute('href'))).toEqual({
      as_of: '2026-11-24',
      status: 'in_progress',
      deadline_from: '2026-11-24',
      deadline_to: '2026-12-01',
      sort: 'deadline',
    });
  });

  it('reads the key tasks as "02/02" of those due, not of all of them, and links both numbers', async () => {
    const key: StatsGroup = {
      ...ZERO,
      key: 'true',
      total: 5,
      completed: 3,
      completed_on_time: 3,
      in_progress: 2,
      completion_rate: 0.6,
      on_time_rate: 0.6,
      tasks_url: '/api/v1/tasks?key=true&report_period=2026-10',
      report_figures: { ...zeroFigures(), due: 2, due_completed: 2, due_completed_ratio: '02/02', completed_ahead: 1, due_next_period: 1, ongoing: 1 },
    };
    serve({ ...STATS, by_key: [key] });
    renderPage(<DashboardPage />, { url: '/?period=2026-10' });
    const line = await screen.findByTestId('key-completed');
    expect(line).toHaveTextContent('02/02 nhiệm vụ trọng tâm đã hoàn thành (100%)');
    const [done, all] = [...line.querySelectorAll('a')];
    expect(hrefQuery(done.getAttribute('href'))).toEqual({ key: 'true', report_period: '2026-10', report_figure: 'due_completed' });
    expect(hrefQuery(all.getAttribute('href'))).toEqual({ key: 'true', report_period: '2026-10', report_figure: 'due' });
    // The rest of the key tasks: overdue, ahead of the deadline, ongoing, due next period.
    const card = line.closest('.dash-key') as HTMLElement;
    expect(card).toHaveTextContent('00 quá hạn; 01 hoàn thành trước hạn');
    expect(card).toHaveTextContent('01 thường xuyên; 01 đến hạn kỳ tới');
    expect(within(card).getByRole('link', { name: '01 – nhiệm vụ trọng tâm hoàn thành trước hạn; mở danh sách nhiệm vụ' })).toHaveAttribute(
      'href',
      '/tasks?key=true&report_period=2026-10&report_figure=completed_ahead',
    );
  });

  it('lists units by overdue tasks, then by on-time rate', async () => {
    serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026-10' });
    await screen.findAllByTestId('due-completed');
    const table = document.querySelectorAll('.dash-group-table')[1] as HTMLElement;
    const names = [...table.querySelectorAll('tbody .dash-group-name')].map((e) => e.textContent);
    expect(names).toEqual(sortUnits(STATS.by_lead_org).map((g) => g.name));
    expect(names.slice(0, 2)).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);
    expect(within(screen.getByTestId('group-8')).getByTestId('due-completed')).toHaveTextContent('12/13');
  });

  it('says which days each part counts: the period’s window, and the warnings’ own day', async () => {
    serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026-10&as_of=2026-11-24' });
    expect(await screen.findByRole('heading', { name: 'Số liệu kỳ báo cáo tháng 10/2026' })).toBeVisible();
    expect(await screen.findByTestId('dash-window')).toHaveTextContent('Số liệu tính từ ngày 1/10/2026 đến ngày 31/10/2026.');
    expect(screen.queryByText(/Kỳ báo cáo chưa kết thúc/)).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Chi tiết kỳ báo cáo tháng 10/2026' })).toBeInTheDocument();
    expect(await screen.findByText(/^Tất cả nhiệm vụ quá hạn đến ngày 24\/11\/2026/)).toBeInTheDocument();
    cleanup();

    // A period still running counts to today, and says so.
    const running = { ...STATS, as_of: '2026-11-27', report_period: monthWindow('2026-11', '2026-11-27') };
    serve(running);
    renderPage(<DashboardPage />, { url: '/?period=2026-11' });
    expect(await screen.findByTestId('dash-window')).toHaveTextContent('Số liệu tính từ ngày 1/11/2026 đến ngày 27/11/2026.');
    expect(screen.getByText('Kỳ báo cáo chưa kết thúc (đến ngày 30/11/2026): số liệu tính đến hết ngày 27/11/2026.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Lũy kế đến ngày 27/11/2026' })).toBeInTheDocument();
    expect(await screen.findByText(/^Tất cả nhiệm vụ quá hạn đến nay/)).toBeInTheDocument();
  });

  it('says in words that a period has not begun, and offers the current one', async () => {
    const refusal = {
      code: 'validation_failed',
      message: 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
      fields: [{ field: 'report_period', code: 'not_started' }],
    };
    const calls = serve(STATS, (c) => (c.path === '/stats' && c.query.get('report_period') === '2099-01' ? { status: 422, body: refusal } : undefined));
    renderPage(<DashboardPage />, { url: '/?period=2099-01' });
    const alert = await screen.findByTestId('dash-not-started');
    expect(alert).toHaveTextContent('Kỳ báo cáo Tháng 1/2099 chưa bắt đầu nên chưa có số liệu.');
    expect(alert).toHaveTextContent('Hãy chọn một kỳ đã bắt đầu.');
    expect(screen.queryByText(refusal.message)).toBeNull();
    expect(document.querySelector('.dash-card-total')).toBeNull();
    // The warnings do not depend on the period.
    expect(await screen.findByTestId('warning-overdue-total')).toBeInTheDocument();
    // The agency's convention (from its settings) says which month is running.
    await waitFor(() => expect(calls.some((c) => c.path === '/report-settings')).toBe(true));
    const current = runningMonthKey(todayIso(), 'calendar_month');
    fireEvent.click(await within(alert).findByRole('button', { name: 'Xem kỳ hiện tại' }));
    const [year, month] = current.split('-').map(Number);
    expect(await screen.findByRole('heading', { name: `Số liệu kỳ báo cáo tháng ${month}/${year}` })).toBeVisible();
    await waitFor(() => expect(screen.queryByTestId('dash-not-started')).toBeNull());
    expect(calls.filter((c) => c.path === '/stats')[0].query.get('report_period')).toBe('2099-01');
  });

  it('lists extension requests awaiting a decision for those who decide them', async () => {
    const calls = serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026-10&as_of=2026-11-24' });
    const total = await screen.findByTestId('warning-extension_pending-total');
    expect(total).toHaveTextContent('(2)');
    expect(hrefQuery(total.getAttribute('href'))).toMatchObject({ as_of: '2026-11-24', extension_pending: 'true' });
    const pending = calls.find((c) => c.path === '/tasks' && c.query.get('extension_pending') === 'true')!;
    expect(pending.query.get('as_of')).toBe('2026-11-24');
    expect(screen.getByText('Đề nghị gia hạn đang chờ duyệt')).toBeInTheDocument();
    cleanup();
    serve(STATS, (c) => (c.path === '/me' ? { body: ME_SPECIALIST } : undefined));
    renderPage(<DashboardPage />, { url: '/?period=2026-10&as_of=2026-11-24' });
    await screen.findByTestId('warning-overdue-total');
    expect(screen.queryByTestId('warning-extension_pending-total')).toBeNull();
  });

  it('sends the organisation of the URL to /stats and the warnings, and the period without a date', async () => {
    const q3: StatsReportPeriod = { ...monthWindow('2026-09'), period: '2026-Q3', period_start: '2026-07-01', next_start: '2026-10-01', next_end: '2026-12-31' };
    const calls = serve({ ...STATS, as_of: '2026-09-30', report_period: q3 });
    renderPage(<DashboardPage />, { url: '/?org=5&period=2026-Q3&as_of=2026-09-30&days=14' });
    await screen.findByTestId('warning-due_soon-total');
    const stats = calls.find((c) => c.path === '/stats')!;
    expect(Object.fromEntries(stats.query.entries())).toEqual({ report_period: '2026-Q3', org: '5' });
    const due = calls.find((c) => c.path === '/tasks' && c.query.get('status') === 'in_progress')!;
    expect(due.query.get('org')).toBe('5');
    expect(due.query.get('deadline_to')).toBe('2026-10-14');
    expect(screen.getByTestId('dash-scope')).toHaveTextContent('Phòng Quản lý kết cấu hạ tầng giao thông · Quý III/2026');
    expect(screen.getByTestId('dash-window')).toHaveTextContent(
      'Số liệu tính từ ngày 1/7/2026 đến ngày 30/9/2026. Tính các nhiệm vụ do Phòng Quản lý kết cấu hạ tầng giao thông chủ trì, như báo cáo.',
    );
    // The year's first months are a period too.
    cleanup();
    const calls2 = serve(STATS);
    renderPage(<DashboardPage />, { url: '/?period=2026-M08' });
    expect(await screen.findByRole('heading', { name: 'Số liệu kỳ báo cáo 8 tháng đầu năm 2026' })).toBeVisible();
    expect(calls2.find((c) => c.path === '/stats')!.query.get('report_period')).toBe('2026-M08');
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
