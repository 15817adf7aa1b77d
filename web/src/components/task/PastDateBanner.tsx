import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import type { Task } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';

/** Says that the task is shown as it stood on a past date, how much came later, and links to today. */
export function PastDateBanner({ task }: { task: Task }) {
  const t = useT();
  return (
    <Alert
      type="info"
      showIcon
      message={t('detail.asOfBanner', { date: formatDate(task.as_of) })}
      description={task.later_facts > 0 ? t('detail.laterFacts', { count: task.later_facts }) : undefined}
      action={
        <Link to={`/tasks/${task.id}`} className="no-print">
          {t('detail.showToday')}
        </Link>
      }
    />
  );
}
