import { Alert } from 'antd';
import { useT } from '../../i18n';
import { isRunning, reportDate, type CountedWindow } from '../../lib/period';

/**
 * Said above a report made before its period ended: its figures run to that day, a task due later
 * in the period is not overdue yet, and those due from that day on are counted ahead.
 */
export function RunningPeriodNotice({ window }: { window: CountedWindow }) {
  const t = useT();
  if (!isRunning(window)) return null;
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      className="ur-block"
      message={t('period.running', { asOf: reportDate(window.as_of), end: reportDate(window.period_end) })}
      description={t('period.runningDetail')}
    />
  );
}
