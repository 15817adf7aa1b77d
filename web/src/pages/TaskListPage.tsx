import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Empty, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { exportUrl, listTasks } from '../api/tasks';
import type { TaskPage } from '../api/types';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { TaskFilterBar } from '../components/TaskFilterBar';
import { TaskTable } from '../components/TaskTable';
import { useLang, useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatNumber } from '../lib/format';
import { useOrganizations, usePeople, useSources } from '../lib/refData';
import {
  DEFAULT_PAGE_SIZE,
  hasConditions,
  parseTaskFilter,
  taskFilterToParams,
  type TaskFilter,
} from '../lib/taskFilter';

const SORT_CHOICES = ['deadline', '-deadline', '-assigned_on', 'assigned_on', 'title', '-updated', '-id'];

export default function TaskListPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => parseTaskFilter(searchParams), [searchParams]);
  const apiParams = useMemo(() => taskFilterToParams(filter), [filter]);
  const key = apiParams.toString();
  const [data, setData] = useState<TaskPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const orgs = useOrganizations();
  const people = usePeople();
  const sources = useSources();
  usePageTitle(t('list.title'));

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    listTasks(new URLSearchParams(key), ctl.signal)
      .then((page) => setData(page))
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setError(e);
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [key, reload]);

  const update = useCallback(
    (next: TaskFilter, replace = false) => {
      setSearchParams(taskFilterToParams(next), { replace });
    },
    [setSearchParams],
  );

  const onFilter = useCallback(
    (next: TaskFilter) => {
      // Typing in the search box replaces the history entry; other changes push one.
      update(next, (next.q ?? '') !== (filter.q ?? ''));
    },
    [update, filter],
  );

  const exportHref = exportUrl(taskFilterToParams(filter, { paging: false }));
  const conditions = hasConditions(filter);

  return (
    <>
      <div className="page-header">
        <Space direction="vertical" size={0}>
          <Typography.Title level={2}>{t('list.title')}</Typography.Title>
          {data && (
            <Typography.Text type="secondary" aria-live="polite">
              {t('list.total', { total: formatNumber(data.total, lang) })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap className="no-print">
          <Select
            aria-label={t('list.sort')}
            value={filter.sort?.join(',') ?? ''}
            onChange={(v) => update({ ...filter, sort: v ? v.split(',') : undefined, page: undefined })}
            options={[
              { value: '', label: t('list.sortDefault') },
              ...SORT_CHOICES.map((s) => ({ value: s, label: t(`list.sort.${s}` as MessageKey) })),
            ]}
            style={{ minWidth: 190 }}
          />
          <Button icon={<FileExcelOutlined />} href={exportHref} download>
            {t('list.export')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('detail.print')}
          </Button>
          {canCreateTask(user.role) && (
            <Link to={filter.parent ? `/tasks/new?parent=${filter.parent}` : '/tasks/new'}>
              <Button type="primary" icon={<PlusOutlined />}>
                {t('list.add')}
              </Button>
            </Link>
          )}
        </Space>
      </div>
      <div className="no-print">
        <TaskFilterBar
          value={filter}
          onChange={onFilter}
          organizations={orgs.data}
          people={people.data}
          sources={sources.data}
        />
      </div>
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} onRetry={() => setReload((r) => r + 1)} />
        </div>
      ) : null}
      <TaskTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={filter.page ?? 1}
        pageSize={filter.page_size ?? DEFAULT_PAGE_SIZE}
        asOf={data?.as_of}
        loading={loading}
        sort={filter.sort}
        linkAsOf={filter.as_of}
        onPage={(page, pageSize) => {
          update({ ...filter, page, page_size: pageSize });
          window.scrollTo({ top: 0 });
        }}
        onSort={(sort) => update({ ...filter, sort, page: undefined })}
        empty={
          <Empty
            description={
              conditions ? (
                <>
                  <div>{t('list.empty')}</div>
                  <div>{t('list.emptyAction')}</div>
                </>
              ) : (
                t('list.emptyNoFilter')
              )
            }
          >
            {conditions ? (
              <Button onClick={() => update({ sort: filter.sort, page_size: filter.page_size })}>{t('list.clear')}</Button>
            ) : canCreateTask(user.role) ? (
              <Link to="/tasks/new">
                <Button type="primary">{t('list.add')}</Button>
              </Link>
            ) : null}
          </Empty>
        }
      />
    </>
  );
}
