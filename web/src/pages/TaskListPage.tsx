import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
const NO_ITEMS: TaskPage['items'] = [];

// A filter change sends its request from the event handler, before React renders the new URL;
// the page's effect then takes that request instead of sending its own.
let pending: { key: string; promise: Promise<TaskPage>; at: number } | null = null;

function requestList(key: string, fresh = false): Promise<TaskPage> {
  if (!fresh && pending && pending.key === key && Date.now() - pending.at < 5000) return pending.promise;
  const promise = listTasks(new URLSearchParams(key));
  promise.catch(() => {
    /* reported by the page that uses it */
  });
  pending = { key, promise, at: Date.now() };
  return promise;
}

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

  const seenReload = useRef(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    // A retry asks again; the first load and URL changes use the request already sent, if any.
    const retry = reload !== seenReload.current;
    seenReload.current = reload;
    requestList(key, retry)
      .then((page) => live && setData(page))
      .catch((e: unknown) => {
        if (live) setError(e);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [key, reload]);

  // Callbacks that stay the same from render to render (the filter bar and the rows are memoised).
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const update = useCallback(
    (next: TaskFilter, replace = false) => {
      const params = taskFilterToParams(next);
      void requestList(params.toString());
      setLoading(true);
      setSearchParams(params, { replace });
    },
    [setSearchParams],
  );

  const onFilter = useCallback(
    (next: TaskFilter) => {
      // Typing in the search box replaces the history entry; other changes push one.
      update(next, (next.q ?? '') !== (filterRef.current.q ?? ''));
    },
    [update],
  );
  const onPage = useCallback(
    (page: number, pageSize: number) => {
      update({ ...filterRef.current, page, page_size: pageSize });
      window.scrollTo({ top: 0 });
    },
    [update],
  );
  const onSort = useCallback(
    (sort: string[] | undefined) => update({ ...filterRef.current, sort, page: undefined }),
    [update],
  );
  const clearFilter = useCallback(
    () => update({ sort: filterRef.current.sort, page_size: filterRef.current.page_size }),
    [update],
  );

  const exportHref = exportUrl(taskFilterToParams(filter, { paging: false }));
  const conditions = hasConditions(filter);
  const mayCreate = canCreateTask(user.role);
  const empty = useMemo(
    () => (
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
          <Button onClick={clearFilter}>{t('list.clear')}</Button>
        ) : mayCreate ? (
          <Link to="/tasks/new">
            <Button type="primary">{t('list.add')}</Button>
          </Link>
        ) : null}
      </Empty>
    ),
    [conditions, mayCreate, t, clearFilter],
  );

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
          {mayCreate && (
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
        items={data?.items ?? NO_ITEMS}
        total={data?.total ?? 0}
        page={filter.page ?? 1}
        pageSize={filter.page_size ?? DEFAULT_PAGE_SIZE}
        asOf={data?.as_of}
        loading={loading}
        sort={filter.sort}
        linkAsOf={filter.as_of}
        onPage={onPage}
        onSort={onSort}
        empty={empty}
      />
    </>
  );
}
