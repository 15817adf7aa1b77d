import { Link } from 'react-router-dom';
import { Button, Space } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  FormOutlined,
  QuestionCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { Task } from '../../api/types';
import { useT } from '../../i18n';
import { PrintButton } from '../PrintButton';
import type { TaskAction } from '../TaskActionModal';
import type { TaskView } from './taskView';

/** The buttons of what may be done on the task now: only those the task's state allows. */
export function TaskActions({ task, view, onAction }: { task: Task; view: TaskView; onAction: (action: TaskAction) => void }) {
  const t = useT();
  const { permissions: p, closed, done } = view;
  const open = !closed && !done;
  return (
    <Space wrap className="no-print">
      {p.report_progress && open && (
        <Button type="primary" icon={<FormOutlined />} onClick={() => onAction({ kind: 'progress' })}>
          {t('detail.reportProgress')}
        </Button>
      )}
      {p.complete && open && (
        <Button icon={<CheckCircleOutlined />} onClick={() => onAction({ kind: 'complete' })}>
          {t('detail.complete')}
        </Button>
      )}
      {p.request_extension && open && !view.pendingExtension && (
        <Button icon={<ClockCircleOutlined />} onClick={() => onAction({ kind: 'extension' })}>
          {t('detail.requestExtension')}
        </Button>
      )}
      {p.request_explanation && !closed && (
        <Button icon={<QuestionCircleOutlined />} onClick={() => onAction({ kind: 'explain' })}>
          {t('detail.requestExplanation')}
        </Button>
      )}
      {p.edit && !closed && (
        <Link to={`/tasks/${task.id}/edit`}>
          <Button icon={<EditOutlined />}>{t('detail.edit')}</Button>
        </Link>
      )}
      {p.cancel && !closed && (
        <Button danger icon={<StopOutlined />} onClick={() => onAction({ kind: 'cancel' })}>
          {t('detail.cancel')}
        </Button>
      )}
      <PrintButton />
    </Space>
  );
}
