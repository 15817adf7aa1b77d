import { Link } from 'react-router-dom';
import type { ReportTask } from '../../api/types';
import { useT } from '../../i18n';
import { daysBetween, formatDate } from '../../lib/format';
import { StatusTag } from '../StatusTag';
import { TableScroll } from '../TableScroll';
import { TaskNote } from '../unitReports/ReportTaskLists';

export type ReportTaskVariant = 'overdue' | 'next' | 'completed' | 'assigned';

interface Props {
  tasks: readonly ReportTask[];
  /** The last day the report counts, as of which the tasks are shown. */
  asOf: string;
  /**
   * 'overdue': how late each is and why; 'next': how far along each is; 'completed': how and when
   * each was completed; 'assigned': how each stands, and when it was assigned.
   */
  variant: ReportTaskVariant;
  caption: string;
  emptyText: string;
}

/** Overdue by the last day counted: by how many days, or due on that day (still "in progress" then). */
function DaysOverdue({ task, asOf }: { task: ReportTask; asOf: string }) {
  const t = useT();
  const days = task.deadline ? daysBetween(task.deadline, asOf) : 0;
  return (
    <>
      <StatusTag status={task.status} />
      <div className={days > 0 ? 'ur-late' : 'ur-note-meta'}>{days > 0 ? t('cr.daysOverdue', { days }) : t('cr.dueOnEnd')}</div>
    </>
  );
}

/** Its status at the period's end, and the day it was completed or assigned. */
function StatusOn({ task, variant }: { task: ReportTask; variant: 'completed' | 'assigned' }) {
  const t = useT();
  const date = variant === 'completed' ? task.completed_on : task.assigned_on;
  return (
    <>
      <StatusTag status={task.status} />
      {date && <div className="ur-note-meta">{t(variant === 'completed' ? 'cr.completedOn' : 'cr.assignedOn', { date: formatDate(date) })}</div>}
    </>
  );
}

function StateCell({ task, asOf, variant }: { task: ReportTask; asOf: string; variant: ReportTaskVariant }) {
  switch (variant) {
    case 'overdue':
      return <DaysOverdue task={task} asOf={asOf} />;
    case 'next':
      return <>{task.progress}%</>;
    default:
      return <StatusOn task={task} variant={variant} />;
  }
}

function TaskRow({ task, index, asOf, variant }: { task: ReportTask; index: number; asOf: string; variant: ReportTaskVariant }) {
  const t = useT();
  return (
    <tr data-testid={`task-${task.id}`}>
      <td className="cr-col-no">{index + 1}</td>
      <td className="ur-col-title">
        {task.hidden ? (
          <span className="ur-hidden">{t('ur.hiddenTask')}</span>
        ) : (
          <>
            <Link to={`/tasks/${task.id}?as_of=${asOf}`}>{task.title}</Link>
            {task.is_key && <div className="ur-note-meta">{t('task.isKey')}</div>}
          </>
        )}
      </td>
      <td className="cr-col-unit">{task.lead_org.name}</td>
      <td className="nowrap">
        {task.deadline ? formatDate(task.deadline) : t('ur.noDeadline')}
        {task.extended && <div className="ur-note-meta">{t('cr.extended')}</div>}
      </td>
      <td>
        <StateCell task={task} asOf={asOf} variant={variant} />
      </td>
      <td className="ur-col-note">
        {!task.hidden && (task.note ? <TaskNote task={task} /> : <span className="ur-note-meta">{t(variant === 'overdue' ? 'cr.noReason' : 'cr.noNote')}</span>)}
      </td>
    </tr>
  );
}

/**
 * Tasks of a consolidated report as they stood at the period's end, numbered. A task the reader
 * may not read keeps its row, its unit and its dates (the list adds up to the figures), not its
 * title, link or note.
 */
export function ReportTaskTable({ tasks, asOf, variant, caption, emptyText }: Props) {
  const t = useT();
  if (tasks.length === 0) return <p className="ur-empty">{emptyText}</p>;
  return (
    <TableScroll label={caption}>
      <table className="gb-table ur-table cr-task-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="cr-col-no">
              {t('cr.col.no')}
            </th>
            <th scope="col">{t('ur.col.title')}</th>
            <th scope="col">{t('task.leadOrg')}</th>
            <th scope="col">{t('ur.col.deadline')}</th>
            <th scope="col">{variant === 'next' ? t('ur.col.progress') : t('ur.col.status')}</th>
            <th scope="col">{variant === 'overdue' ? t('cr.col.reason') : t('ur.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task, i) => (
            <TaskRow key={task.id} task={task} index={i} asOf={asOf} variant={variant} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
