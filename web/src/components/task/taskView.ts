// What the task page may offer on a task, worked out once for all its sections.
import type { Extension, Explanation, Task, TaskPermissions } from '../../api/types';
import { todayIso } from '../../lib/format';

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

export interface TaskView {
  /** The page shows the task as it stood on a past date. */
  past: boolean;
  /** What the user may do; nothing on a past date, since actions act on today's task. */
  permissions: TaskPermissions;
  /** Cancelled or withdrawn. */
  closed: boolean;
  done: boolean;
  pendingExtension?: Extension;
  openExplanation?: Explanation;
}

export function taskView(task: Task, asOf: string | undefined): TaskView {
  const past = !!asOf && asOf < todayIso();
  return {
    past,
    permissions: past ? NO_ACTIONS : task.permissions,
    closed: task.status === 'cancelled' || !!task.cancelled_on,
    done: !!task.completed_on,
    pendingExtension: task.extensions.find((e) => e.state === 'pending'),
    openExplanation: task.explanations.find((e) => e.answer === null),
  };
}
