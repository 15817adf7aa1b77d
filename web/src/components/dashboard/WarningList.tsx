import { Link } from 'react-router-dom';
import { Card, Empty, Skeleton, Tag } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { listTasks } from '../../api/tasks';
import type { TaskWarning } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { daysBetween, formatNumber, taskDeadlineText } from '../../lib/format';
import { PENDING_SWATCH, WARNING_SWATCH, type Swatch } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { ErrorAlert } from '../ErrorAlert';

/** What a list warns of: a task's warning, or extension requests awaiting a decision. */
export type WarningKind = Extract<TaskWarning, 'overdue' | 'due_soon' | 'on_track'> | 'extension_pending';

interface Props {
  /** API filter parameters (without paging) of the tasks to list. */
  params: Record<string, string | number | undefined>;
  /** Link to the whole list. */
  href: string;
  warning: WarningKind;
  /** Colours other than the warning's (e.g. blue for tasks in progress). */
  swatch?: Swatch;
  title: React.ReactNode;
  emptyText: string;
  /** The date days late/left are counted from. */
  asOf: string;
  extra?: React.ReactNode;
  limit?: number;
}

/**
 * The first tasks of a warning (overdue: red, due soon: orange, awaiting a decision on an
 * extension: blue), with the total and a link to all.
 */
export function WarningList({ params, href, warning, swatch, title, emptyText, asOf, extra, limit = 8 }: Props) {
  const t = useT();
  const [lang] = useLang();
  const sw = swatch ?? (warning === 'extension_pending' ? PENDING_SWATCH : WARNING_SWATCH[warning]);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  query.set('sort', 'deadline');
  query.set('page_size', String(limit));
  const key = query.toString();

  const { data, error, reload } = useLoad((signal) => listTasks(new URLSearchParams(key), signal), [key]);

  return (
    <Card
      size="small"
      className={`dash-warning dash-warning-${warning}`}
      style={{ borderTop: `3px solid ${sw.solid}` }}
      title={
        <span style={{ color: sw.color }}>
          {title}
          {data && (
            <>
              {' '}
              <Link to={href} className="dash-warning-count" style={{ color: sw.color }} data-testid={`warning-${warning}-total`}>
                ({formatNumber(data.total, lang)})
              </Link>
            </>
          )}
        </span>
      }
      extra={extra}
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      ) : (
        <>
          <ul className="dash-warning-list">
            {data.items.map((task) => {
              const inForce = task.deadline_in_force ?? task.deadline;
              const d = inForce ? daysBetween(asOf, inForce) : null;
              return (
                <li key={task.id} className="dash-warning-item">
                  <Link to={`/tasks/${task.id}`} className="task-title-cell">
                    {task.is_key && <StarFilled style={{ color: '#ad6800', marginRight: 4 }} aria-label={t('task.key')} />}
                    {task.title}
                  </Link>
                  <div className="task-sub">
                    {task.lead_org.name} · {t('task.deadline')}: {taskDeadlineText(t, task)}{' '}
                    {d !== null && (
                      <Tag style={{ color: sw.color, background: sw.background, borderColor: sw.border, marginInlineStart: 4 }}>
                        {d < 0 ? t('list.daysLate', { n: -d }) : d === 0 ? t('dash.dueToday') : t('list.daysLeft', { n: d })}
                      </Tag>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          {data.total > data.items.length && (
            <div className="dash-warning-more">
              <Link to={href}>{t('dash.seeAll', { n: formatNumber(data.total, lang) })}</Link>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
