import { useMemo } from 'react';
import type { ConsolidatedReport, UnitReportProse } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { useT } from '../../i18n';
import { reportDate } from '../../lib/period';
import { orderSourceGroups, REPORT_COUNTS, sourceGroupName, unitGroupName } from '../../lib/reportFigures';
import type { Submission } from '../../lib/useSubmit';
import { ProseSection } from '../unitReports/ProseSection';
import { ReportFiguresCard } from '../unitReports/ReportFiguresCard';
import { FigureGroupTable, type FigureRow } from './FigureGroupTable';
import { MergedProseSection } from './MergedProseSection';
import { ReportTaskTable } from './ReportTaskTable';
import { RunningPeriodNotice } from './RunningPeriodNotice';
import { UnitReportStates } from './UnitReportStates';

interface Props {
  report: ConsolidatedReport;
  /** Saves the report's text: with it the reader writes the text, without it reads it. */
  save?: Submission<UnitReportProse>;
  /** Told whether the text boxes hold text that is not saved. */
  onDirty?: (dirty: boolean) => void;
  /** The report as issued: its text is final, whatever it was made from. */
  issued?: boolean;
}

/**
 * What a consolidated report says, as it stands (the preview) or as it was issued (frozen): the
 * figures, by source and by unit, the overdue tasks, next period's key tasks, the report's text
 * and, for a month, the units' reports and what they wrote.
 */
export function ConsolidatedReportSections({ report, save, onDirty, issued = false }: Props) {
  const t = useT();
  const user = useUser();
  const bySource = useMemo<FigureRow[]>(
    () => orderSourceGroups(report.by_source_kind_and_key).map((g) => ({ key: g.key, name: sourceGroupName(t, g), figures: g.figures })),
    [report, t],
  );
  const byUnit = useMemo<FigureRow[]>(
    () => report.by_unit.map((g) => ({ key: g.key, name: unitGroupName(t, g, user.agency_id), figures: g.figures })),
    [report, t, user.agency_id],
  );
  const { totals } = report;
  const isMonth = report.period_kind === 'month';
  // While the period runs, the tasks ahead are those due from the day counted on.
  const nextWindow = t('cr.nextWindow', {
    start: reportDate(report.period_running ? report.as_of : report.next_start),
    end: reportDate(report.next_end),
  });
  // Until the division saves a text of its own, the report's text is the units' merged.
  const proseLead = !issued && report.draft_version === 0 ? <p className="cr-lead">{t('cr.proseMerged')}</p> : undefined;

  return (
    <>
      <RunningPeriodNotice window={report} issued={issued} />
      <ReportFiguresCard
        id="cr-figures"
        title={t('cr.figures')}
        counts={REPORT_COUNTS}
        figures={totals}
        lead={<p className="cr-lead cr-summary">{t('cr.summary', { ratio: totals.due_completed_ratio, overdue: totals.overdue })}</p>}
      />
      <section className="ur-section" aria-labelledby="cr-by-source">
        <h2 id="cr-by-source" className="ur-heading">
          {t('cr.bySource')}
        </h2>
        <FigureGroupTable rows={bySource} totals={totals} caption={t('cr.bySourceTable')} nameHeader={t('task.source')} emptyText={t('cr.noTasks')} />
      </section>
      <section className="ur-section" aria-labelledby="cr-by-unit">
        <h2 id="cr-by-unit" className="ur-heading">
          {t('cr.byUnit')}
        </h2>
        <FigureGroupTable rows={byUnit} totals={totals} caption={t('cr.byUnitTable')} nameHeader={t('ur.board.unit')} emptyText={t('cr.noTasks')} />
      </section>
      <section className="ur-section" aria-labelledby="cr-overdue">
        <h2 id="cr-overdue" className="ur-heading">
          {t('cr.overdue', { count: report.overdue.length })}
        </h2>
        <ReportTaskTable tasks={report.overdue} asOf={report.as_of} variant="overdue" caption={t('cr.overdueTable')} emptyText={t('cr.noOverdue')} />
      </section>
      <section className="ur-section" aria-labelledby="cr-next-key">
        <h2 id="cr-next-key" className="ur-heading">
          {t('cr.nextKey', { count: report.next_period_key.length })}
        </h2>
        <p className="cr-lead">{nextWindow}</p>
        <ReportTaskTable tasks={report.next_period_key} asOf={report.as_of} variant="next" caption={t('cr.nextKeyTable')} emptyText={t('cr.noNextKey')} />
      </section>
      <ProseSection id="cr-text" prose={report.prose} editable={save !== undefined} save={save} lead={proseLead} onDirty={onDirty} />
      {isMonth && (
        <>
          <UnitReportStates units={report.unit_reports} period={report.period} />
          <MergedProseSection units={report.unit_prose} expected={report.unit_reports.length} />
        </>
      )}
    </>
  );
}
