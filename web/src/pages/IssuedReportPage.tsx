import { Link, useParams } from 'react-router-dom';
import { Alert, Space } from 'antd';
import { ApiError } from '../api/client';
import { getIssuedReport } from '../api/reports';
import type { IssuedReport } from '../api/types';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { NotFoundResult } from '../components/NotFoundResult';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { PrintButton } from '../components/PrintButton';
import { ConsolidatedReportSections } from '../components/reports/ConsolidatedReportSections';
import { IssuedFileButtons } from '../components/reports/IssuedFileButtons';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate } from '../lib/format';
import { issuedReportPath, reportChangesPath, signerLabel } from '../lib/issuedReports';
import { periodTitle, reportWindowWords } from '../lib/period';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/unitReports.css';
import '../styles/reports.css';

/** The register's facts of the report: its number, date, signer, who issued it, what it replaces. */
function IssuedFacts({ issued }: { issued: IssuedReport }) {
  const t = useT();
  return (
    <dl className="ir-facts">
      <div>
        <dt>{t('ir.number')}</dt>
        <dd>{issued.number_text}</dd>
      </div>
      <div>
        <dt>{t('ir.issuedOn')}</dt>
        <dd>{formatDate(issued.issued_on)}</dd>
      </div>
      <div>
        <dt>{t('ir.signer')}</dt>
        <dd>{signerLabel(issued.signer)}</dd>
      </div>
      <div>
        <dt>{t('ir.issuedBy')}</dt>
        <dd>{issued.issued_by.name}</dd>
      </div>
      {issued.replaces && (
        <div>
          <dt>{t('ir.replaces')}</dt>
          <dd>
            <Link to={issuedReportPath(issued.replaces.id)}>{t('ir.numberDate', { number: issued.replaces.number_text, date: formatDate(issued.replaces.issued_on) })}</Link>
          </dd>
        </div>
      )}
      {issued.replaced_by && (
        <div>
          <dt>{t('ir.replacedByLabel')}</dt>
          <dd>
            <Link to={issuedReportPath(issued.replaced_by.id)}>
              {t('ir.numberDate', { number: issued.replaced_by.number_text, date: formatDate(issued.replaced_by.issued_on) })}
            </Link>
          </dd>
        </div>
      )}
    </dl>
  );
}

/**
 * One issued consolidated report: its number, date and signer, the reports it replaces or that
 * replaced it, its stored files, the way to what changed since the report before, and the report
 * as it stood when issued, rendered as the preview is. Nothing on it changes, whatever happens to
 * the tasks afterwards.
 */
export default function IssuedReportPage() {
  const t = useT();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useLoad(valid ? (signal) => getIssuedReport(id, signal) : null, [id]);
  const issued = loaded.data?.id === id ? loaded.data : undefined;
  usePageTitle(issued ? `${t('page.issuedReport', { number: issued.number_text })} – ${periodTitle(t, issued.period)}` : t('page.issuedReports'));

  if (!valid || (loaded.error instanceof ApiError && loaded.error.status === 404)) {
    return <NotFoundResult title={t('ir.notFound')} backTo="/reports/issued" backText={t('ir.backToList')} />;
  }

  return (
    <div className="gb-pages ur-page ur-report cr-page ir-page">
      <LoadErrorAlert load={loaded} />
      {!issued && loaded.loading && <PageSpinner />}
      {issued && (
        <>
          <PageHeader
            title={t('page.issuedReport', { number: issued.number_text })}
            subtitle={`${t('page.reports')} · ${periodTitle(t, issued.period)} · ${reportWindowWords(t, issued.report)}`}
            actions={
              <>
                <IssuedFileButtons report={issued} />
                <PrintButton />
              </>
            }
          >
            <IssuedFacts issued={issued} />
          </PageHeader>
          <Alert type="success" showIcon role="status" className="ur-block ir-frozen" message={t('ir.frozen')} description={t('ir.frozenHelp', { date: formatDate(issued.issued_on) })} />
          {issued.replaced_by && (
            <Alert
              type="warning"
              showIcon
              role="note"
              className="ur-block"
              message={t('ir.replacedNotice', { number: issued.replaced_by.number_text, date: formatDate(issued.replaced_by.issued_on) })}
              action={
                <Link to={issuedReportPath(issued.replaced_by.id)} className="no-print">
                  {t('ir.openReplacement')}
                </Link>
              }
            />
          )}
          <Space wrap size={[24, 4]} className="ir-more no-print">
            <Link to={reportChangesPath(issued.id)}>{t('cmp.open')}</Link>
            <Link to={`/reports?period=${issued.period}`}>{t('ir.currentPreview')}</Link>
          </Space>
          <ConsolidatedReportSections report={issued.report} issued />
        </>
      )}
    </div>
  );
}
