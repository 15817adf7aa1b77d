// The task filter as an object <-> URL search parameters. The names are the API's (see
// src/service/task_filter.h), so the page URL reproduces the view and its query string can be
// sent unchanged to /api/v1/tasks, /api/v1/stats and /api/v1/tasks/export.xlsx.
import {
  FILTER_STATUSES,
  REPORT_FIGURE_CODES,
  SOURCE_KINDS,
  type FilterStatus,
  type ReportFigureCode,
  type SourceKind,
} from '../api/types';
import { reportPeriodKind } from './period';

export const DEFAULT_PAGE_SIZE = 50;
export const PAGE_SIZES = [20, 50, 100, 200] as const;
export const SORT_FIELDS = ['title', 'assigned_on', 'deadline', 'id', 'updated'] as const;

export interface TaskFilter {
  q?: string;
  as_of?: string;
  status?: FilterStatus[];
  source_kind?: SourceKind[];
  source?: number;
  key?: boolean;
  /** Deadline extended by the as-of date (true) or never (false). */
  extended?: boolean;
  /** An extension request awaiting a decision as of the as-of date (true) or none (false). */
  extension_pending?: boolean;
  parent?: number;
  lead_org?: number;
  org?: number;
  /**
   * With org: 'lead' counts only tasks led in the subtree, 'any' those led or cooperated on. The
   * API's default is 'any', and 'lead' with a report period (a report counts a unit's led tasks).
   */
  org_role?: 'lead' | 'any';
  leader?: number;
  assignee?: number;
  assigned_from?: string;
  assigned_to?: string;
  deadline_from?: string;
  deadline_to?: string;
  period?: string;
  /**
   * The tasks the agency's report on this period counts ("2026-11", "2026-Q3", "2026-M08",
   * "2026"), as of the last day it counts: it sets the scope and the date, so neither as_of nor
   * period nor an assigned range goes with it (docs/domain.md#report-figures).
   */
  report_period?: string;
  /** With report_period: only the tasks behind one of the report's figures. */
  report_figure?: ReportFigureCode;
  sort?: string[];
  page?: number;
  page_size?: number;
}

/** The parameter order in generated URLs. */
export const FILTER_KEYS = [
  'q',
  'as_of',
  'period',
  'status',
  'source_kind',
  'source',
  'key',
  'extended',
  'extension_pending',
  'parent',
  'lead_org',
  'org',
  'org_role',
  'leader',
  'assignee',
  'assigned_from',
  'assigned_to',
  'deadline_from',
  'deadline_to',
  'report_period',
  'report_figure',
  'sort',
  'page',
  'page_size',
] as const satisfies readonly (keyof TaskFilter)[];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD_RE = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const SORT_RE = new RegExp(`^-?(${SORT_FIELDS.join('|')})$`);

