// The counting rule's figures as reports show them (docs/domain.md#report-figures): which counts,
// in which order, under which words; the groups of a consolidated report, by source kind and by
// unit, as it names them; and which way a figure moved from one issued report to the next.
import { SOURCE_KINDS, type ReportFigureCode, type ReportFigureGroup, type ReportFigures, type SourceKind } from '../api/types';
import type { MessageKey, TFunction } from '../i18n';

type Count = { [K in keyof ReportFigures]: ReportFigures[K] extends number ? K : never }[keyof ReportFigures];

export interface FigureCount {
  figure: Count;
  label: MessageKey;
}

/** Every count a report states after "x/y" due tasks completed, in the order a briefing reads them. */
export const REPORT_COUNTS: readonly FigureCount[] = [
  { figure: 'overdue', label: 'ur.fig.overdue' },
  { figure: 'completed_ahead', label: 'ur.fig.completedAhead' },
  { figure: 'ongoing', label: 'ur.fig.ongoing' },
  { figure: 'assigned_in_period', label: 'ur.fig.assigned' },
  { figure: 'due_in_period', label: 'ur.fig.dueInPeriod' },
  { figure: 'completed_in_period', label: 'ur.fig.completedInPeriod' },
  { figure: 'due_next_period', label: 'ur.fig.dueNext' },
  { figure: 'carried_over', label: 'ur.fig.carriedOver' },
];

/** The name of each figure a list can follow (report_figure): "Đến hạn, đã hoàn thành", "Quá hạn", … */
export const REPORT_FIGURE_LABELS: Record<ReportFigureCode, MessageKey> = {
  due: 'rf.due',
  due_completed: 'rf.dueCompleted',
  overdue: 'ur.fig.overdue',
  completed_ahead: 'ur.fig.completedAhead',
  ongoing: 'ur.fig.ongoing',
  assigned_in_period: 'ur.fig.assigned',
  due_in_period: 'ur.fig.dueInPeriod',
  completed_in_period: 'ur.fig.completedInPeriod',
  due_next_period: 'ur.fig.dueNext',
  carried_over: 'ur.fig.carriedOver',
};

/** What a unit's own report states of the tasks it leads. */
export const UNIT_REPORT_COUNTS: readonly FigureCount[] = REPORT_COUNTS.filter(
  (c) => c.figure !== 'due_in_period' && c.figure !== 'carried_over',
);

/** A group of a report's figures: its key ("higher_program:true", a unit's id) and its unit, if one. */
type Group = Pick<ReportFigureGroup, 'key' | 'organization'>;

/** A group of the consolidated report by source kind: "higher_program:true" → its kind and key flag. */
export function sourceGroupOf(group: Pick<Group, 'key'>): { kind: SourceKind; isKey: boolean } | undefined {
  const [kind, key] = group.key.split(':');
  if (!(SOURCE_KINDS as string[]).includes(kind) || (key !== 'true' && key !== 'false')) return undefined;
  return { kind: kind as SourceKind, isKey: key === 'true' };
}

/** The groups in the order the product lists source kinds, the key tasks of each kind first. */
export function orderSourceGroups<G extends Pick<Group, 'key'>>(groups: readonly G[]): G[] {
  const rank = (g: G) => {
    const s = sourceGroupOf(g);
    return s ? SOURCE_KINDS.indexOf(s.kind) * 2 + (s.isKey ? 0 : 1) : Number.MAX_SAFE_INTEGER;
  };
  return [...groups].sort((a, b) => rank(a) - rank(b));
}

/** "Chương trình công tác của cấp trên – nhiệm vụ trọng tâm": a source group as the product names it. */
export function sourceGroupName(t: TFunction, group: Pick<Group, 'key'>): string {
  const s = sourceGroupOf(group);
  if (!s) return group.key;
  return t('cr.sourceGroup', { kind: t(`sourceKind.${s.kind}` as MessageKey), key: t(s.isKey ? 'cr.keyTasks' : 'cr.otherTasks') });
}

/** A unit's group by its name; the agency's own row says that the agency leads those tasks itself. */
export function unitGroupName(t: TFunction, group: Group, agencyId: number): string {
  const name = group.organization?.name ?? group.key;
  return group.organization?.id === agencyId ? t('cr.agencyOwn', { name }) : name;
}

// ---------------------------------------------------------------------------------------------
// What changed between two reports (docs/domain.md "What changed"): which way a figure moved.

/** up / down: the figure rose or fell; same: it did not; none: the two cannot be compared. */
export type Trend = 'up' | 'down' | 'same' | 'none';

/**
 * Which way the share of due tasks completed ("x/y") moved: 75/80 → 85/89 is up. A report with
 * nothing due has no share, so it compares with nothing but another such report.
 */
export function completedShareTrend(before: ReportFigures, after: ReportFigures): Trend {
  if (before.due === 0 || after.due === 0) return before.due === after.due ? 'same' : 'none';
  // x1/y1 against x0/y0, exactly: x1·y0 against x0·y1.
  const diff = after.due_completed * before.due - before.due_completed * after.due;
  return diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
}

/** Which way a count moved. */
export function countTrend(before: number, after: number): Trend {
  return after > before ? 'up' : after < before ? 'down' : 'same';
}
