import { Link, useParams } from 'react-router-dom';
import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { getIssuedReport, getReportChanges } from '../api/reports';
import type { Id, IssuedReport, IssuedReportRef, ReportComparison, ReportTask } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { NotFoundResult } from '../components/NotFoundResult';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { PrintButton } from '../components/PrintButton';
import { FigureChangesTable } from '../components/reports/FigureChangesTable';
import { ReportTaskTable, type ReportTaskVariant } from '../components/reports/ReportTaskTable';
import { useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate } from '../lib/format';
import { issuedReportPath } from '../lib/issuedReports';
import { periodTitle, reportDate, reportWindowWords } from '../lib/period';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/unitReports.css';
import '../styles/reports.css';

/** The comparison, with the two reports it compares: their windows say as of which day each list stands. */
interface Changes {
  changes: ReportComparison;
  report: IssuedReport;
  previous: IssuedReport | null;
}

async function loadChanges(id: Id, signal: AbortSignal): Promise<Changes> {
  const [changes, report] = await Promise.all([getReportChanges(id, signal), getIssuedReport(id, signal)]);
  const previous = changes.previous ? await getIssuedReport(changes.previous.id, signal) : null;
  return { changes, report, previous };
}

/** "Số 03/BC-SGTVT ngày 08/10/2026 · Tháng 9/2026": a report of the comparison, opening it. */
function ReportLine({ report, period }: { report: IssuedReportRef; period: string }) {
  const t = useT();
  return (
    <>
      <Link to={issuedReportPath(report.id)}>{t('ir.numberDate', { number: report.number_text, date: formatDate(report.issued_on) })}</Link>
      {` · ${periodTitle(t, period)}`}
    </>
  );
}

/** Which two reports are compared: this one, and the one it replaced or that of the period before. */
function ComparedReports({ changes, report }: { changes: ReportComparison; report: IssuedReport }) {
  const t = useT();
  const { previous } = changes;
  const replaced = previous !== null && previous.id === report.replaces?.id;
  return (
    <dl className="ir-facts cmp-facts">
      <div>
        <dt>{t('cmp.thisReport')}</dt>
        <dd>
          <ReportLine report={changes.report} period={changes.period} />
        </dd>
      </div>
      {previous && (
        <div>
          <dt>{t(replaced ? 'cmp.againstReplaced' : 'cmp.againstEarlier')}</dt>
          <dd>
            <ReportLine report={previous} period={changes.previous_period} />
          </dd>
        </div>
      )}
    </dl>
  );
}

interface ListSpec {
  key: 'newly_overdue' | 'no_longer_overdue' | 'newly_completed' | 'new_tasks';
  title: MessageKey;
  caption: MessageKey;
  lead: MessageKey;
  empty: MessageKey;
  variant: ReportTaskVariant;
}

/** The four lists, in the order a briefing takes them: what got worse, what got better, then what is new. */
const LISTS: readonly ListSpec[] = [
  { key: 'newly_overdue', title: 'cmp.newlyOverdue', caption: 'cmp.newlyOverdueTable', lead: 'cmp.newlyOverdueLead', empty: 'cmp.noNewlyOverdue', variant: 'overdue' },
  { key: 'no_longer_overdue', title: 'cmp.noLongerOverdue', caption: 'cmp.noLongerOverdueTable', lead: 'cmp.noLongerOverdueLead', empty: 'cmp.noNoLongerOverdue', variant: 'overdue' },
  { key: 'newly_completed', title: 'cmp.newlyCompleted', caption: 'cmp.newlyCompletedTable', lead: 'cmp.newlyCompletedLead', empty: 'cmp.noNewlyCompleted', variant: 'completed' },
  { key: 'new_tasks', title: 'cmp.newTasks', caption: 'cmp.newTasksTable', lead: 'cmp.newTasksLead', empty: 'cmp.noNewTasks', variant: 'assigned' },
];

function TaskListSection({ spec, tasks, asOf, lead }: { spec: ListSpec; tasks: readonly ReportTask[]; asOf: string; lead?: string }) {
  const t = useT();
  const id = `cmp-${spec.key}`;
  return (
    <section className="ur-section" aria-labelledby={id}>
      <h2 id={id} className="ur-heading">
        {t(spec.title, { count: tasks.length })}
      </h2>
      {lead && <p className="cr-lead">{lead}</p>}
      <ReportTaskTable tasks={tasks} asOf={asOf} variant={spec.variant} caption={t(spec.caption)} emptyText={t(spec.empty)} />
    </section>
  );
}

/**
 * What changed since the report before (docs/domain.md, "What changed"): the figures of each group
 * before and now, the tasks newly overdue, no longer overdue, newly completed and newly assigned.
 * The tasks no longer overdue are as the report before listed them, as of its period's end; the
 * others as of this report's.
 */
export default function ReportChangesPage() {
  const t = useT();
  const user = useUser();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useLoad(valid ? (signal) => loadChanges(id, signal) : null, [id]);
  const data = loaded.data?.report.id === id ? loaded.data : undefined;
  const number = data?.report.number_text;
  usePageTitle(data && number ? `${t('page.reportChanges')} – ${t('page.issuedReport', { number })}` : t('page.reportChanges'));

  if (!valid || (loaded.error instanceof ApiError && loaded.error.status === 404)) {
    return <NotFoundResult title={t('ir.notFound')} backTo="/reports/issued" backText={t('ir.backToList')} />;
  }

  const previous = data?.previous ?? null;
  // The tasks no longer overdue as the report before listed them, as of its period's end; the
  // others as of this report's.
  const asOf = (spec: ListSpec): string =>
    spec.key === 'no_longer_overdue' && previous ? previous.report.as_of : (data?.report.report.as_of ?? '');
  const leadOf = (spec: ListSpec): string | undefined =>
    data?.changes.previous ? t(spec.lead, { number: data.changes.previous.number_text, date: reportDate(asOf(spec)) }) : undefined;

  return (
    <div className="gb-pages ur-page ur-report cr-page cmp-page">
      <LoadErrorAlert load={loaded} />
      {!data && loaded.loading && <PageSpinner />}
      {data && (
        <>
          <PageHeader
            title={t('page.reportChanges')}
            subtitle={`${t('page.issuedReport', { number: data.report.number_text })} · ${periodTitle(t, data.report.period)} · ${reportWindowWords(t, data.report.report)}`}
            actions={<PrintButton />}
          >
            <ComparedReports changes={data.changes} report={data.report} />
          </PageHeader>
          {!data.changes.previous && (
            <Alert type="info" showIcon role="note" className="ur-block cmp-first" message={t('cmp.first')} description={t('cmp.firstHelp')} />
          )}
          {data.changes.uncovered_from && data.changes.uncovered_to && (
            <Alert
              type="warning"
              showIcon
              role="note"
              className="ur-block cmp-uncovered"
              message={t('cmp.uncovered', { from: reportDate(data.changes.uncovered_from), to: reportDate(data.changes.uncovered_to) })}
              description={t('cmp.uncoveredHelp')}
            />
          )}
          <section className="ur-section" aria-labelledby="cmp-figures">
            <h2 id="cmp-figures" className="ur-heading">
              {t('cmp.figures')}
            </h2>
            <FigureChangesTable changes={data.changes.figures} compared={data.changes.previous !== null} agencyId={user.agency_id} />
          </section>
          {LISTS.map((spec) => (
            <TaskListSection key={spec.key} spec={spec} tasks={data.changes[spec.key]} asOf={asOf(spec)} lead={leadOf(spec)} />
          ))}
        </>
      )}
    </div>
  );
}
