import { memo, useCallback, useMemo } from 'react';
import { Card, Empty, Grid, List, Space, Table, Typography } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { StarFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { TaskSummary } from '../api/types';
import { useT } from '../i18n';
import { daysBetween, formatDate, taskDeadlineText } from '../lib/format';
import { PAGE_SIZES } from '../lib/taskFilter';
import { StatusTags } from './StatusTag';

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

/**
 * A progress bar without antd's Progress (50 of them made a list re-render noticeably slower);
 * same look: a thin bar and the percentage.
 */
export function ProgressBar({ percent }: { percent: number }) {
  const t = useT();
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      className="task-progress"
      role="progressbar"
      aria-label={t('task.progressAria', { percent: p })}
      aria-valuenow={p}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <span className="task-progress-track">
        <span className={p >= 100 ? 'task-progress-bar task-progress-done' : 'task-progress-bar'} style={{ width: `${p}%` }} />
      </span>
      <span className="task-progress-text">{p}%</span>
    </div>
  );
}

const DeadlineCell = memo(function DeadlineCell({ task, asOf }: { task: TaskSummary; asOf?: string }) {
  const t = useT();
  const inForce = task.deadline_in_force ?? task.deadline;
  const text = taskDeadlineText(t, task);
  let hint: string | null = null;
  if (inForce && asOf && !task.completed_on && !task.cancelled_on) {
    const d = daysBetween(asOf, inForce);
    hint = d >= 0 ? t('list.daysLeft', { n: d }) : t('list.daysLate', { n: -d });
  }
  return (
    <div>
      <div>{text}</div>
      {hint && <div className="task-sub">{hint}</div>}
    </div>
  );
});

/**
 * The list of tasks: a table on wide screens, cards on phones. While `loading`, the previous rows
 * stay (dimmed) under a thin progress line; the rows themselves are a memoised component, so
 * turning the loading state on and off does not re-render them.
 */
export function TaskTable({ loading, ...rest }: TaskTableProps) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const cards = screens.md === false;
  return (
    <div className={loading ? 'task-table-wrap task-table-busy' : 'task-table-wrap'} aria-busy={loading || undefined}>
      {loading && !cards && <div className="task-table-loading" role="progressbar" aria-label={t('app.loading')} />}
      <TaskRows {...rest} cardsLoading={cards && !!loading} />
    </div>
  );
}

const sameProps = (a: TaskRowsProps, b: TaskRowsProps) =>
  (Object.keys(a) as (keyof TaskRowsProps)[]).every((k) =>
    k === 'sort' ? (a.sort ?? []).join(',') === (b.sort ?? []).join(',') : a[k] === b[k],
  ) && Object.keys(a).length === Object.keys(b).length;

type TaskRowsProps = Omit<TaskTableProps, 'loading'> & { cardsLoading: boolean };

