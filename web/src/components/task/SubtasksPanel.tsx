import { Link } from 'react-router-dom';
import { Button, Empty, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Task } from '../../api/types';
import { canCreateTask, useUser } from '../../auth/AuthProvider';
import { useT } from '../../i18n';
import { TaskTable } from '../TaskTable';

/** The task's subtasks, with a way to add one while the task is not closed. */
export function SubtasksPanel({ task, closed }: { task: Task; closed: boolean }) {
  const t = useT();
  const user = useUser();
  return (
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
  );
}
