import { Alert, Button } from 'antd';
import type { ReportFigureCode, StatsReportPeriod } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { periodTitle, reportDate, reportWindowWords } from '../../lib/period';
import { REPORT_FIGURE_LABELS } from '../../lib/reportFigures';

interface Props {
  /** The report period of the list's filter, and the figure it follows, if one. */
  period: string;
  figure?: ReportFigureCode;
  /** The period as the server resolved it (its window and the day counted), once known. */
  resolved?: StatsReportPeriod;
  /** The period has not begun: there is no report, so no list. */
  notStarted?: boolean;
  /** The unit of the filter whose led tasks are listed, as the report counts a unit's (org_role lead). */
  leadOrgName?: string;
  onClear: () => void;
}

/**
 * What a list following a report's figure is: "Theo báo cáo Tháng 11/2026 · Đến hạn, đã hoàn
 * thành · số liệu đến ngày 27/11/2026", the days the report counts, and the way back to a list of
 * no report.
 */
export function ReportListScope({ period, figure, resolved, notStarted = false, leadOrgName, onClear }: Props) {
  const t = useT();
  const title = periodTitle(t, period);
  const line = [
    t('list.report', { period: title }),
    figure ? t(REPORT_FIGURE_LABELS[figure]) : undefined,
    resolved ? t('list.reportAsOf', { date: formatDate(resolved.as_of) }) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const description = notStarted
    ? t('period.notStarted', { period: title })
    : resolved
      ? [
          `${reportWindowWords(t, resolved)}.`,
          resolved.period_running
            ? t('period.running', { asOf: reportDate(resolved.as_of), end: reportDate(resolved.period_end) })
            : undefined,
          leadOrgName ? t('list.reportOrg', { org: leadOrgName }) : undefined,
        ]
          .filter(Boolean)
          .join(' ')
      : undefined;
  return (
    <Alert
      type={notStarted ? 'warning' : 'info'}
      showIcon
      role="status"
      className="list-report-scope"
      data-testid="list-report-scope"
      message={line}
      description={description}
      action={
        <Button size="small" className="no-print" onClick={onClear}>
          {t('list.reportClear')}
        </Button>
      }
    />
  );
}
