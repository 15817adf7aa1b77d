// Helpers of the dashboard and "Việc của tôi": links from /stats figures to the task list, the
// order of the per-unit table, the months of the trend, the "02/02" fraction format.
import dayjs from 'dayjs';
import type { FilterStatus, ReportFigureCode, StatsGroup, StatusCounts } from '../api/types';
import { vnCollator } from './format';
import { listLinkFromApiUrl } from './taskFilter';

/** The statuses that make up `total` (the API's total leaves cancelled tasks out). */
export const COUNTED_STATUSES: FilterStatus[] = ['completed_on_time', 'completed_late', 'in_progress', 'overdue'];
export const COMPLETED_STATUSES: FilterStatus[] = ['completed_on_time', 'completed_late'];

/** The four classes in the order the Government Office lists them. */
export const CLASS_ORDER = ['completed_on_time', 'completed_late', 'in_progress', 'overdue'] as const;
export type StatusClass = (typeof CLASS_ORDER)[number];

/** A figure of a /stats object, and the statuses of the tasks behind it. */
/** `extended`: tasks whose deadline was extended by the as-of date (the list's extended=true). */
export type Figure = StatusClass | 'total' | 'completed' | 'cancelled' | 'extended';

export function figureStatuses(figure: Figure): FilterStatus[] {
  switch (figure) {
    case 'total':
      return COUNTED_STATUSES;
    case 'completed':
      return COMPLETED_STATUSES;
    case 'extended':
      return [];
    default:
      return [figure];
  }
}

/**
 * The web route listing exactly the tasks behind `figure` of a /stats object whose `tasks_url`
 * is given: the API's query with the figure's statuses added (the list's total then equals the
 * figure).
 */
export function figureLink(tasksUrl: string, figure: Figure): string {
  const i = tasksUrl.indexOf('?');
  const base = i >= 0 ? tasksUrl.slice(0, i) : tasksUrl;
  const params = new URLSearchParams(i >= 0 ? tasksUrl.slice(i + 1) : '');
  const statuses = figureStatuses(figure);
  if (statuses.length) params.set('status', statuses.join(','));
  if (figure === 'extended') params.set('extended', 'true');
  return listLinkFromApiUrl(`${base}?${params.toString()}`);
}

/**
 * The web route listing exactly the tasks behind one of the report's figures of a /stats object
 * asked with report_period: its `tasks_url` with report_figure added.
 */
export function reportFigureLink(tasksUrl: string, figure: ReportFigureCode): string {
  const i = tasksUrl.indexOf('?');
  const base = i >= 0 ? tasksUrl.slice(0, i) : tasksUrl;
  const params = new URLSearchParams(i >= 0 ? tasksUrl.slice(i + 1) : '');
  params.set('report_figure', figure);
  return listLinkFromApiUrl(`${base}?${params.toString()}`);
}

export function figureValue(counts: StatusCounts, figure: Figure): number {
  return counts[figure];
}

/** The share of `total` a count is, in [0, 1]; 0 when there is no task. */
export function share(count: number, total: number): number {
  return total > 0 ? count / total : 0;
}

/** Numbers in fractions are written with two digits at least, as in reports: "02/02", "04/04", "15/124". */
export function pad2(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

export function fraction(part: number, whole: number): string {
  return `${pad2(part)}/${pad2(whole)}`;
}

/** Units with the most overdue tasks first, then the best on-time rate, then by name. */
export function sortUnits(groups: StatsGroup[]): StatsGroup[] {
  return [...groups].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.on_time_rate - a.on_time_rate ||
      vnCollator.compare(a.name ?? a.key, b.name ?? b.key),
  );
}

/** The `count` months ending with `lastMonth` (YYYY-MM), oldest first. */
export function trendMonths(lastMonth: string, count = 12): string[] {
  const end = dayjs(`${lastMonth}-01`);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) out.push(end.subtract(i, 'month').format('YYYY-MM'));
  return out;
}

/** "2023-08" → "08/2023", "2023-Q3" → "Quý III/2023" (vi) or "Q3 2023" (en), "2023" → "Năm 2023". */
export function periodText(period: string, lang: 'vi' | 'en' = 'vi'): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return lang === 'en' ? `${m[2]}/${m[1]}` : `Tháng ${m[2]}/${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return lang === 'en' ? `Q${m[2]} ${m[1]}` : `Quý ${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]}/${m[1]}`;
  if (/^\d{4}$/.test(period)) return lang === 'en' ? `Year ${period}` : `Năm ${period}`;
  return period;
}

/** The route of the task list for a filter given as API parameters. */
export function listLink(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  return listLinkFromApiUrl(`/api/v1/tasks?${p.toString()}`);
}
