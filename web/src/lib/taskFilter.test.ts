import { describe, expect, it } from 'vitest';
import { hasConditions, listLinkFromApiUrl, parseTaskFilter, taskFilterToParams, type TaskFilter } from './taskFilter';

describe('taskFilter', () => {
  it('round-trips every filter through the URL', () => {
    const f: TaskFilter = {
      q: 'ke hoach',
      as_of: '2023-08-31',
      status: ['overdue', 'in_progress'],
      source_kind: ['ad_hoc', 'directive'],
      source: 12,
      key: true,
      parent: 7,
      lead_org: 5,
      org: 3,
      leader: 9,
      assignee: 14,
      deadline_from: '2023-01-01',
      deadline_to: '2023-12-31',
      period: '2023-Q3',
      sort: ['deadline', '-assigned_on'],
      page: 3,
      page_size: 100,
    };
    const params = taskFilterToParams(f);
    expect(params.toString()).toBe(
      'q=ke+hoach&as_of=2023-08-31&period=2023-Q3&status=overdue%2Cin_progress&source_kind=ad_hoc%2Cdirective' +
        '&source=12&key=true&parent=7&lead_org=5&org=3&leader=9&assignee=14&deadline_from=2023-01-01' +
        '&deadline_to=2023-12-31&sort=deadline%2C-assigned_on&page=3&page_size=100',
    );
    expect(parseTaskFilter(new URLSearchParams(params.toString()))).toEqual(f);
  });

  it('round-trips assigned ranges and key=false', () => {
    const f: TaskFilter = { assigned_from: '2024-01-01', assigned_to: '2024-06-30', key: false };
    expect(parseTaskFilter(taskFilterToParams(f))).toEqual(f);
  });

  it('leaves out defaults so equal views have equal URLs', () => {
    expect(taskFilterToParams({ page: 1, page_size: 50, q: '  ' }).toString()).toBe('');
    expect(taskFilterToParams({ page: 2, page_size: 20 }, { paging: false }).toString()).toBe('');
  });

  it('drops values the API would refuse', () => {
    const f = parseTaskFilter(
      new URLSearchParams('status=overdue,bogus&as_of=31/08/2023&lead_org=abc&page=0&page_size=999&sort=-deadline,evil&period=2023-13&key=maybe'),
    );
    expect(f).toEqual({ status: ['overdue'], sort: ['-deadline'], page_size: 200 });
  });

  it('accepts key=1/0 and month/year periods', () => {
    expect(parseTaskFilter(new URLSearchParams('key=1&period=2023-08'))).toEqual({ key: true, period: '2023-08' });
    expect(parseTaskFilter(new URLSearchParams('key=0&period=2024'))).toEqual({ key: false, period: '2024' });
  });

  it('lets a period replace the assigned range, which the API refuses together', () => {
    expect(taskFilterToParams({ period: '2023', assigned_from: '2023-01-01' }).toString()).toBe('period=2023');
  });

  it('turns a statistics tasks_url into a page link', () => {
    expect(listLinkFromApiUrl('/api/v1/tasks?as_of=2023-09-01&source_kind=ad_hoc&status=overdue')).toBe(
      '/tasks?as_of=2023-09-01&status=overdue&source_kind=ad_hoc',
    );
    expect(listLinkFromApiUrl('/api/v1/tasks')).toBe('/tasks');
  });

  it('knows whether a filter narrows the list', () => {
    expect(hasConditions({ sort: ['id'], page: 2 })).toBe(false);
    expect(hasConditions({ status: ['overdue'] })).toBe(true);
  });
});

describe('report figures filter', () => {
  it('reads a report period and one of its figures, and writes them back', () => {
    const f = parseTaskFilter(new URLSearchParams('report_period=2026-M08&report_figure=due_completed&org=5&org_role=any'));
    expect(f).toEqual({ report_period: '2026-M08', report_figure: 'due_completed', org: 5, org_role: 'any' });
    expect(taskFilterToParams(f).toString()).toBe('org=5&org_role=any&report_period=2026-M08&report_figure=due_completed');
    for (const key of ['2026-11', '2026-Q3', '2026']) expect(parseTaskFilter(new URLSearchParams(`report_period=${key}`)).report_period).toBe(key);
  });

  it('never writes as_of, period or an assigned range beside a report period (the API refuses them)', () => {
    const f: TaskFilter = {
      report_period: '2026-11',
      report_figure: 'overdue',
      as_of: '2026-11-24',
      period: '2026',
      assigned_from: '2026-01-01',
      assigned_to: '2026-06-30',
      status: ['overdue'],
    };
    expect(taskFilterToParams(f).toString()).toBe('status=overdue&report_period=2026-11&report_figure=overdue');
    expect(parseTaskFilter(new URLSearchParams('as_of=2026-11-24&period=2026&report_period=2026-11'))).toMatchObject({ report_period: '2026-11' });
    expect(taskFilterToParams(parseTaskFilter(new URLSearchParams('as_of=2026-11-24&period=2026&report_period=2026-11'))).toString()).toBe(
      'report_period=2026-11',
    );
  });

  it('drops a figure without a report period, and values the API would refuse', () => {
    expect(parseTaskFilter(new URLSearchParams('report_figure=due'))).toEqual({});
    expect(taskFilterToParams({ report_figure: 'due' }).toString()).toBe('');
    expect(parseTaskFilter(new URLSearchParams('report_period=2026-M12&report_figure=due'))).toEqual({});
    expect(parseTaskFilter(new URLSearchParams('report_period=2026-11&report_figure=late'))).toEqual({ report_period: '2026-11' });
    expect(parseTaskFilter(new URLSearchParams('org_role=any'))).toEqual({});
  });

  it('turns a report figure’s tasks_url into a page link, and counts as a condition', () => {
    expect(listLinkFromApiUrl('/api/v1/tasks?source_kind=ad_hoc&org=5&report_period=2026-10&report_figure=due')).toBe(
      '/tasks?source_kind=ad_hoc&org=5&report_period=2026-10&report_figure=due',
    );
    expect(hasConditions({ report_period: '2026-10' })).toBe(true);
  });
});

describe('extended filter', () => {
  it('reads and writes extended=true|false', async () => {
    expect(parseTaskFilter(new URLSearchParams('extended=true')).extended).toBe(true);
    expect(parseTaskFilter(new URLSearchParams('extended=0')).extended).toBe(false);
    expect(parseTaskFilter(new URLSearchParams('extended=maybe')).extended).toBeUndefined();
    expect(taskFilterToParams({ extended: true, status: ['overdue'] }).toString()).toBe('status=overdue&extended=true');
    expect(hasConditions({ extended: false })).toBe(true);
    const { figureLink } = await import('./dashboard');
    expect(figureLink('/api/v1/tasks?as_of=2026-11-24&period=2026-11', 'extended')).toBe(
      '/tasks?as_of=2026-11-24&period=2026-11&extended=true',
    );
  });
});

describe('extension request filter', () => {
  it('reads and writes extension_pending=true|false', () => {
    expect(parseTaskFilter(new URLSearchParams('extension_pending=1')).extension_pending).toBe(true);
    expect(parseTaskFilter(new URLSearchParams('extension_pending=false')).extension_pending).toBe(false);
    expect(parseTaskFilter(new URLSearchParams('extension_pending=yes')).extension_pending).toBeUndefined();
    expect(taskFilterToParams({ extension_pending: true, extended: false }).toString()).toBe(
      'extended=false&extension_pending=true',
    );
    expect(hasConditions({ extension_pending: true })).toBe(true);
  });
});
