import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App } from 'antd';
import { ApiError } from '../api/client';
import { createTask, getTask, updateTask } from '../api/tasks';
import type { Task, TaskCreate, TaskUpdate } from '../api/types';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { editableFields, TaskForm } from '../components/TaskForm';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { useOrganizations, usePeople, useSources } from '../lib/refData';
import { useLoad } from '../lib/useLoad';

/** Only the fields that differ from the task (the API wants nothing else in a PATCH). */
export function taskPatch(task: Task, body: TaskCreate): TaskUpdate {
  const current: TaskUpdate = editableFields(task);
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
  const orgs = useOrganizations();
  const people = usePeople();
  const sources = useSources();
  usePageTitle(editing ? t('form.editTitle', { id: idParam ?? '' }) : t('form.newTitle'));
  const loaded = useLoad(editing ? (signal) => getTask(id, undefined, signal) : null, [editing, id]);
  const task = loaded.data;

  // A subtask starts from its parent's source and leader.
  const parentParam = Number(params.get('parent'));
  const parent = useLoad(!editing && parentParam > 0 ? (signal) => getTask(parentParam, undefined, signal) : null, [
    editing,
    parentParam,
  ]);
  const parentTask = parent.data;

  if (editing && loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if ((editing && !task) || parent.loading) return <PageSpinner />;
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
        // The form shows the task as it is now before saying why it was refused.
        loaded.setData(await getTask(task.id));
        throw new ApiError(e.status, e.code, t('form.stale'));
      }
      throw e;
    }
  };

  return (
    <>
      <PageHeader title={editing ? t('form.editTitle', { id: idParam ?? '' }) : t('form.newTitle')} />
      <TaskForm
        mode={editing ? 'edit' : 'create'}
        task={task ?? undefined}
        defaults={defaults}
        organizations={orgs.data}
        agencyId={user.agency_id}
        leadWithin={user.role === 'unit_head' ? user.organization_id : undefined}
        people={people.data}
        sources={sources.data}
        onSubmit={submit}
        onCancel={() => navigate(editing ? `/tasks/${id}` : '/tasks')}
        parentLabel={parentTask ? `#${parentTask.id} · ${parentTask.title}` : undefined}
      />
    </>
  );
}
