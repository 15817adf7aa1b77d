import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Space } from 'antd';
import { getConsolidatedReport } from '../api/reports';
import { getReportSettings } from '../api/reportSettings';
import type { ConsolidatedReport } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { PrintButton } from '../components/PrintButton';
import { FigureGroupTable, type FigureRow } from '../components/reports/FigureGroupTable';
import { MergedProseSection } from '../components/reports/MergedProseSection';
import { ReportPeriodPicker } from '../components/reports/ReportPeriodPicker';
import { ReportTaskTable } from '../components/reports/ReportTaskTable';
import { UnitReportStates } from '../components/reports/UnitReportStates';
import { ReportFiguresCard } from '../components/unitReports/ReportFiguresCard';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { todayIso } from '../lib/format';
import { lastFinishedMonthKey, periodTitle, reportDate, reportPeriodKind, reportWindowWords } from '../lib/period';
import { orderSourceGroups, REPORT_COUNTS, sourceGroupName } from '../lib/reportFigures';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/unitReports.css';
import '../styles/reports.css';

/**
 * The period asked for in the address; without one (or with one that is no period), the agency's
 * last finished month, which depends on its convention: the address is then set to it, so that a
 * reload or a copied link opens the same report.
 */
function usePeriod() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period = reportPeriodKind(asked) ? asked : null;
  const settings = useLoad(period ? null : (signal) => getReportSettings(signal), [period === null]);
  const convention = settings.data?.period_convention;
  useEffect(() => {
    if (!period && convention) setParams({ period: lastFinishedMonthKey(todayIso(), convention) }, { replace: true });
  }, [period, convention, setParams]);
  const choose = (key: string) => setParams({ period: key });
  return { period, choose, settings };
}

function Sections({ report }: { report: ConsolidatedReport }) {
  const t = useT();
  const user = useUser();
  const bySource = useMemo<FigureRow[]>(
    () => orderSourceGroups(report.by_source_kind_and_key).map((g) => ({ key: g.key, name: sourceGroupName(t, g), figures: g.figures })),
    [report, t],
  );
  const byUnit = useMemo<FigureRow[]>(
    () =>
      report.by_unit.map((g) => {
        const name = g.organization?.name ?? g.key;
        return { key: g.key, name: g.organization?.id === user.agency_id ? t('cr.agencyOwn', { name }) : name, figures: g.figures };
      }),
    [report, t, user.agency_id],
  );
  const { totals } = report;
  const isMonth = report.period_kind === 'month';
  const nextWindow = t('cr.nextWindow', { start: reportDate(report.next_start), end: reportDate(report.next_end) });

  return (
    <>
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
        <ReportTaskTable tasks={report.overdue} periodEnd={report.period_end} variant="overdue" caption={t('cr.overdueTable')} emptyText={t('cr.noOverdue')} />
      </section>
      <section className="ur-section" aria-labelledby="cr-next-key">
        <h2 id="cr-next-key" className="ur-heading">
          {t('cr.nextKey', { count: report.next_period_key.length })}
        </h2>
        <p className="cr-lead">{nextWindow}</p>
        <ReportTaskTable tasks={report.next_period_key} periodEnd={report.period_end} variant="next" caption={t('cr.nextKeyTable')} emptyText={t('cr.noNextKey')} />
      </section>
      {isMonth && (
        <>
          <UnitReportStates units={report.unit_reports} period={report.period} />
          <MergedProseSection units={report.unit_prose} expected={report.unit_reports.length} />
        </>
      )}
    </>
  );
}

/**
 * The agency's consolidated report ("Báo cáo tổng hợp") on a month, a quarter, the year's first
 * months or a year, as the data stand now: a live preview until it is issued.
 */
export default function ConsolidatedReportPage() {
  const t = useT();
  const { period, choose, settings } = usePeriod();
  const loaded = useLoad(period ? (signal) => getConsolidatedReport(period, signal) : null, [period]);
  const report = loaded.data?.period === period ? loaded.data : undefined;
  usePageTitle(period ? `${t('page.reports')} – ${periodTitle(t, period)}` : t('page.reports'));

  return (
    <div className="gb-pages ur-page ur-report cr-page">
      <PageHeader
        title={t('page.reports')}
        subtitle={report ? `${periodTitle(t, report.period)} · ${reportWindowWords(t, report)}` : undefined}
        actions={<PrintButton />}
      />
      {period && (
        <Space wrap className="pages-toolbar no-print" size={12}>
          <label htmlFor="cr-period">{t('ur.period')}</label>
          <ReportPeriodPicker id="cr-period" value={period} onChange={choose} />
        </Space>
      )}
      <Alert type="info" showIcon role="status" className="ur-block cr-preview" message={t('cr.preview')} />
      <LoadErrorAlert load={settings} />
      <LoadErrorAlert load={loaded} />
      {!report && (loaded.loading || settings.loading) && <PageSpinner />}
      {report && <Sections report={report} />}
    </div>
  );
}
