import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Space } from 'antd';
import { FilePdfOutlined, FileWordOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { draftFileUrl, getConsolidatedReport, listIssuedReports, saveReportDraft } from '../api/reports';
import { getReportSettings } from '../api/reportSettings';
import type { IssuedReportSummary, UnitReportProse } from '../api/types';
import { canPrepareReport, useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { PrintButton } from '../components/PrintButton';
import { ConsolidatedReportSections } from '../components/reports/ConsolidatedReportSections';
import { IssueReportDialog } from '../components/reports/IssueReportDialog';
import { PeriodIssuedReports } from '../components/reports/PeriodIssuedReports';
import { ReportPeriodPicker } from '../components/reports/ReportPeriodPicker';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate, todayIso } from '../lib/format';
import { issuedForPeriod, issuedReportPath } from '../lib/issuedReports';
import { lastFinishedMonthKey, periodTitle, reportPeriodKind, reportWindowWords } from '../lib/period';
import { useLeaveWarning } from '../lib/useLeaveWarning';
import { useLoad } from '../lib/useLoad';
import { useSubmit } from '../lib/useSubmit';
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
  // Its convention also tells the picker which periods have begun.
  const settings = useLoad((signal) => getReportSettings(signal), []);
  const convention = settings.data?.period_convention;
  useEffect(() => {
    if (!period && convention) setParams({ period: lastFinishedMonthKey(todayIso(), convention) }, { replace: true });
  }, [period, convention, setParams]);
  const choose = (key: string) => setParams({ period: key });
  return { period, choose, settings };
}

/** The draft document of the period, as it stands, in either format. */
function DraftDownloads({ period }: { period: string }) {
  const t = useT();
  return (
    <Space.Compact>
      <Button icon={<FilePdfOutlined />} href={draftFileUrl(period, 'pdf')} download>
        {t('cr.draftPdf')}
      </Button>
      <Button icon={<FileWordOutlined />} href={draftFileUrl(period, 'docx')} download>
        {t('cr.draftDocx')}
      </Button>
    </Space.Compact>
  );
}

/**
 * What the page shows: a preview that follows the data; once the period's report is issued
 * (`inForce`), that report, and that the preview is of the data as they are now.
 */
function PreviewNotice({ inForce }: { inForce: IssuedReportSummary | undefined }) {
  const t = useT();
  const message = inForce ? (
    <>
      {t('cr.previewIssued')} <Link to={issuedReportPath(inForce.id)}>{t('ir.numberDate', { number: inForce.number_text, date: formatDate(inForce.issued_on) })}</Link>.{' '}
      {t('cr.previewCurrent')}
    </>
  ) : (
    t('cr.preview')
  );
  return <Alert type="info" showIcon role="status" className="ur-block cr-preview" message={message} />;
}

/**
 * The agency's consolidated report ("Báo cáo tổng hợp") on a month, a quarter, the year's first
 * months or a year, as the data stand now: a live preview until it is issued. The consolidating
 * division and the leaders write its text and issue it.
 */
export default function ConsolidatedReportPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const mayPrepare = canPrepareReport(user.role);
  const { period, choose, settings } = usePeriod();
  const loaded = useLoad(period ? (signal) => getConsolidatedReport(period, signal) : null, [period]);
  const report = loaded.data?.period === period ? loaded.data : undefined;
  // All the agency's issued reports: a period's may be issued in a later year than its own.
  const issuedList = useLoad((signal) => listIssuedReports(undefined, signal), []);
  const issued = period && issuedList.data ? issuedForPeriod(issuedList.data.items, period) : undefined;
  const [issuing, setIssuing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  useLeaveWarning(unsaved);
  usePageTitle(period ? `${t('page.reports')} – ${periodTitle(t, period)}` : t('page.reports'));

  useEffect(() => setConflict(false), [period]);

  // A save from a version someone else has saved over (412) is refused: the text as it now is.
  const save = useSubmit(
    async (prose: UnitReportProse) => {
      if (!report) return;
      loaded.setData(await saveReportDraft(report, prose));
      message.success(t('ur.saved'));
    },
    {
      byStatus: { 412: t('cr.draftStale') },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 412) loaded.reload();
      },
    },
  );

  const started = report !== undefined && report.period_start <= todayIso();
  // A period that has not begun has no report yet: said in words, not as a failure.
  const notStarted = loaded.error instanceof ApiError && loaded.error.fieldCode('period') === 'not_started';
  const issueButton = mayPrepare && started && issued && (
    <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setIssuing(true)}>
      {issued.inForce ? t('cr.issueReplacement') : t('cr.issue')}
    </Button>
  );

  return (
    <div className="gb-pages ur-page ur-report cr-page">
      <PageHeader
        title={t('page.reports')}
        subtitle={report ? `${periodTitle(t, report.period)} · ${reportWindowWords(t, report)}` : undefined}
        actions={
          <>
            {/* Only a period with a report (one that has begun) has a draft to download. */}
            {report && <DraftDownloads period={report.period} />}
            {issueButton}
            <PrintButton />
          </>
        }
      />
      {period && (
        <Space wrap className="pages-toolbar no-print" size={12}>
          <label htmlFor="cr-period">{t('ur.period')}</label>
          <ReportPeriodPicker
            id="cr-period"
            value={period}
            onChange={choose}
            begunBy={settings.data ? { today: todayIso(), convention: settings.data.period_convention } : undefined}
          />
        </Space>
      )}
      {issued && <PeriodIssuedReports items={issued.items} />}
      {conflict && <Alert type="warning" showIcon role="alert" className="ur-block no-print" message={t('issue.conflict')} />}
      {report && <PreviewNotice inForce={issued?.inForce} />}
      <LoadErrorAlert load={settings} />
      <LoadErrorAlert load={issuedList} />
      {notStarted && period ? (
        <Alert
          type="info"
          showIcon
          role="status"
          className="ur-block cr-not-started"
          message={t('cr.notStarted', { period: periodTitle(t, period) })}
          description={t('cr.notStartedHelp')}
        />
      ) : (
        <LoadErrorAlert load={loaded} />
      )}
      {!report && (loaded.loading || settings.loading) && <PageSpinner />}
      {report && <ConsolidatedReportSections report={report} save={mayPrepare ? save : undefined} onDirty={setUnsaved} />}
      {issuing && report && issued && (
        <IssueReportDialog
          period={report.period}
          replaces={issued.inForce}
          unsaved={unsaved}
          onClose={() => setIssuing(false)}
          onIssued={(r) => navigate(issuedReportPath(r.id))}
          onConflict={() => {
            setIssuing(false);
            setConflict(true);
            issuedList.reload();
          }}
        />
      )}
    </div>
  );
}
