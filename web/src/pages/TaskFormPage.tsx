import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Typography } from 'antd';
import { ApiError } from '../api/client';
import { createTask, getTask, updateTask } from '../api/tasks';
import type { Task, TaskCreate, TaskUpdate } from '../api/types';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageSpinner } from '../components/PageSpinner';
import { TaskForm } from '../components/TaskForm';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { useOrganizations, usePeople, useSources } from '../lib/refData';

/** Only the fields that differ from the task (the API wants nothing else in a PATCH). */
export function taskPatch(task: Task, body: TaskCreate): TaskUpdate {
  const current: TaskUpdate = {
    source_id: task.source_id,
    parent_id: task.parent_id,
    title: task.title,
    content: task.content,
    is_key: task.is_key,
    restricted: task.restricted,
    lead_org_id: task.lead_org.id,
    cooperator_ids: task.cooperators.map((c) => c.id),
    leader_id: task.leader?.id ?? null,
    assignee_ids: task.assignees.map((a) => a.id),
    product: task.product,
    assigned_on: task.assigned_on,
  };
  const patch: TaskUpdate = {};
  const sameSet = (a: number[] = [], b: number[] = []) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  for (const key of Object.keys(current) as (keyof TaskUpdate)[]) {
    const next = body[key as keyof TaskCreate];
    if (next === undefined) continue;
    const cur = current[key];
    const changed = Array.isArray(cur) ? !sameSet(cur as number[], next as number[]) : cur !== next;
    if (changed) (patch as Record<string, unknown>)[key] = next;
  }
  return patch;
}

export default function TaskFormPage() {
  const t = useT();
  const user = useUser();
  const { id: idParam } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const editing = idParam !== undefined;
  const id = Number(idParam);
  const [task, setTask] = useState<Task | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [resetKey, setResetKey] = useState(0);
  const orgs = useOrganizations();
  const people = usePeople();
  const sources = useSources();
  usePageTitle(editing ? t('form.editTitle', { id: idParam ?? '' }) : t('form.newTitle'));

  const load = useCallback(async () => {
    if (!editing) return;
    try {
      setLoadError(null);
      const tk = await getTask(id);
      setTask(tk);
      setResetKey((k) => k + 1);
    } catch (e) {
      setLoadError(e);
    }
  }, [editing, id]);

  useEffect(() => {
    void load();
  }, [load]);

  // A subtask starts from its parent's source and leader.
  const parentParam = Number(params.get('parent'));
  const [parentTask, setParentTask] = useState<Task | null>(null);
  const [parentLoading, setParentLoading] = useState(!editing && parentParam > 0);
  useEffect(() => {
    if (editing || !(parentParam > 0)) return;
    let live = true;
    getTask(parentParam)
      .then((p) => live && setParentTask(p))
      .catch(() => {})
      .finally(() => live && setParentLoading(false));
    return () => {
      live = false;
    };
  }, [editing, parentParam]);

  if (editing && loadError) return <ErrorAlert error={loadError} onRetry={() => void load()} />;
  if ((editing && !task) || parentLoading) return <PageSpinner />;
  if ((!editing && !canCreateTask(user.role)) || (editing && task && !task.permissions.edit)) {
    return <Alert type="warning" showIcon message={t('form.forbidden')} />;
  }

  const source = Number(params.get('source'));
  const defaults = {
    parent_id: parentParam > 0 ? parentParam : undefined,
    source_id: source > 0 ? source : parentTask?.source_id,
    leader_id: parentTask?.leader?.id,
    lead_org_id: user.role === 'unit_head' ? user.organization_id : undefined,
  };

  const submit = async (body: TaskCreate) => {
    if (!editing) {
      const created = await createTask(body);
      void message.success(t('form.created'));
      navigate(`/tasks/${created.id}`);
      return;
    }
    if (!task) return;
    const patch = taskPatch(task, body);
    if (Object.keys(patch).length === 0) {
      void message.info(t('form.noChanges'));
      return;
    }
    try {
      const saved = await updateTask(task.id, task.version, patch);
      void message.success(t('form.saved'));
      navigate(`/tasks/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 428)) {
        await load();
        throw new ApiError(e.status, e.code, t('form.stale'));
      }
      throw e;
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={2}>{editing ? t('form.editTitle', { id: idParam ?? '' }) : t('form.newTitle')}</Typography.Title>
      </div>
      <TaskForm
        mode={editing ? 'edit' : 'create'}
        task={task ?? undefined}
        defaults={defaults}
        organizations={orgs.data}
        people={people.data}
        sources={sources.data}
        onSubmit={submit}
        onCancel={() => navigate(editing ? `/tasks/${id}` : '/tasks')}
        resetKey={resetKey}
        parentLabel={parentTask ? `#${parentTask.id} · ${parentTask.title}` : undefined}
      />
    </>
  );
}
