import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Empty, Select, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { listSources } from '../api/sources';
import { SOURCE_KINDS, type Source, type SourceKind } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { DebouncedSearchInput } from '../components/SearchInput';
import { canEditSources, SourceFormModal } from '../components/sources/SourceFormModal';
import { useLang, useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate, formatNumber } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/print.pages.css';

export default function SourcesPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const q = sp.get('q') ?? '';
  const kindParam = sp.get('kind');
  const kind = (SOURCE_KINDS as string[]).includes(kindParam ?? '') ? (kindParam as SourceKind) : undefined;
  const [editing, setEditing] = useState<Source | null | undefined>(undefined);
  const mayEdit = canEditSources(user.role);
  const sources = useLoad(() => listSources({ kind, q: q || undefined }).then((r) => r.items), [q, kind]);
  usePageTitle(t('page.sources'));

  const setParam = (k: string, v: string | undefined, replace = false) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    setSp(next, { replace });
  };

  const columns: TableProps<Source>['columns'] = [
    {
      title: t('src.document'),
      key: 'doc',
      width: 200,
      render: (_, s) => (
        <div>
          <div className="nowrap">{s.doc_number || '—'}</div>
          <div className="task-sub">{s.doc_date ? formatDate(s.doc_date) : ''}</div>
        </div>
      ),
    },
    {
      title: t('src.titleAndSummary'),
      key: 'title',
      render: (_, s) => (
        <div>
          <Link to={`/sources/${s.id}`} className="task-title-cell">
            {s.title}
          </Link>
          {s.summary && <div className="task-sub">{s.summary}</div>}
        </div>
      ),
    },
    {
      title: t('src.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 200,
      responsive: ['md'],
      render: (k: SourceKind) => <Tag>{t(`sourceKind.${k}` as MessageKey)}</Tag>,
    },
    {
      title: t('src.issuer'),
      dataIndex: 'issuer',
      key: 'issuer',
      width: 220,
      responsive: ['lg'],
      render: (v: string) => v || '—',
    },
    {
      title: t('src.taskCount'),
      dataIndex: 'task_count',
      key: 'task_count',
      width: 110,
      align: 'right',
      render: (n: number, s) => (
        <Link to={`/tasks?source=${s.id}`} aria-label={t('src.taskCountAria', { n, title: s.title })}>
          {formatNumber(n, lang)}
        </Link>
      ),
    },
    ...(mayEdit
      ? [
          {
            title: <span className="sr-only">{t('detail.actions')}</span>,
            key: 'actions',
            width: 64,
            className: 'no-print',
            render: (_: unknown, s: Source) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t('src.editAria', { title: s.title })}
                onClick={() => setEditing(s)}
              />
            ),
          },
        ]
      : []),
  ];

  const filtered = q !== '' || kind !== undefined;

  return (
    <div className="gb-pages">
      <PageHeader
        title={t('page.sources')}
        subtitle={t('src.subtitle')}
        actions={
          <>
            <PrintButton />
            {mayEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('src.add')}
              </Button>
            )}
          </>
        }
      />
      <div className="pages-toolbar no-print" role="search">
        <DebouncedSearchInput label={t('src.search')} applied={q} onSearch={(text) => setParam('q', text || undefined, true)} width={360} />
        <Select<SourceKind | ''>
          aria-label={t('src.kind')}
          value={kind ?? ''}
          onChange={(v) => setParam('kind', v || undefined)}
          options={[
            { value: '', label: t('list.sourceKindAny') },
            ...SOURCE_KINDS.map((k) => ({ value: k, label: t(`sourceKind.${k}` as MessageKey) })),
          ]}
          style={{ minWidth: 240, maxWidth: '100%' }}
        />
      </div>
      <LoadErrorAlert load={sources} />
      <Table<Source>
        rowKey="id"
        size="middle"
        loading={sources.loading}
        columns={columns}
        dataSource={sources.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{
          emptyText: sources.loading ? (
            <span />
          ) : (
            <Empty description={filtered ? t('src.emptyFiltered') : t('src.empty')}>
              {filtered ? (
                <Button onClick={() => setSp(new URLSearchParams())}>{t('list.clear')}</Button>
              ) : mayEdit ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                  {t('src.add')}
                </Button>
              ) : null}
            </Empty>
          ),
        }}
      />
      <SourceFormModal
        open={editing !== undefined}
        source={editing}
        onClose={() => setEditing(undefined)}
        onDone={(s) => {
          const created = !editing;
          setEditing(undefined);
          if (created) navigate(`/sources/${s.id}`);
          else sources.reload();
        }}
      />
    </div>
  );
}
