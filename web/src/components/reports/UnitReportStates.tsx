import { Link } from 'react-router-dom';
import { Empty } from 'antd';
import type { UnitReportStanding } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { isHandedIn, reportPath } from '../../lib/unitReports';
import { TableScroll } from '../TableScroll';
import { Lateness, ReportStateTag } from '../unitReports/ReportStateTag';

/**
 * Where each unit's report for the month stands, as on the board; a unit's name opens its report
 * once it has one (opening one not started would start it for whoever may write it).
 */
export function UnitReportStates({ units, period }: { units: readonly UnitReportStanding[]; period: string }) {
  const t = useT();
  const caption = t('cr.unitReportsTable');
  const handedIn = units.filter((u) => isHandedIn(u.state)).length;
  return (
    <section className="ur-section" aria-labelledby="cr-unit-reports">
      <h2 id="cr-unit-reports" className="ur-heading">
        {t('ur.board.table')}
      </h2>
      <p className="cr-lead">
        <span>{t('ur.board.submitted', { count: handedIn, total: units.length })}</span>
        <Link to={`/unit-reports?period=${period}`} className="cr-lead-link no-print">
          {t('cr.openBoard')}
        </Link>
      </p>
      {units.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ur.board.empty')} />
      ) : (
        <TableScroll label={caption}>
          <table className="gb-table ur-table ur-board">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="gb-col-name">
                  {t('ur.board.unit')}
                </th>
                <th scope="col">{t('ur.board.state')}</th>
                <th scope="col">{t('ur.board.submittedOn')}</th>
                <th scope="col">{t('ur.board.lateness')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.organization.id} data-testid={`unit-${u.organization.id}`}>
                  <th scope="row" className="gb-col-name">
                    {u.report_id ? (
                      <Link to={reportPath({ id: u.report_id, organization: u.organization, period })}>{u.organization.name}</Link>
                    ) : (
                      u.organization.name
                    )}
                  </th>
                  <td>
                    <ReportStateTag state={u.state} />
                  </td>
                  <td>{formatDate(u.first_submitted_on, '')}</td>
                  <td>
                    <Lateness days={u.working_days_late} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
