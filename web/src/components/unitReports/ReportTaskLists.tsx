import { Link } from 'react-router-dom';
import type { ReportTask, ReportTaskLists as Lists } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { StatusTag } from '../StatusTag';
import { TableScroll } from '../TableScroll';

const LIST_ORDER = ['completed', 'not_completed', 'overdue', 'due_next_period', 'ongoing', 'cancelled'] as const satisfies readonly (keyof Lists)[];

/** A listed task's latest note by the period's end, with what it is and its date. */
export function TaskNote({ task }: { task: ReportTask }) {
  const t = useT();
  if (!task.note) return null;
  const kind =
    task.note_kind === 'explanation' ? t('ur.note.explanation') : task.note_kind === 'completion' ? t('ur.note.completion') : t('ur.note.progress');
  return (
    <>
      <div className="ur-note-meta">{t('ur.noteOn', { kind, date: formatDate(task.note_on) })}</div>
      <div className="ur-note">{task.note}</div>
    </>
  );
}

/** One task as it stood at the period's end; a task the reader may not read shows that it is there, and no more. */
function TaskRow({ task, asOf }: { task: ReportTask; asOf: string }) {
  const t = useT();
  return (
    <tr>
      <td className="ur-col-title">
        {task.hidden ? (
          <span className="ur-hidden">{t('ur.hiddenTask')}</span>
        ) : (
          <Link to={`/tasks/${task.id}?as_of=${asOf}`}>{task.title}</Link>
        )}
      </td>
      <td className="nowrap">{task.deadline ? formatDate(task.deadline) : t('ur.noDeadline')}</td>
      <td>
        <StatusTag status={task.status} />
      </td>
      <td>{task.progress}%</td>
      <td className="ur-col-note">{!task.hidden && <TaskNote task={task} />}</td>
    </tr>
  );
}

function TaskList({ title, tasks, asOf, id }: { title: string; tasks: ReportTask[]; asOf: string; id: string }) {
  const t = useT();
  return (
    <div className="ur-list" aria-labelledby={id} role="group">
      <h3 id={id} className="ur-list-title">
        {title} ({tasks.length})
      </h3>
      {tasks.length === 0 ? (
        <p className="ur-empty">{t('ur.list.empty')}</p>
      ) : (
        <TableScroll label={title}>
          <table className="gb-table ur-table">
            <thead>
              <tr>
                <th scope="col">{t('ur.col.title')}</th>
                <th scope="col">{t('ur.col.deadline')}</th>
                <th scope="col">{t('ur.col.status')}</th>
                <th scope="col">{t('ur.col.progress')}</th>
                <th scope="col">{t('ur.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <TaskRow key={task.id} task={task} asOf={asOf} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

/** The six lists of one section of the report (the tasks the unit leads, or those it cooperates on). */
export function ReportTaskLists({ section, lists, asOf }: { section: 'lead' | 'cooperating'; lists: Lists; asOf: string }) {
  const t = useT();
  const headingId = `ur-${section}`;
  return (
    <section className="ur-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="ur-heading">
        {t(`ur.${section}` as MessageKey)}
      </h2>
      {LIST_ORDER.map((list) => (
        <TaskList key={list} id={`${headingId}-${list}`} title={t(`ur.list.${list}` as MessageKey)} tasks={lists[list]} asOf={asOf} />
      ))}
    </section>
  );
}