const TaskRows = memo(function TaskRows({
  items,
  total,
  page,
  pageSize,
  asOf,
  cardsLoading,
  sort,
  onPage,
  onSort,
  empty,
  noPaging,
  linkAsOf,
}: TaskRowsProps) {
  const t = useT();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const href = useCallback((id: number) => (linkAsOf ? `/tasks/${id}?as_of=${linkAsOf}` : `/tasks/${id}`), [linkAsOf]);
  const sortKey = sort?.[0];
  const sortable = !!onSort;
  // The title links are plain <a>s (fifty router Links cost a re-render each): a plain click is
  // routed in the page, a click with a modifier key or the middle button is left to the browser.
  const follow = useCallback(
    (e: React.MouseEvent<HTMLAnchorElement>) => {
      e.stopPropagation();
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(e.currentTarget.getAttribute('href')!);
    },
    [navigate],
  );

  const pagination: TablePaginationConfig | false = useMemo(
    () =>
      noPaging
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
          },
    [noPaging, page, pageSize, total, t, onPage],
  );

  // The columns only change with the language, the sort and the as-of date: a new page of rows
  // re-renders the rows, not the column definitions.
  const columns = useMemo<TableProps<TaskSummary>['columns']>(() => {
    const sortField = sortKey?.replace(/^-/, '');
    const sortOrder = (field: string) =>
      sortField === field ? (sortKey?.startsWith('-') ? ('descend' as const) : ('ascend' as const)) : null;
    return [
      {
        title: t('task.id'),
        dataIndex: 'id',
        key: 'id',
        width: 64,
        sorter: sortable,
        sortOrder: sortOrder('id'),
        render: (id: number) => `#${id}`,
      },
      {
        title: t('task.title'),
        dataIndex: 'title',
        key: 'title',
        sorter: sortable,
        sortOrder: sortOrder('title'),
        render: (_: string, task) => (
          <div className="task-title-wrap">
            <a href={href(task.id)} className="task-title-cell" onClick={follow} title={task.title}>
              {task.is_key && <StarFilled style={{ color: '#ad6800', marginRight: 4 }} aria-label={t('task.key')} />}
              {task.title}
            </a>
            <div className="task-sub task-sub-line">
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
        width: 168,
        render: (_: unknown, task) => (
          <div className="task-status-cell">
            <StatusTags status={task.status} warning={task.warning === 'overdue' || task.warning === 'due_soon' ? task.warning : 'none'} />
          </div>
        ),
      },
      {
        title: t('task.deadline'),
        dataIndex: 'deadline',
        key: 'deadline',
        width: 132,
        sorter: sortable,
        sortOrder: sortOrder('deadline'),
        render: (_: unknown, task) => <DeadlineCell task={task} asOf={asOf} />,
      },
      {
        title: t('task.leadOrg'),
        dataIndex: ['lead_org', 'name'],
        key: 'lead_org',
        width: 168,
        // Wrapped, not cut: many units' names differ only at the end ("Phòng Quản lý vận tải, …",
        // "Phòng Quản lý chất lượng …").
        className: 'task-lead-org',
      },
      {
        title: t('task.assignedOn'),
        dataIndex: 'assigned_on',
        key: 'assigned_on',
        width: 104,
        sorter: sortable,
        sortOrder: sortOrder('assigned_on'),
        responsive: ['xl'],
        render: (d: string) => formatDate(d),
      },
      {
        title: t('task.progress'),
        dataIndex: 'progress',
        key: 'progress',
        width: 104,
        render: (p: number) => <ProgressBar percent={p} />,
      },
    ];
  }, [t, sortKey, sortable, asOf, href, follow]);

  const onRow = useCallback<NonNullable<TableProps<TaskSummary>['onRow']>>(
    (task) => ({
      onClick: (e) => {
        if ((e.target as HTMLElement).closest('a,button')) return;
        navigate(href(task.id));
      },
    }),
    [navigate, href],
  );

  const onChange = useCallback<NonNullable<TableProps<TaskSummary>['onChange']>>(
    (_p, _f, sorter, extra) => {
      if (extra.action !== 'sort' || !onSort) return;
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<TaskSummary>;
      const field = SORTABLE[String(s.columnKey ?? '')];
      if (!field || !s.order) onSort(undefined);
      else onSort([s.order === 'descend' ? `-${field}` : field]);
    },
    [onSort],
  );

  const footer = useMemo(
    () =>
      asOf
        ? () => <Typography.Text type="secondary">{t('task.asOf', { date: formatDate(asOf) })}</Typography.Text>
        : undefined,
    [asOf, t],
  );
  const tableLocale = useMemo(() => ({ emptyText: empty ?? <Empty description={t('list.empty')} /> }), [empty, t]);

  if (screens.md === false) {
    return (
      <List
        className="task-cards"
        split={false}
        loading={cardsLoading}
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
        // Each card in a List.Item: the list is a <ul>, whose children must be <li>s.
        renderItem={(task) => (
          <List.Item>
            <Card size="small" onClick={() => navigate(href(task.id))} hoverable>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Link to={href(task.id)} className="task-title-cell" onClick={(e) => e.stopPropagation()}>
                  {task.is_key && <StarFilled style={{ color: '#ad6800', marginRight: 4 }} aria-label={t('task.key')} />}
                  {task.title}
                </Link>
                <Space wrap size={4}>
                  <StatusTags status={task.status} warning={task.warning} />
                </Space>
                <div className="task-sub">
                  {t('task.leadOrg')}: {task.lead_org.name}
                </div>
                <div className="task-sub">
                  {t('task.deadline')}: <DeadlineCell task={task} asOf={asOf} />
                </div>
                <ProgressBar percent={task.progress} />
              </Space>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  // No antd `loading` (a Spin that re-renders every row twice per change): see TaskTable.
  return (
      <Table<TaskSummary>
        className="task-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={pagination}
        onChange={onChange}
        scroll={SCROLL}
        sortDirections={SORT_DIRECTIONS}
        showSorterTooltip={false}
        locale={tableLocale}
        onRow={onRow}
        footer={footer}
      />
  );
}, sameProps);

const SCROLL = { x: 900 };
const SORT_DIRECTIONS: ('ascend' | 'descend')[] = ['ascend', 'descend'];
