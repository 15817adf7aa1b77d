import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Form, Space, Typography } from 'antd';
import { ApiError } from '../api/client';
import type { UnitReport, UnitReportProse } from '../api/types';
import { getUnitReport, openUnitReport, saveUnitReportProse, takeUnitReportStep } from '../api/unitReports';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { NotFoundResult } from '../components/NotFoundResult';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { PrintButton } from '../components/PrintButton';
import { ProseSection } from '../components/unitReports/ProseSection';
import { ReportActions, type StepInput } from '../components/unitReports/ReportActions';
import { ReportFiguresCard } from '../components/unitReports/ReportFiguresCard';
import { ReportHistory } from '../components/unitReports/ReportHistory';
import { Lateness, ReportStateTag } from '../components/unitReports/ReportStateTag';
import { ReportTaskLists } from '../components/unitReports/ReportTaskLists';
import { useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate } from '../lib/format';
import { isMonthKey, periodTitle } from '../lib/period';
import { periodWindowText, reportPath } from '../lib/unitReports';
import { RunningPeriodNotice } from '../components/reports/RunningPeriodNotice';
import { useLeaveWarning } from '../lib/useLeaveWarning';
import { useLoad } from '../lib/useLoad';
import { useSubmit, type SubmitOptions } from '../lib/useSubmit';
import '../styles/pages.css';
import '../styles/unitReports.css';

const STEP_DONE: Record<StepInput['step'], MessageKey> = {
  submit: 'ur.submitted',
  return: 'ur.returned',
  accept: 'ur.accepted',
};

/**
 * The report to show: /unit-reports/{id}, or /unit-reports/0?organization_id=…&period=… for a
 * unit that has not started its report (the preview the board passes along, or asked again).
 */
function useReport() {
  const { id: idParam } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const id = Number(idParam);
  const organizationId = Number(params.get('organization_id'));
  const period = params.get('period');
  const passed = (location.state as { preview?: UnitReport } | null)?.preview;
  const isPreview = id === 0 && organizationId > 0 && isMonthKey(period);
  const valid = (Number.isInteger(id) && id > 0) || isPreview;
  const loaded = useLoad<UnitReport>(
    valid ? (signal) => (isPreview ? openUnitReport(organizationId, period) : getUnitReport(id, signal)) : null,
    [id, organizationId, period],
    { initialData: isPreview && passed?.organization.id === organizationId && passed.period === period ? passed : undefined },
  );
  return { loaded, valid, id };
}

function ReportFacts({ report }: { report: UnitReport }) {
  const t = useT();
  const decided = report.decided_by && report.decided_on && (report.state === 'returned' || report.state === 'accepted');
  return (
    <Space direction="vertical" size={2} className="ur-facts">
      <Typography.Text>{t('ur.due', { date: formatDate(report.due_on) })}</Typography.Text>
      <Space size={8} wrap>
        <ReportStateTag state={report.state} />
        <Lateness days={report.working_days_late} />
      </Space>
      {report.submitted_by && report.submitted_on && (
        <Typography.Text type="secondary">{t('ur.submittedBy', { date: formatDate(report.submitted_on), name: report.submitted_by.name })}</Typography.Text>
      )}
      {decided && (
        <Typography.Text type="secondary">
          {t(`ur.decidedBy.${report.state}` as MessageKey, { date: formatDate(report.decided_on), name: report.decided_by?.name ?? '' })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** One unit's monthly report: its facts, its figures and task lists as of the period's end, its text, its steps. */
export default function UnitReportPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { loaded, valid, id } = useReport();
  const report = loaded.data;
  const [proseForm] = Form.useForm<UnitReportProse>();
  const [unsaved, setUnsaved] = useState(false);
  useLeaveWarning(unsaved);
  usePageTitle(report ? `${report.organization.name} – ${periodTitle(t, report.period)}` : t('page.unitReport'));

  // A preview asked for by someone who may write it opens the report itself: go to its address.
  useEffect(() => {
    if (report && report.id > 0 && id === 0) navigate(reportPath(report), { replace: true });
  }, [navigate, report, id]);

  // A report changed meanwhile (412: its version; 409: its step) is loaded again, and the user told.
  const failure: Pick<SubmitOptions, 'byStatus' | 'onError'> = {
    byStatus: { 412: t('ur.stale') },
    onError: (e) => {
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) loaded.reload();
    },
  };

  const save = useSubmit(async (prose: UnitReportProse) => {
    if (!report) return;
    loaded.setData(await saveUnitReportProse(report, prose));
    message.success(t('ur.saved'));
  }, failure);

  const perform = async ({ step, comment }: StepInput) => {
    if (!report) return;
    let current = report;
    // Text typed but not saved goes with the report: it is saved first, at the version read; a
    // save refused (someone changed the report meanwhile, say) sends nothing.
    if (step === 'submit' && unsaved) {
      current = await saveUnitReportProse(report, { ...report.prose, ...proseForm.getFieldsValue() });
      loaded.setData(current);
    }
    loaded.setData(await takeUnitReportStep(current, step, comment));
    message.success(t(STEP_DONE[step]));
  };
  const take = useSubmit(perform, failure);

  if (!valid || (loaded.error instanceof ApiError && loaded.error.status === 404)) return <NotFoundResult title={t('ur.notFound')} backTo="/unit-reports" backText={t('ur.backToBoard')} />;

  return (
    <div className="gb-pages ur-page ur-report">
      <LoadErrorAlert load={loaded} />
      {!report && loaded.loading && <PageSpinner />}
      {report && (
        <>
          <PageHeader
            title={`${t('page.unitReport')} ${periodTitle(t, report.period).toLowerCase()}`}
            subtitle={`${report.organization.name} · ${periodWindowText(t, report)}`}
            actions={
              <>
                <ReportActions actions={report.actions} take={take} perform={perform} failure={failure} unsaved={unsaved} />
                <PrintButton />
              </>
            }
          >
            <ReportFacts report={report} />
          </PageHeader>
          {report.id === 0 && <Alert type="info" showIcon role="status" className="ur-block" message={t('ur.preview')} />}
          {report.state === 'returned' && report.return_comment && (
            <Alert type="warning" showIcon role="alert" className="ur-block" message={t('ur.returnComment')} description={report.return_comment} />
          )}
          {take.error && <Alert type="error" showIcon role="alert" className="ur-block no-print" message={take.error} />}
          <RunningPeriodNotice window={report} />
          <ReportFiguresCard figures={report.figures} />
          <ReportTaskLists section="lead" lists={report.lead} asOf={report.as_of} />
          <ReportTaskLists section="cooperating" lists={report.cooperating} asOf={report.as_of} />
          <ProseSection prose={report.prose} editable={report.actions.edit && report.id > 0} save={save} form={proseForm} onDirty={setUnsaved} />
          {report.id > 0 && <ReportHistory events={report.history} />}
        </>
      )}
    </div>
  );
}
