import { useCallback, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Empty, Select, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { exportUrl, getStats, listTasks } from '../api/tasks';
import type { TaskPage } from '../api/types';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { ReportListScope } from '../components/reports/ReportListScope';
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
import { useLoad } from '../lib/useLoad';

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
  const list = useLoad(() => requestList(key), [key]);
  const { loading } = list;
  // A period not begun has no report: nothing of an earlier list is left under its name.
  const notStarted = list.error instanceof ApiError && list.error.fieldCode('report_period') === 'not_started';
  const data = notStarted ? undefined : list.data;
  const orgs = useOrganizations();
  const people = usePeople();
  const sources = useSources();
  usePageTitle(t('list.title'));
  // A retry asks again; the first load and URL changes take the request already sent, if any.
  const retry = () => {
    void requestList(key, true);
    list.reload();
  };
  // A list of a report's figure counts to the day the report counts, which the statistics of the
  // period say (with its window); a period not begun has no list, and is said so in words.
  const reportPeriod = filter.report_period;
  const reportLoad = useLoad(
    reportPeriod ? (signal) => getStats(new URLSearchParams({ report_period: reportPeriod }), signal) : null,
    [reportPeriod],
  );
  const resolved = reportPeriod && reportLoad.data?.report_period?.period === reportPeriod ? reportLoad.data.report_period : undefined;

  // Callbacks that stay the same from render to render (the filter bar and the rows are memoised).
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const update = useCallback(
    (next: TaskFilter, replace = false) => {
      const params = taskFilterToParams(next);
      void requestList(params.toString());
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
  const clearReport = useCallback(
    () => update({ ...filterRef.current, report_period: undefined, report_figure: undefined, page: undefined }),
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
      <PageHeader
        title={t('list.title')}
        actions={
          <>
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
            <PrintButton />
            {mayCreate && (
              <Link to={filter.parent ? `/tasks/new?parent=${filter.parent}` : '/tasks/new'}>
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('list.add')}
                </Button>
              </Link>
            )}
          </>
        }
      >
        {data && (
          <Typography.Text type="secondary" aria-live="polite">
            {t('list.total', { total: formatNumber(data.total, lang) })}
          </Typography.Text>
        )}
      </PageHeader>
      <div className="no-print">
        <TaskFilterBar
          value={filter}
          onChange={onFilter}
          organizations={orgs.data}
          agencyId={user.agency_id}
          people={people.data}
          sources={sources.data}
        />
      </div>
      {reportPeriod && (
        <ReportListScope
          period={reportPeriod}
          figure={filter.report_figure}
          resolved={resolved}
          notStarted={notStarted}
          leadOrgName={filter.org && filter.org_role !== 'any' ? orgs.data?.find((o) => o.id === filter.org)?.name : undefined}
          onClear={clearReport}
        />
      )}
      {!notStarted && <LoadErrorAlert load={{ error: list.error, reload: retry }} />}
      <TaskTable
        items={data?.items ?? NO_ITEMS}
        total={data?.total ?? 0}
        page={filter.page ?? 1}
        pageSize={filter.page_size ?? DEFAULT_PAGE_SIZE}
        asOf={reportPeriod ? resolved?.as_of : data?.as_of}
        loading={loading}
        sort={filter.sort}
        // The tasks of an ended period's report open as they stood on its last day.
        linkAsOf={reportPeriod ? (resolved && !resolved.period_running ? resolved.as_of : undefined) : filter.as_of}
        onPage={onPage}
        onSort={onSort}
        empty={empty}
      />
    </>
  );
}
