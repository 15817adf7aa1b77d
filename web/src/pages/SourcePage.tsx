import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, PrinterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { getSource } from '../api/sources';
import { listTasks } from '../api/tasks';
import type { Source, TaskPage } from '../api/types';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { BulkAddTable } from '../components/sources/BulkAddTable';
import { canEditSources, SourceFormModal } from '../components/sources/SourceFormModal';
import { TaskTable } from '../components/TaskTable';
import { useLang, useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate, formatNumber } from '../lib/format';
import { invalidateRefData, useOrganizations, usePeople } from '../lib/refData';
import '../styles/pages.css';
import '../styles/print.pages.css';

const PAGE_SIZE = 20;

export default function SourcePage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [source, setSource] = useState<Source | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [tasks, setTasks] = useState<TaskPage | null>(null);
  const [tasksLoading, setTasksLoading] = useState(true);
  const [tasksError, setTasksError] = useState<unknown>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [tasksReload, setTasksReload] = useState(0);
  const [editing, setEditing] = useState(false);
  const orgs = useOrganizations();
  const people = usePeople();
  usePageTitle(source ? source.doc_number || source.title : t('page.source'));

  useEffect(() => {
    let live = true;
    setError(null);
    getSource(id)
      .then((s) => live && setSource(s))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id, reload]);

  useEffect(() => {
    const ctl = new AbortController();
    setTasksLoading(true);
    setTasksError(null);
    const p = new URLSearchParams({ source: String(id), sort: 'id', page: String(page), page_size: String(pageSize) });
    listTasks(p, ctl.signal)
      .then(setTasks)
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setTasksError(e);
      })
      .finally(() => {
        if (!ctl.signal.aborted) setTasksLoading(false);
      });
    return () => ctl.abort();
  }, [id, page, pageSize, tasksReload]);

  if (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 422)) {
      return (
        <Result
          status="404"
          title={t('src.notFound')}
          extra={
            <Link to="/sources">
              <Button type="primary">{t('src.backToList')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={error} onRetry={() => setReload((r) => r + 1)} />;
  }
  if (!source) return <Skeleton active paragraph={{ rows: 8 }} />;

  const mayEdit = canEditSources(user.role);
  const mayAdd = canCreateTask(user.role);

  return (
    <div className="gb-pages">
      <div className="page-header">
        <Space direction="vertical" size={0}>
          <Typography.Title level={2}>{source.title}</Typography.Title>
          <Space wrap size={4}>
            <Tag>{t(`sourceKind.${source.kind}` as MessageKey)}</Tag>
            <Typography.Text type="secondary">
              {source.doc_number
                ? source.doc_date
                  ? t('task.docNumberDate', { number: source.doc_number, date: formatDate(source.doc_date) })
                  : t('task.docNumberOnly', { number: source.doc_number })
                : t('src.noDoc')}
            </Typography.Text>
          </Space>
        </Space>
        <Space wrap className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('detail.print')}
          </Button>
          {mayEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('detail.edit')}
            </Button>
          )}
        </Space>
      </div>

      <Card size="small" title={t('src.issuingDoc')}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }} size="small" className="detail-grid">
          <Descriptions.Item label={t('src.kind')}>{t(`sourceKind.${source.kind}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('src.docNumber')}>{source.doc_number || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('src.docDate')}>{formatDate(source.doc_date)}</Descriptions.Item>
          <Descriptions.Item label={t('src.issuer')}>{source.issuer || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('src.taskCount')}>
            <Link to={`/tasks?source=${source.id}`}>{formatNumber(source.task_count, lang)}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('src.summary')} span="filled">
            <span className="pre-wrap">{source.summary || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        size="small"
        className="dash-section"
        title={t('src.tasks')}
        extra={
          <Link to={`/tasks?source=${source.id}`} className="no-print">
            <UnorderedListOutlined /> {t('src.openInList')}
          </Link>
        }
      >
        {tasksError ? (
          <ErrorAlert error={tasksError} onRetry={() => setTasksReload((r) => r + 1)} />
        ) : (
          <TaskTable
            items={tasks?.items ?? []}
            total={tasks?.total ?? 0}
            page={page}
            pageSize={pageSize}
            asOf={tasks?.as_of}
            loading={tasksLoading}
            onPage={(p, s) => {
              setPage(p);
              setPageSize(s);
            }}
            empty={
              <Empty
                description={
                  <>
                    <div>{t('src.noTasks')}</div>
                    {mayAdd && <div>{t('src.noTasksAction')}</div>}
                  </>
                }
              />
            }
          />
        )}
      </Card>

      {mayAdd && (
        <Card size="small" className="dash-section no-print" title={t('bulk.heading')}>
          <BulkAddTable
            sourceId={source.id}
            organizations={orgs.data ?? []}
            people={people.data ?? []}
            agencyId={user.agency_id}
            onCreated={(n) => {
              message.success(t('bulk.created', { n }));
              setTasksReload((r) => r + 1);
              setReload((r) => r + 1);
              invalidateRefData('sources');
            }}
          />
        </Card>
      )}

      <SourceFormModal
        open={editing}
        source={source}
        onClose={() => setEditing(false)}
        onSaved={(s) => {
          setEditing(false);
          setSource(s);
          message.success(t('form.saved'));
        }}
      />
    </div>
  );
}
