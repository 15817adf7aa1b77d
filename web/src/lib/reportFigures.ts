// The counting rule's figures as reports show them (docs/domain.md#report-figures): which counts,
// in which order, under which words; and the groups of a consolidated report by source kind.
import { SOURCE_KINDS, type ReportFigureGroup, type ReportFigures, type SourceKind } from '../api/types';
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

/** What a unit's own report states of the tasks it leads. */
export const UNIT_REPORT_COUNTS: readonly FigureCount[] = REPORT_COUNTS.filter(
  (c) => c.figure !== 'due_in_period' && c.figure !== 'carried_over',
);

/** A group of the consolidated report by source kind: "higher_program:true" → its kind and key flag. */
export function sourceGroupOf(group: ReportFigureGroup): { kind: SourceKind; isKey: boolean } | undefined {
  const [kind, key] = group.key.split(':');
  if (!(SOURCE_KINDS as string[]).includes(kind) || (key !== 'true' && key !== 'false')) return undefined;
  return { kind: kind as SourceKind, isKey: key === 'true' };
}

/** The groups in the order the product lists source kinds, the key tasks of each kind first. */
export function orderSourceGroups(groups: readonly ReportFigureGroup[]): ReportFigureGroup[] {
  const rank = (g: ReportFigureGroup) => {
    const s = sourceGroupOf(g);
    return s ? SOURCE_KINDS.indexOf(s.kind) * 2 + (s.isKey ? 0 : 1) : Number.MAX_SAFE_INTEGER;
  };
  return [...groups].sort((a, b) => rank(a) - rank(b));
}

/** "Chương trình công tác của cấp trên – nhiệm vụ trọng tâm": a source group as the product names it. */
export function sourceGroupName(t: TFunction, group: ReportFigureGroup): string {
  const s = sourceGroupOf(group);
  if (!s) return group.key;
  return t('cr.sourceGroup', { kind: t(`sourceKind.${s.kind}` as MessageKey), key: t(s.isKey ? 'cr.keyTasks' : 'cr.otherTasks') });
}
