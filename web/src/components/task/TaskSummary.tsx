import { Link } from 'react-router-dom';
import { Card, Descriptions, Progress, Typography } from 'antd';
import type { Task } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { docNumberText, formatDate, taskDeadlineText, todayIso } from '../../lib/format';
import { ProgramPlace } from './ProgramPlace';
import type { TaskView } from './taskView';

const names = (refs: { name: string }[]) => (refs.length ? refs.map((r) => r.name).join('; ') : '—');

/**
 * The units of the agency cooperating on the task, then, for a task imported from a program, the
 * bodies outside the agency its row named (as the program wrote them, marked as outside): a task
 * with only outside bodies does cooperate with someone, so it does not read as having no one.
 */
function Cooperators({ task }: { task: Task }) {
  const t = useT();
  const outside = task.program_place?.outside_units.trim() ?? '';
  if (!outside) return <>{names(task.cooperators)}</>;
  return (
    <>
      {task.cooperators.length > 0 && <div>{names(task.cooperators)}</div>}
      <div>{t('task.cooperatorsOutside', { names: outside })}</div>
    </>
  );
}

/** The task's general information: who leads it, by when, from which source, how far along. */
export function TaskSummary({ task, view, asOf }: { task: Task; view: TaskView; asOf: string | undefined }) {
  const t = useT();
  const inForce = task.deadline_in_force ?? task.deadline;
  const { source } = task;
  return (
    <Card title={t('detail.general')} size="small">
      <Descriptions className="detail-grid" bordered size="small" column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}>
        <Descriptions.Item label={t('task.leadOrg')}>{task.lead_org.name}</Descriptions.Item>
        <Descriptions.Item label={t('task.cooperators')}>
          <Cooperators task={task} />
        </Descriptions.Item>
        <Descriptions.Item label={t('task.leader')}>{task.leader?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('task.assignees')}>{names(task.assignees)}</Descriptions.Item>
        <Descriptions.Item label={t('task.assignedOn')}>{formatDate(task.assigned_on)}</Descriptions.Item>
        <Descriptions.Item label={t('task.deadline')}>
          <div>{taskDeadlineText(t, task)}</div>
          {task.extended && (
            <div className="task-sub">{t('detail.extendedBanner', { from: formatDate(task.deadline), to: formatDate(inForce) })}</div>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('task.product')}>{task.product || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('task.progress')}>
          <Progress
            percent={task.progress}
            size="small"
            style={{ maxWidth: 240 }}
            aria-label={t('task.progressAria', { percent: task.progress })}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('task.source')} span={2}>
          <div>
            <Link to={`/sources/${source.id}`}>{source.title}</Link>
          </div>
          <div className="task-sub">
            {t(`sourceKind.${source.kind}` as MessageKey)} · {docNumberText(t, source.doc_number, source.doc_date) ?? formatDate(source.doc_date)}
            {source.issuer ? ` · ${t('task.issuedBy')}: ${source.issuer}` : ''}
          </div>
        </Descriptions.Item>
        {task.program_place && (
          <Descriptions.Item label={t('task.place')} span={2}>
            <ProgramPlace place={task.program_place} />
          </Descriptions.Item>
        )}
        {task.parent_id !== null && (
          <Descriptions.Item label={t('task.parent')} span={2}>
            <Link to={`/tasks/${task.parent_id}`}>#{task.parent_id}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('task.content')} span={2}>
          <div className="pre-wrap">{task.content || '—'}</div>
        </Descriptions.Item>
        {view.done && (
          <>
            <Descriptions.Item label={t('task.completedOn')}>{formatDate(task.completed_on)}</Descriptions.Item>
            <Descriptions.Item label={t('task.resultDoc')}>{docNumberText(t, task.result_doc_number, task.result_doc_date) ?? formatDate(task.result_doc_date)}</Descriptions.Item>
            {task.completion_note && (
              <Descriptions.Item label={t('task.completionNote')} span={2}>
                <div className="pre-wrap">{task.completion_note}</div>
              </Descriptions.Item>
            )}
          </>
        )}
        {view.closed && (
          <>
            <Descriptions.Item label={t('task.cancelledOn')}>{formatDate(task.cancelled_on)}</Descriptions.Item>
            <Descriptions.Item label={t('task.cancelKind')}>
              {task.cancel_kind === 'withdrawn' ? t('detail.cancel.withdrawn') : t('detail.cancel.cancelled')}
            </Descriptions.Item>
            <Descriptions.Item label={t('task.cancelReason')}>{task.cancel_reason || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('task.cancelApprover')}>{task.cancel_approver?.name ?? '—'}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('task.asOf', { date: formatDate(asOf ?? todayIso()) })}
      </Typography.Paragraph>
    </Card>
  );
}