function positiveInt(v: string | null): number | undefined {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

function bool(v: string | null): boolean | undefined {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

function date(v: string | null): string | undefined {
  return v !== null && DATE_RE.test(v) ? v : undefined;
}

function list<T extends string>(v: string | null, allowed: readonly T[]): T[] | undefined {
  if (!v) return undefined;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is T => (allowed as readonly string[]).includes(s));
  const unique = [...new Set(items)];
  return unique.length ? unique : undefined;
}

/** The parameters that name a record (a source, a task, a unit, a person). */
const ID_KEYS = ['source', 'parent', 'lead_org', 'org', 'leader', 'assignee'] as const satisfies readonly (keyof TaskFilter)[];
const DATE_KEYS = ['as_of', 'assigned_from', 'assigned_to', 'deadline_from', 'deadline_to'] as const satisfies readonly (keyof TaskFilter)[];

/** Reads a filter from URL parameters; values the API would refuse are dropped. */
export function parseTaskFilter(params: URLSearchParams): TaskFilter {
  const f: TaskFilter = {};
  const q = params.get('q');
  if (q && q.trim()) f.q = q.slice(0, 200);
  const period = params.get('period');
  if (period && PERIOD_RE.test(period)) f.period = period;
  f.status = list(params.get('status'), FILTER_STATUSES);
  f.source_kind = list(params.get('source_kind'), SOURCE_KINDS);
  f.key = bool(params.get('key'));
  f.extended = bool(params.get('extended'));
  f.extension_pending = bool(params.get('extension_pending'));
  for (const k of ID_KEYS) f[k] = positiveInt(params.get(k));
  for (const k of DATE_KEYS) f[k] = date(params.get(k));
  const orgRole = params.get('org_role');
  if (f.org && (orgRole === 'lead' || orgRole === 'any')) f.org_role = orgRole;
  const reportPeriod = params.get('report_period');
  if (reportPeriod && reportPeriodKind(reportPeriod)) {
    f.report_period = reportPeriod;
    const figure = params.get('report_figure');
    if (figure && (REPORT_FIGURE_CODES as readonly string[]).includes(figure)) f.report_figure = figure as ReportFigureCode;
  }
  const sort = params.get('sort');
  if (sort) {
    const keys = sort.split(',').filter((s) => SORT_RE.test(s));
    if (keys.length) f.sort = keys;
  }
  f.page = positiveInt(params.get('page'));
  const size = positiveInt(params.get('page_size'));
  if (size) f.page_size = Math.min(size, 200);
  return clean(f);
}

function clean(f: TaskFilter): TaskFilter {
  const out: TaskFilter = {};
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** The parameters a report period sets itself, which the API refuses beside it. */
const SET_BY_REPORT = new Set<keyof TaskFilter>(['as_of', 'period', 'assigned_from', 'assigned_to']);

/**
 * Writes the filter as URL parameters in a stable order. Page 1 and the default page size are
 * left out so equal views have equal URLs; `period` wins over assigned_from/assigned_to, which the
 * API refuses together, and `report_period` over all three and as_of; report_figure goes only with
 * a report period.
 */
export function taskFilterToParams(filter: TaskFilter, opts: { paging?: boolean } = {}): URLSearchParams {
  const paging = opts.paging ?? true;
  const p = new URLSearchParams();
  const f = clean(filter);
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined) continue;
    if (f.report_period && SET_BY_REPORT.has(k)) continue;
    if (k === 'report_figure' && !f.report_period) continue;
    if ((k === 'assigned_from' || k === 'assigned_to') && f.period) continue;
    if (k === 'org_role' && !f.org) continue;
    if (k === 'page' && (!paging || v === 1)) continue;
    if (k === 'page_size' && (!paging || v === DEFAULT_PAGE_SIZE)) continue;
    if (k === 'q') {
      const s = String(v).trim();
      if (s) p.set(k, s);
      continue;
    }
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return p;
}

/** True when the filter narrows the list (paging and sort aside). */
export function hasConditions(filter: TaskFilter): boolean {
  return FILTER_KEYS.some(
    (k) => k !== 'page' && k !== 'page_size' && k !== 'sort' && k !== 'as_of' && filter[k] !== undefined,
  );
}

/** "/api/v1/tasks?as_of=…&status=overdue" (a `tasks_url` from /stats) → "/tasks?as_of=…&status=overdue". */
export function listLinkFromApiUrl(apiUrl: string): string {
  let link = linkCache.get(apiUrl);
  if (link === undefined) {
    link = computeListLink(apiUrl);
    if (linkCache.size > 2000) linkCache.clear();
    linkCache.set(apiUrl, link);
  }
  return link;
}

// A dashboard links hundreds of figures; the same URLs come back on every render.
const linkCache = new Map<string, string>();

function computeListLink(apiUrl: string): string {
  const i = apiUrl.indexOf('?');
  const query = i >= 0 ? apiUrl.slice(i + 1) : '';
  const f = parseTaskFilter(new URLSearchParams(query));
  const s = taskFilterToParams(f).toString();
  return s ? `/tasks?${s}` : '/tasks';
}

/** A link to the task list for `filter`. */
export function taskListLink(filter: TaskFilter): string {
  const s = taskFilterToParams(filter).toString();
  return s ? `/tasks?${s}` : '/tasks';
}
