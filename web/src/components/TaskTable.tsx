import { Card, Empty, Grid, List, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { StarFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { TaskSummary } from '../api/types';
import { useT } from '../i18n';
import { daysBetween, deadlineText, formatDate } from '../lib/format';
import { PAGE_SIZES } from '../lib/taskFilter';
import { StatusTag, WarningTag } from './StatusTag';

export interface TaskTableProps {
  items: TaskSummary[];
  total: number;
  page: number;
  pageSize: number;
  asOf?: string;
  loading?: boolean;
  sort?: string[];
  onPage?: (page: number, pageSize: number) => void;
  onSort?: (sort: string[] | undefined) => void;
  empty?: React.ReactNode;
  /** Hide the pager (e.g. a short embedded list). */
  noPaging?: boolean;
  /** Open tasks as of this date (the list's as_of filter), so the page shows the same status. */
  linkAsOf?: string;
}

const SORTABLE: Record<string, string> = { id: 'id', title: 'title', assigned_on: 'assigned_on', deadline: 'deadline' };

function DeadlineCell({ task, asOf }: { task: TaskSummary; asOf?: string }) {
  const t = useT();
  const inForce = task.deadline_in_force ?? task.deadline;
  const text = deadlineText(inForce, task.extended ? '' : task.deadline_label, t('task.ongoing'));
  let hint: string | null = null;
  if (inForce && asOf && !task.completed_on && !task.cancelled_on) {
    const d = daysBetween(asOf, inForce);
    hint = d >= 0 ? t('list.daysLeft', { n: d }) : t('list.daysLate', { n: -d });
  }
  return (
    <div>
      <div>{text}</div>
      {task.extended && (
        <Tooltip title={`${t('task.originalDeadline')}: ${formatDate(task.deadline)}`}>
          <Tag color="purple" style={{ marginTop: 2 }}>
            {t('task.extended')}
          </Tag>
        </Tooltip>
      )}
      {hint && <div className="task-sub">{hint}</div>}
    </div>
  );
}

export function TaskTable({
  items,
  total,
  page,
  pageSize,
  asOf,
  loading,
  sort,
  onPage,
  onSort,
  empty,
  noPaging,
  linkAsOf,
}: TaskTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const href = (id: number) => (linkAsOf ? `/tasks/${id}?as_of=${linkAsOf}` : `/tasks/${id}`);
  const sortKey = sort?.[0];
  const sortField = sortKey?.replace(/^-/, '');
  const sortOrder = (field: string) =>
    sortField === field ? (sortKey?.startsWith('-') ? ('descend' as const) : ('ascend' as const)) : null;

  const pagination: TablePaginationConfig | false = noPaging
    ? false
    : {
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (tot, [from, to]) => t('list.pageTotal', { from, to, total: tot }),
        onChange: (p, s) => onPage?.(s !== pageSize ? 1 : p, s),
        position: ['bottomRight'],
        responsive: true,
      };

  if (screens.md === false) {
    return (
      <List
        className="task-cards"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: empty ?? <Empty description={t('list.empty')} /> }}
        pagination={
          pagination
            ? {
                current: page,
                pageSize,
                total,
                onChange: (p, s) => onPage?.(s !== pageSize ? 1 : p, s),
                size: 'small',
                showSizeChanger: false,
                align: 'center',
              }
            : false
        }
        renderItem={(task) => (
          <Card size="small" onClick={() => navigate(href(task.id))} hoverable>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Link to={href(task.id)} className="task-title-cell" onClick={(e) => e.stopPropagation()}>
                {task.is_key && <StarFilled style={{ color: '#ad6800', marginRight: 4 }} aria-label={t('task.key')} />}
                {task.title}
              </Link>
              <Space wrap size={4}>
                <StatusTag status={task.status} />
                <WarningTag warning={task.warning} />
              </Space>
              <div className="task-sub">
                {t('task.leadOrg')}: {task.lead_org.name}
              </div>
              <div className="task-sub">
                {t('task.deadline')}: <DeadlineCell task={task} asOf={asOf} />
              </div>
              <Progress percent={task.progress} size="small" />
            </Space>
          </Card>
        )}
      />
    );
  }

  const columns: TableProps<TaskSummary>['columns'] = [
    {
      title: t('task.id'),
      dataIndex: 'id',
      key: 'id',
      width: 72,
      sorter: !!onSort,
      sortOrder: sortOrder('id'),
      render: (id: number) => `#${id}`,
    },
    {
      title: t('task.title'),
      dataIndex: 'title',
      key: 'title',
      sorter: !!onSort,
      sortOrder: sortOrder('title'),
      render: (_: string, task) => (
        <div>
          <Link to={href(task.id)} className="task-title-cell" onClick={(e) => e.stopPropagation()}>
            {task.is_key && (
              <Tooltip title={t('task.isKey')}>
                <StarFilled style={{ color: '#ad6800', marginRight: 4 }} aria-label={t('task.key')} />
              </Tooltip>
            )}
            {task.title}
          </Link>
          <div className="task-sub">
            {task.source_doc_number}
            {task.leader ? ` · ${t('task.leader')}: ${task.leader.name}` : ''}
          </div>
        </div>
      ),
    },
    {
      title: t('task.status'),
      dataIndex: 'status',
      key: 'status',
      width: 190,
      render: (_: unknown, task) => (
        <Space direction="vertical" size={2}>
          <StatusTag status={task.status} />
          <WarningTag warning={task.warning === 'overdue' || task.warning === 'due_soon' ? task.warning : 'none'} />
        </Space>
      ),
    },
    {
      title: t('task.deadline'),
      dataIndex: 'deadline',
      key: 'deadline',
      width: 160,
      sorter: !!onSort,
      sortOrder: sortOrder('deadline'),
      render: (_: unknown, task) => <DeadlineCell task={task} asOf={asOf} />,
    },
    {
      title: t('task.leadOrg'),
      dataIndex: ['lead_org', 'name'],
      key: 'lead_org',
      width: 220,
    },
    {
      title: t('task.assignedOn'),
      dataIndex: 'assigned_on',
      key: 'assigned_on',
      width: 120,
      sorter: !!onSort,
      sortOrder: sortOrder('assigned_on'),
      render: (d: string) => formatDate(d),
    },
    {
      title: t('task.progress'),
      dataIndex: 'progress',
      key: 'progress',
      width: 130,
      render: (p: number) => <Progress percent={p} size="small" />,
    },
  ];

  const onChange: TableProps<TaskSummary>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort' || !onSort) return;
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<TaskSummary>;
    const field = SORTABLE[String(s.columnKey ?? '')];
    if (!field || !s.order) onSort(undefined);
    else onSort([s.order === 'descend' ? `-${field}` : field]);
  };

  return (
    <Table<TaskSummary>
      className="task-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      onChange={onChange}
      scroll={{ x: 1000 }}
      sortDirections={['ascend', 'descend']}
      showSorterTooltip={false}
      locale={{ emptyText: empty ?? <Empty description={t('list.empty')} /> }}
      onRow={(task) => ({
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('a,button')) return;
          navigate(href(task.id));
        },
      })}
      footer={
        asOf
          ? () => (
              <Typography.Text type="secondary">
                {t('task.asOf', { date: formatDate(asOf) })}
              </Typography.Text>
            )
          : undefined
      }
    />
  );
}
