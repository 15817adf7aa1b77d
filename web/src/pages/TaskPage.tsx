import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Progress,
  Result,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  FileOutlined,
  PaperClipOutlined,
  PlusOutlined,
  PrinterOutlined,
  QuestionCircleOutlined,
  StarFilled,
  StopOutlined,
  FormOutlined,
  LockOutlined,
} from '@ant-design/icons';
import { ApiError } from '../api/client';
import { attachmentUrl, getHistory, getTask } from '../api/tasks';
import type { Extension, HistoryEvent, Task, TaskPermissions } from '../api/types';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { StatusTag, WarningTag } from '../components/StatusTag';
import { TaskActionModal, type TaskAction } from '../components/TaskActionModal';
import { TaskHistory } from '../components/TaskHistory';
import { TaskTable } from '../components/TaskTable';
import { useLang, useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { deadlineText, formatDate, formatFileSize, formatTimestamp, todayIso } from '../lib/format';
import { useOrganizations, usePeople, useSources } from '../lib/refData';

function docText(t: ReturnType<typeof useT>, number: string, date: string | null): string {
  if (!number && !date) return '—';
  if (number && date) return t('task.docNumberDate', { number, date: formatDate(date) });
  if (number) return t('task.docNumberOnly', { number });
  return formatDate(date);
}

const NO_ACTIONS: TaskPermissions = {
  edit: false,
  report_progress: false,
  complete: false,
  request_extension: false,
  decide_extension: false,
  cancel: false,
  request_explanation: false,
  answer_explanation: false,
};

export default function TaskPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const { id: idParam } = useParams();
  const [searchParams] = useSearchParams();
  const asOf = searchParams.get('as_of') ?? undefined;
  const id = Number(idParam);
  const { message } = App.useApp();
  const [task, setTask] = useState<Task | null>(null);
  const [history, setHistory] = useState<HistoryEvent[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [action, setAction] = useState<TaskAction | null>(null);
  const [tab, setTab] = useState('updates');
  const orgs = useOrganizations();
  const people = usePeople();
  const sources = useSources();
  usePageTitle(task?.title ?? (idParam ? `#${idParam}` : null));

  const load = useCallback(async () => {
    if (!Number.isSafeInteger(id) || id < 1) {
      setError(new ApiError(404, 'not_found', t('detail.notFound')));
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const [tk, hist] = await Promise.all([getTask(id, asOf), getHistory(id, asOf).catch(() => null)]);
      setTask(tk);
      setHistory(hist?.items ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id, asOf, t]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loading && !task) return <PageSpinner />;
  if (error && !task) {
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Result
          status="404"
          title={t('detail.notFound')}
          extra={
            <Link to="/tasks">
              <Button type="primary">{t('detail.back')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={error} onRetry={() => void load()} />;
  }
  if (!task) return null;

  // A past date shows the task as it stood then; actions always act on today's task, so they are
  // offered only on today's view.
  const viewingPast = !!asOf && asOf < todayIso();
  const p = viewingPast ? NO_ACTIONS : task.permissions;
  const pending = task.extensions.find((e) => e.state === 'pending');
  const openExplanation = task.explanations.find((e) => e.answer === null);
  const closed = task.status === 'cancelled' || !!task.cancelled_on;
  const done = !!task.completed_on;

  const onDone = (next: Task) => {
    setTask(next);
    setAction(null);
    void message.success(t('detail.saved'));
    getHistory(task.id, asOf)
      .then((h) => setHistory(h.items))
      .catch(() => {});
  };

  const actionButtons = (
    <Space wrap className="no-print">
      {p.report_progress && !closed && !done && (
        <Button type="primary" icon={<FormOutlined />} onClick={() => setAction({ kind: 'progress' })}>
          {t('detail.reportProgress')}
        </Button>
      )}
      {p.complete && !closed && !done && (
        <Button icon={<CheckCircleOutlined />} onClick={() => setAction({ kind: 'complete' })}>
          {t('detail.complete')}
        </Button>
      )}
      {p.request_extension && !closed && !done && !pending && (
        <Button icon={<ClockCircleOutlined />} onClick={() => setAction({ kind: 'extension' })}>
          {t('detail.requestExtension')}
        </Button>
      )}
      {p.request_explanation && !closed && (
        <Button icon={<QuestionCircleOutlined />} onClick={() => setAction({ kind: 'explain' })}>
          {t('detail.requestExplanation')}
        </Button>
      )}
      {p.edit && !closed && (
        <Link to={`/tasks/${task.id}/edit`}>
          <Button icon={<EditOutlined />}>{t('detail.edit')}</Button>
        </Link>
      )}
      {p.cancel && !closed && (
        <Button danger icon={<StopOutlined />} onClick={() => setAction({ kind: 'cancel' })}>
          {t('detail.cancel')}
        </Button>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('detail.print')}
      </Button>
    </Space>
  );

  const inForce = task.deadline_in_force ?? task.deadline;

  const extColumns = [
    { title: t('detail.ext.previous'), dataIndex: 'previous_deadline', render: (d: string | null) => formatDate(d, t('task.ongoing')) },
    { title: t('detail.ext.requested'), dataIndex: 'requested_deadline', render: (d: string) => formatDate(d) },
    { title: t('detail.ext.reason'), dataIndex: 'reason', render: (s: string) => <span className="pre-wrap">{s}</span> },
    {
      title: t('detail.ext.by'),
      key: 'by',
      render: (_: unknown, e: Extension) => (
        <>
          {e.requested_by.name}
          <div className="task-sub">{formatDate(e.requested_on)}</div>
        </>
      ),
    },
    {
      title: t('detail.ext.state'),
      key: 'state',
      render: (_: unknown, e: Extension) => (
        <Space direction="vertical" size={2}>
          <Tag color={e.state === 'approved' ? 'green' : e.state === 'refused' ? 'red' : 'orange'}>
            {t(`detail.ext.${e.state}` as MessageKey)}
          </Tag>
          {e.decided_by && (
            <span className="task-sub">
              {e.decided_by.name}, {formatDate(e.decided_on)}
            </span>
          )}
          {e.decision_note && <span className="pre-wrap">{e.decision_note}</span>}
          {e.effective_on && (
            <span className="task-sub">
              {t('detail.ext.effectiveOn')}: {formatDate(e.effective_on)}
            </span>
          )}
          {e.state === 'pending' && p.decide_extension && (
            <Space className="no-print">
              <Button size="small" type="primary" onClick={() => setAction({ kind: 'decide', extensionId: e.id, decision: 'approved' })}>
                {t('detail.approve')}
              </Button>
              <Button size="small" danger onClick={() => setAction({ kind: 'decide', extensionId: e.id, decision: 'refused' })}>
                {t('detail.refuse')}
              </Button>
            </Space>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="page-header">
        <Space direction="vertical" size={4} style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Typography.Title level={2} style={{ fontSize: 22 }}>
            {task.is_key && <StarFilled style={{ color: '#ad6800', marginRight: 8 }} aria-label={t('task.isKey')} />}
            {task.title}
          </Typography.Title>
          <Space wrap size={4}>
            <Typography.Text type="secondary">#{task.id}</Typography.Text>
            <StatusTag status={task.status} />
            <WarningTag warning={task.warning} />
            {task.extended && <Tag color="purple">{t('task.extended')}</Tag>}
            {task.restricted && (
              <Tag icon={<LockOutlined />} color="default">
                {t('detail.restrictedNote')}
              </Tag>
            )}
          </Space>
        </Space>
        {actionButtons}
      </div>

      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {viewingPast && (
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
        )}
        {closed && (
          <Alert
            type="warning"
            showIcon
            message={t('detail.cancelledBanner', {
              kind: task.cancel_kind === 'withdrawn' ? t('detail.cancel.withdrawn').toLowerCase() : t('status.cancelled').toLowerCase(),
              date: formatDate(task.cancelled_on),
              reason: task.cancel_reason || '—',
            })}
          />
        )}
        {pending && (
          <Alert
            type="info"
            showIcon
            message={t('detail.pendingExtension', { date: formatDate(pending.requested_deadline) })}
            description={pending.reason}
            action={
              p.decide_extension ? (
                <Space direction="vertical" className="no-print">
                  <Button size="small" type="primary" onClick={() => setAction({ kind: 'decide', extensionId: pending.id, decision: 'approved' })}>
                    {t('detail.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setAction({ kind: 'decide', extensionId: pending.id, decision: 'refused' })}>
                    {t('detail.refuse')}
                  </Button>
                </Space>
              ) : undefined
            }
          />
        )}
        {openExplanation && (
          <Alert
            type="warning"
            showIcon
            message={t('detail.openExplanation')}
            description={openExplanation.question}
            action={
              p.answer_explanation ? (
                <Button size="small" className="no-print" onClick={() => setAction({ kind: 'answer', explanationId: openExplanation.id })}>
                  {t('detail.answer')}
                </Button>
              ) : undefined
            }
          />
        )}

        <Card title={t('detail.general')} size="small">
          <Descriptions
            className="detail-grid"
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
          >
            <Descriptions.Item label={t('task.leadOrg')}>{task.lead_org.name}</Descriptions.Item>
            <Descriptions.Item label={t('task.cooperators')}>
              {task.cooperators.length ? task.cooperators.map((c) => c.name).join('; ') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('task.leader')}>{task.leader?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('task.assignees')}>
              {task.assignees.length ? task.assignees.map((a) => a.name).join('; ') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('task.assignedOn')}>{formatDate(task.assigned_on)}</Descriptions.Item>
            <Descriptions.Item label={t('task.deadline')}>
              <div>{deadlineText(inForce, task.extended ? '' : task.deadline_label, t('task.ongoing'))}</div>
              {task.extended && (
                <div className="task-sub">
                  {t('detail.extendedBanner', { from: formatDate(task.deadline), to: formatDate(inForce) })}
                </div>
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
                <Link to={`/sources/${task.source.id}`}>{task.source.title}</Link>
              </div>
              <div className="task-sub">
                {t(`sourceKind.${task.source.kind}` as MessageKey)} · {docText(t, task.source.doc_number, task.source.doc_date)}
                {task.source.issuer ? ` · ${t('task.issuedBy')}: ${task.source.issuer}` : ''}
              </div>
            </Descriptions.Item>
            {task.parent_id !== null && (
              <Descriptions.Item label={t('task.parent')} span={2}>
                <Link to={`/tasks/${task.parent_id}`}>#{task.parent_id}</Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('task.content')} span={2}>
              <div className="pre-wrap">{task.content || '—'}</div>
            </Descriptions.Item>
            {done && (
              <>
                <Descriptions.Item label={t('task.completedOn')}>{formatDate(task.completed_on)}</Descriptions.Item>
                <Descriptions.Item label={t('task.resultDoc')}>
                  {docText(t, task.result_doc_number, task.result_doc_date)}
                </Descriptions.Item>
                {task.completion_note && (
                  <Descriptions.Item label={t('task.completionNote')} span={2}>
                    <div className="pre-wrap">{task.completion_note}</div>
                  </Descriptions.Item>
                )}
              </>
            )}
            {closed && (
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

        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'updates',
                label: `${t('detail.updates')} (${task.updates.length})`,
                children: task.updates.length ? (
                  <List
                    itemLayout="vertical"
                    dataSource={[...task.updates].sort(
                      (a, b) => b.reported_on.localeCompare(a.reported_on) || b.recorded_at - a.recorded_at,
                    )}
                    renderItem={(u) => (
                      <List.Item key={u.id}>
                        <Space wrap size={8}>
                          <Typography.Text strong>{formatDate(u.reported_on)}</Typography.Text>
                          {u.percent !== null && <Tag color="blue">{u.percent}%</Tag>}
                          <Typography.Text type="secondary">
                            {t('detail.upd.by', { name: u.author.name })} · {formatTimestamp(u.recorded_at)}
                          </Typography.Text>
                        </Space>
                        <div className="pre-wrap" style={{ marginTop: 4 }}>
                          {u.body}
                        </div>
                        {u.attachments.length > 0 && (
                          <ul style={{ margin: '6px 0 0', paddingLeft: 0, listStyle: 'none' }}>
                            {u.attachments.map((a) => (
                              <li key={a.id}>
                                <PaperClipOutlined aria-hidden />{' '}
                                <a href={attachmentUrl(task.id, a.id)} download={a.file_name}>
                                  {a.file_name}
                                </a>{' '}
                                <span className="task-sub">({formatFileSize(a.size_bytes, lang)})</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty description={`${t('detail.noUpdates')} ${p.report_progress ? t('detail.noUpdatesAction') : ''}`}>
                    {p.report_progress && !closed && !done && (
                      <Button type="primary" onClick={() => setAction({ kind: 'progress' })}>
                        {t('detail.reportProgress')}
                      </Button>
                    )}
                  </Empty>
                ),
              },
              {
                key: 'extensions',
                label: `${t('detail.extensions')} (${task.extensions.length})`,
                children: task.extensions.length ? (
                  <Table<Extension>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    columns={extColumns}
                    dataSource={task.extensions}
                    scroll={{ x: 720 }}
                  />
                ) : (
                  <Empty description={t('detail.noExtensions')} />
                ),
              },
              {
                key: 'explanations',
                label: `${t('detail.explanations')} (${task.explanations.length})`,
                children: task.explanations.length ? (
                  <List
                    dataSource={task.explanations}
                    renderItem={(e) => (
                      <List.Item key={e.id}>
                        <div style={{ width: '100%' }}>
                          <Typography.Text strong>{t('detail.expl.question')}: </Typography.Text>
                          <span className="pre-wrap">{e.question}</span>
                          <div className="task-sub">{t('detail.expl.by', { name: e.requested_by.name, time: formatDate(e.requested_on) })}</div>
                          <div style={{ marginTop: 8 }}>
                            <Typography.Text strong>{t('detail.expl.answer')}: </Typography.Text>
                            {e.answer !== null ? (
                              <>
                                <span className="pre-wrap">{e.answer}</span>
                                <div className="task-sub">
                                  {t('detail.expl.by', { name: e.answered_by?.name ?? '', time: formatDate(e.answered_on) })}
                                </div>
                              </>
                            ) : (
                              <>
                                <Tag color="orange">{t('detail.expl.waiting')}</Tag>
                                {p.answer_explanation && (
                                  <Button size="small" className="no-print" onClick={() => setAction({ kind: 'answer', explanationId: e.id })}>
                                    {t('detail.answer')}
                                  </Button>
                                )}
                              </>
                            )}
                          </div>
                        </div>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty description={t('detail.noExplanations')} />
                ),
              },
              {
                key: 'subtasks',
                label: `${t('task.subtasks')} (${task.subtasks.length})`,
                children: (
                  <>
                    <Space className="no-print" style={{ marginBottom: 12 }} wrap>
                      {canCreateTask(user.role) && !closed && (
                        <Link to={`/tasks/new?parent=${task.id}`}>
                          <Button icon={<PlusOutlined />}>{t('detail.addSubtask')}</Button>
                        </Link>
                      )}
                      {task.subtasks.length > 0 && <Link to={`/tasks?parent=${task.id}`}>{t('detail.allSubtasks')}</Link>}
                    </Space>
                    <TaskTable
                      items={task.subtasks}
                      total={task.subtasks.length}
                      page={1}
                      pageSize={task.subtasks.length || 1}
                      noPaging
                      empty={<Empty description={t('detail.noSubtasks')} />}
                    />
                  </>
                ),
              },
              {
                key: 'history',
                label: t('detail.timeline'),
                children: history ? (
                  <TaskHistory events={history} task={task} organizations={orgs.data} people={people.data} sources={sources.data} />
                ) : (
                  <Empty image={<FileOutlined />} description={t('detail.noHistory')} />
                ),
              },
            ]}
          />
        </Card>
      </Space>

      <TaskActionModal
        task={task}
        action={action}
        people={people.data}
        onClose={() => setAction(null)}
        onDone={onDone}
        onConflict={() => void load()}
      />
    </>
  );
}
