import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { App, Card, Empty, Space, Tabs } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { getHistory, getTask } from '../api/tasks';
import type { Task } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFoundResult } from '../components/NotFoundResult';
import { PageSpinner } from '../components/PageSpinner';
import { ExplanationsList } from '../components/task/ExplanationsList';
import { ExtensionsTable } from '../components/task/ExtensionsTable';
import { PastDateBanner } from '../components/task/PastDateBanner';
import { ProgressUpdates } from '../components/task/ProgressUpdates';
import { SubtasksPanel } from '../components/task/SubtasksPanel';
import { TaskActions } from '../components/task/TaskActions';
import { TaskHeader } from '../components/task/TaskHeader';
import { CancelledBanner, OpenExplanationBanner, PendingExtensionBanner } from '../components/task/TaskNotices';
import { TaskSummary } from '../components/task/TaskSummary';
import { taskView } from '../components/task/taskView';
import { TaskActionModal, type TaskAction } from '../components/TaskActionModal';
import { TaskHistory } from '../components/TaskHistory';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { useOrganizations, usePeople, useSources } from '../lib/refData';
import { useLoad } from '../lib/useLoad';

/** One task, as of today or as of the date in `?as_of=`, with what may be done on it. */
export default function TaskPage() {
  const t = useT();
  const { id: idParam } = useParams();
  const [searchParams] = useSearchParams();
  const asOf = searchParams.get('as_of') ?? undefined;
  const id = Number(idParam);
  const validId = Number.isSafeInteger(id) && id >= 1;
  const { message } = App.useApp();
  const [action, setAction] = useState<TaskAction | null>(null);
  const [tab, setTab] = useState('updates');
  const orgs = useOrganizations();
  const people = usePeople();
  const sources = useSources();
  const loaded = useLoad(validId ? (signal) => getTask(id, asOf, signal) : null, [id, asOf]);
  const history = useLoad(validId ? (signal) => getHistory(id, asOf, signal).then((h) => h.items) : null, [id, asOf]);
  const task = loaded.data;
  usePageTitle(task?.title ?? (idParam ? `#${idParam}` : null));

  if (!task) {
    if (loaded.loading) return <PageSpinner />;
    if (!validId || (loaded.error instanceof ApiError && loaded.error.status === 404)) {
      return <NotFoundResult title={t('detail.notFound')} backTo="/tasks" backText={t('detail.back')} />;
    }
    return loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : null;
  }

  const view = taskView(task, asOf);
  const p = view.permissions;
  const { pendingExtension, openExplanation } = view;
  const decide = p.decide_extension ? setAction : undefined;
  const answer = p.answer_explanation ? (explanationId: number) => setAction({ kind: 'answer', explanationId }) : undefined;
  const reload = () => {
    loaded.reload();
    history.reload();
  };
  const onDone = (next: Task) => {
    loaded.setData(next);
    setAction(null);
    void message.success(t('detail.saved'));
    history.reload();
  };

  const tabs = [
    {
      key: 'updates',
      label: `${t('detail.updates')} (${task.updates.length})`,
      children: (
        <ProgressUpdates
          taskId={task.id}
          updates={task.updates}
          mayReport={p.report_progress}
          onReport={p.report_progress && !view.closed && !view.done ? () => setAction({ kind: 'progress' }) : undefined}
        />
      ),
    },
    {
      key: 'extensions',
      label: `${t('detail.extensions')} (${task.extensions.length})`,
      children: <ExtensionsTable extensions={task.extensions} onAction={decide} />,
    },
    {
      key: 'explanations',
      label: `${t('detail.explanations')} (${task.explanations.length})`,
      children: <ExplanationsList explanations={task.explanations} onAnswer={answer} />,
    },
    {
      key: 'subtasks',
      label: `${t('task.subtasks')} (${task.subtasks.length})`,
      children: <SubtasksPanel task={task} closed={view.closed} />,
    },
    {
      key: 'history',
      label: t('detail.timeline'),
      children: history.data ? (
        <TaskHistory events={history.data} task={task} organizations={orgs.data} people={people.data} sources={sources.data} />
      ) : (
        <Empty image={<FileOutlined />} description={t('detail.noHistory')} />
      ),
    },
  ];

  return (
    <>
      <TaskHeader task={task} actions={<TaskActions task={task} view={view} onAction={setAction} />} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {view.past && <PastDateBanner task={task} />}
        {view.closed && <CancelledBanner task={task} />}
        {pendingExtension && <PendingExtensionBanner extension={pendingExtension} onAction={decide} />}
        {openExplanation && <OpenExplanationBanner explanation={openExplanation} onAnswer={answer && (() => answer(openExplanation.id))} />}
        <TaskSummary task={task} view={view} asOf={asOf} />
        <Card size="small">
          <Tabs activeKey={tab} onChange={setTab} items={tabs} />
        </Card>
      </Space>
      <TaskActionModal
        task={task}
        action={action}
        people={people.data}
        onClose={() => setAction(null)}
        onDone={onDone}
        onConflict={reload}
      />
    </>
  );
}
