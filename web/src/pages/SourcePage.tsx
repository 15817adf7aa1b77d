import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, FileExcelOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { listImports, sourceProgramUrl } from '../api/imports';
import { getSource } from '../api/sources';
import { listTasks } from '../api/tasks';
import { canCreateTask, canImportProgram, useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportList } from '../components/imports/ImportList';
import { NotFoundResult } from '../components/NotFoundResult';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { BulkAddTable } from '../components/sources/BulkAddTable';
import { canEditSources, SourceFormModal } from '../components/sources/SourceFormModal';
import { TaskTable } from '../components/TaskTable';
import { useLang, useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { docNumberText, formatDate, formatNumber } from '../lib/format';
import { invalidateRefData, useOrganizations, usePeople } from '../lib/refData';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/print.pages.css';
import '../styles/imports.css';

const PAGE_SIZE = 20;

export default function SourcePage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [editing, setEditing] = useState(false);
  const orgs = useOrganizations();
  const people = usePeople();
  const loaded = useLoad(() => getSource(id), [id]);
  const tasks = useLoad(
    (signal) => listTasks(new URLSearchParams({ source: String(id), sort: 'id', page: String(page), page_size: String(pageSize) }), signal),
    [id, page, pageSize],
  );
  const mayImport = canImportProgram(user.role);
  const imports = useLoad(mayImport ? (signal) => listImports(id, signal) : null, [id, mayImport]);
  const source = loaded.data;
  usePageTitle(source ? source.doc_number || source.title : t('page.source'));

  if (loaded.error) {
    if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 422)) {
      return <NotFoundResult title={t('src.notFound')} backTo="/sources" backText={t('src.backToList')} />;
    }
    return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  if (!source) return <Skeleton active paragraph={{ rows: 8 }} />;

  const mayEdit = canEditSources(user.role);
  const mayAdd = canCreateTask(user.role);

  return (
    <div className="gb-pages">
      <PageHeader
        title={source.title}
        actions={
          <>
            <PrintButton />
            {mayImport && (
              <Link to={`/sources/${source.id}/import`}>
                <Button icon={<FileExcelOutlined />}>{t('imp.start')}</Button>
              </Link>
            )}
            {mayImport && source.task_count > 0 && (
              <Button icon={<DownloadOutlined />} href={sourceProgramUrl(source.id)} download>
                {t('imp.exportProgram')}
              </Button>
            )}
            {mayEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('detail.edit')}
              </Button>
            )}
          </>
        }
      >
        <Space wrap size={4}>
          <Tag>{t(`sourceKind.${source.kind}` as MessageKey)}</Tag>
          <Typography.Text type="secondary">{docNumberText(t, source.doc_number, source.doc_date) ?? t('src.noDoc')}</Typography.Text>
        </Space>
      </PageHeader>

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
        {tasks.error ? (
          <ErrorAlert error={tasks.error} onRetry={tasks.reload} />
        ) : (
          <TaskTable
            items={tasks.data?.items ?? []}
            total={tasks.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            asOf={tasks.data?.as_of}
            loading={tasks.loading}
            onPage={(p, s) => {
              setPage(p);
              setPageSize(s);
            }}
            empty={
              <Empty
                description={
                  <>
                    <div>{t('src.noTasks')}</div>
                    {mayAdd && <div>{t(mayImport ? 'src.noTasksActionImport' : 'src.noTasksAction')}</div>}
                  </>
                }
              >
                {/* A program's tasks come as a spreadsheet more often than not: the way to it, where they may take it. */}
                {mayImport && (
                  <Link to={`/sources/${source.id}/import`} className="no-print">
                    <FileExcelOutlined aria-hidden /> {t('imp.start')}
                  </Link>
                )}
              </Empty>
            }
          />
        )}
      </Card>

      {imports.data && imports.data.items.length > 0 && (
        <Card size="small" className="dash-section no-print" title={t('imp.list.title')}>
          <ImportList items={imports.data.items} />
        </Card>
      )}

      {mayAdd && (
        <Card size="small" className="dash-section no-print" title={t('bulk.heading')}>
          <BulkAddTable
            sourceId={source.id}
            organizations={orgs.data ?? []}
            people={people.data ?? []}
            agencyId={user.agency_id}
            onCreated={(n) => {
              message.success(t('bulk.created', { n }));
              tasks.reload();
              loaded.reload();
              invalidateRefData('sources');
            }}
          />
        </Card>
      )}

      <SourceFormModal
        open={editing}
        source={source}
        onClose={() => setEditing(false)}
        onDone={(s) => {
          setEditing(false);
          loaded.setData(s);
          message.success(t('form.saved'));
        }}
      />
    </div>
  );
}
