import { Empty, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import type { Extension } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { TaskAction } from '../TaskActionModal';
import { DecisionButtons } from './DecisionButtons';

const STATE_COLOUR: Record<Extension['state'], string> = { approved: 'green', refused: 'red', pending: 'orange' };

/** The extension requests and their decisions; `onAction` given: a pending one may be decided. */
export function ExtensionsTable({ extensions, onAction }: { extensions: Extension[]; onAction?: (action: TaskAction) => void }) {
  const t = useT();
  if (extensions.length === 0) return <Empty description={t('detail.noExtensions')} />;
  const columns: TableProps<Extension>['columns'] = [
    { title: t('detail.ext.previous'), dataIndex: 'previous_deadline', render: (d: string | null) => formatDate(d, t('task.ongoing')) },
    { title: t('detail.ext.requested'), dataIndex: 'requested_deadline', render: (d: string) => formatDate(d) },
    { title: t('detail.ext.reason'), dataIndex: 'reason', render: (s: string) => <span className="pre-wrap">{s}</span> },
    {
      title: t('detail.ext.by'),
      key: 'by',
      render: (_, e) => (
        <>
          {e.requested_by.name}
          <div className="task-sub">{formatDate(e.requested_on)}</div>
        </>
      ),
    },
    {
      title: t('detail.ext.state'),
      key: 'state',
      render: (_, e) => (
        <Space direction="vertical" size={2}>
          <Tag color={STATE_COLOUR[e.state]}>{t(`detail.ext.${e.state}` as MessageKey)}</Tag>
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
          {e.state === 'pending' && onAction && <DecisionButtons extensionId={e.id} onAction={onAction} />}
        </Space>
      ),
    },
  ];
  return <Table<Extension> rowKey="id" size="small" pagination={false} columns={columns} dataSource={extensions} scroll={{ x: 720 }} />;
}
