import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { attachmentUrl } from '../../api/tasks';
import type { ProgressUpdate } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { formatDate, formatFileSize, formatTimestamp } from '../../lib/format';

interface Props {
  taskId: number;
  updates: ProgressUpdate[];
  /** The user may report progress on the task (the empty list says how). */
  mayReport: boolean;
  /** Offered when a report can be made now. */
  onReport?: () => void;
}

/** The progress reports, latest first, each with its attachments. */
export function ProgressUpdates({ taskId, updates, mayReport, onReport }: Props) {
  const t = useT();
  const [lang] = useLang();
  if (updates.length === 0) {
    return (
      <Empty description={`${t('detail.noUpdates')} ${mayReport ? t('detail.noUpdatesAction') : ''}`}>
        {onReport && (
          <Button type="primary" onClick={onReport}>
            {t('detail.reportProgress')}
          </Button>
        )}
      </Empty>
    );
  }
  const latestFirst = [...updates].sort((a, b) => b.reported_on.localeCompare(a.reported_on) || b.recorded_at - a.recorded_at);
  return (
    <List
      itemLayout="vertical"
      dataSource={latestFirst}
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
                  <a href={attachmentUrl(taskId, a.id)} download={a.file_name}>
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
  );
}
