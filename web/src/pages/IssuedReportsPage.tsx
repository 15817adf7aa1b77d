import { Link, useSearchParams } from 'react-router-dom';
import { DatePicker, Empty, Space } from 'antd';
import dayjs from 'dayjs';
import { listIssuedReports } from '../api/reports';
import type { IssuedReportSummary } from '../api/types';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { IssuedFileButtons } from '../components/reports/IssuedFileButtons';
import { TableScroll } from '../components/TableScroll';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate, todayIso } from '../lib/format';
import { issuedReportPath, reportChangesPath, signerLabel } from '../lib/issuedReports';
import { periodTitle } from '../lib/period';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/unitReports.css';
import '../styles/reports.css';

/** The year asked for in the address (?year=2026), else this year. */
function useYear() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('year');
  const year = asked && /^\d{4}$/.test(asked) ? Number(asked) : Number(todayIso().slice(0, 4));
  return { year, choose: (y: number) => setParams({ year: String(y) }) };
}

/** What the report replaced, and what replaced it, each opening that report. */
function Links({ report }: { report: IssuedReportSummary }) {
  const t = useT();
  if (!report.replaces && !report.replaced_by) return null;
  return (
    <>
      {report.replaces && (
        <div>
          {t('ir.replacesShort')} <Link to={issuedReportPath(report.replaces.id)} className="nowrap">
            {report.replaces.number_text}
          </Link>
        </div>
      )}
      {report.replaced_by && (
        <div className="ur-late">
          {t('ir.replacedByShort')} <Link to={issuedReportPath(report.replaced_by.id)} className="nowrap">
            {report.replaced_by.number_text}
          </Link>
        </div>
      )}
    </>
  );
}

function IssuedTable({ items }: { items: readonly IssuedReportSummary[] }) {
  const t = useT();
  const caption = t('ir.table');
  return (
    <TableScroll label={caption}>
      <table className="gb-table ur-table ir-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="gb-col-name">
              {t('ir.number')}
            </th>
            <th scope="col">{t('ir.period')}</th>
            <th scope="col">{t('ir.issuedOn')}</th>
            <th scope="col">{t('ir.signer')}</th>
            <th scope="col">{t('ir.issuedBy')}</th>
            <th scope="col">{t('ir.links')}</th>
            <th scope="col" className="no-print">
              {t('ir.changes')}
            </th>
            <th scope="col" className="no-print">
              {t('ir.downloads')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid={`issued-${r.id}`}>
              <th scope="row" className="gb-col-name nowrap">
                <Link to={issuedReportPath(r.id)}>{r.number_text}</Link>
              </th>
              <td className="nowrap">{periodTitle(t, r.period)}</td>
              <td className="nowrap">{formatDate(r.issued_on)}</td>
              <td>{signerLabel(r.signer)}</td>
              <td>{r.issued_by.name}</td>
              <td className="ir-links">
                <Links report={r} />
              </td>
              <td className="no-print nowrap ir-links">
                <Link to={reportChangesPath(r.id)} aria-label={t('cmp.openOf', { number: r.number_text })}>
                  {t('cmp.openShort')}
                </Link>
              </td>
              <td className="no-print nowrap">
                <IssuedFileButtons report={r} small />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The agency's issued consolidated reports, year by year, newest first: the register of them. */
export default function IssuedReportsPage() {
  const t = useT();
  const { year, choose } = useYear();
  const loaded = useLoad((signal) => listIssuedReports(year, signal), [year]);
  const items = loaded.loading ? undefined : loaded.data?.items;
  usePageTitle(t('page.issuedReports'));

  return (
    <div className="gb-pages ur-page ir-list-page">
      <PageHeader title={t('page.issuedReports')} subtitle={items ? t('ir.count', { year, count: items.length }) : undefined} />
      <Space wrap className="pages-toolbar no-print" size={12}>
        <label htmlFor="ir-year">{t('ir.year')}</label>
        <DatePicker id="ir-year" picker="year" format="YYYY" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && choose(d.year())} style={{ width: 130 }} />
      </Space>
      <LoadErrorAlert load={loaded} />
      {!items && loaded.loading && <PageSpinner />}
      {items &&
        (items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ir.empty', { year })}>
            <Link to="/reports">{t('ir.openReports')}</Link>
          </Empty>
        ) : (
          <IssuedTable items={items} />
        ))}
    </div>
  );
}
