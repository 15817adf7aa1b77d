import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import { LockOutlined, StarFilled } from '@ant-design/icons';
import type { Task } from '../../api/types';
import { useT } from '../../i18n';
import { StatusTags } from '../StatusTag';

/** The task's title, number and state tags, with the actions beside them. */
export function TaskHeader({ task, actions }: { task: Task; actions: ReactNode }) {
  const t = useT();
  return (
    <div className="page-header">
      <Space direction="vertical" size={4} style={{ minWidth: 0, flex: '1 1 420px' }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {task.is_key && <StarFilled style={{ color: '#ad6800', marginRight: 8 }} aria-label={t('task.isKey')} />}
          {task.title}
        </Typography.Title>
        <Space wrap size={4}>
          <Typography.Text type="secondary">#{task.id}</Typography.Text>
          <StatusTags status={task.status} warning={task.warning} />
          {task.extended && <Tag color="purple">{t('task.extended')}</Tag>}
          {task.restricted && (
            <Tag icon={<LockOutlined />} color="default">
              {t('detail.restrictedNote')}
            </Tag>
          )}
        </Space>
      </Space>
      {actions}
    </div>
  );
}
