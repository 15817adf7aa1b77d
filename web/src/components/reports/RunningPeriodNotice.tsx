import { Alert } from 'antd';
import { useT } from '../../i18n';
import { isRunning, reportDate, type CountedWindow } from '../../lib/period';

/**
 * Said above a report made before its period ended: its figures run to that day, a task due later
 * in the period is not overdue yet, and those due from that day on are counted ahead. An issued
 * report says it in the past: its period has long ended when it is read.
 */
export function RunningPeriodNotice({
  window,
  issued = false,
  className = 'ur-block',
}: {
  window: CountedWindow;
  issued?: boolean;
  className?: string;
}) {
  const t = useT();
  if (!isRunning(window)) return null;
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      className={className}
      message={t(issued ? 'period.ranWhenIssued' : 'period.running', { asOf: reportDate(window.as_of), end: reportDate(window.period_end) })}
      description={t('period.runningDetail')}
    />
  );
}
