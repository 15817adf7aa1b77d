import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { listSources } from '../api/sources';
import { SOURCE_KINDS, type Source, type SourceKind } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { canEditSources, SourceFormModal } from '../components/sources/SourceFormModal';
import { useLang, useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate, formatNumber } from '../lib/format';
import '../styles/pages.css';
import '../styles/print.pages.css';

/** "Số 125/QĐ-UBND ngày 05/01/2024" from a source's document number and date. */
export function docLine(s: Pick<Source, 'doc_number' | 'doc_date'>, t: (k: MessageKey, p?: Record<string, string>) => string) {
  if (s.doc_number && s.doc_date) return t('task.docNumberDate', { number: s.doc_number, date: formatDate(s.doc_date) });
  if (s.doc_number) return t('task.docNumberOnly', { number: s.doc_number });
  if (s.doc_date) return t('src.dateOnly', { date: formatDate(s.doc_date) });
  return t('src.noDoc');
}

export default function SourcesPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const q = sp.get('q') ?? '';
  const kindParam = sp.get('kind');
  const kind = (SOURCE_KINDS as string[]).includes(kindParam ?? '') ? (kindParam as SourceKind) : undefined;
  const [text, setText] = useState(q);
  const [items, setItems] = useState<Source[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Source | null | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mayEdit = canEditSources(user.role);
  usePageTitle(t('page.sources'));

  useEffect(() => setText(q), [q]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  useEffect(() => {
    const ctl = { live: true };
    setLoading(true);
    setError(null);
    listSources({ kind, q: q || undefined })
      .then((r) => ctl.live && setItems(r.items))
      .catch((e: unknown) => ctl.live && setError(e))
      .finally(() => ctl.live && setLoading(false));
    return () => {
      ctl.live = false;
    };
  }, [q, kind, reload]);

  const setParam = (k: string, v: string | undefined, replace = false) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    setSp(next, { replace });
  };

  const onSearch = (v: string, now = false) => {
    setText(v);
    if (timer.current) clearTimeout(timer.current);
    const apply = () => setParam('q', v.trim() || undefined, true);
    if (now) apply();
    else timer.current = setTimeout(apply, 350);
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
      <div className="page-header">
        <Space direction="vertical" size={0}>
          <Typography.Title level={2}>{t('page.sources')}</Typography.Title>
          <Typography.Text type="secondary">{t('src.subtitle')}</Typography.Text>
        </Space>
        <Space wrap className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('detail.print')}
          </Button>
          {mayEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('src.add')}
            </Button>
          )}
        </Space>
      </div>
      <div className="pages-toolbar no-print" role="search">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('src.search')}
          aria-label={t('src.search')}
          value={text}
          onChange={(e) => onSearch(e.target.value)}
          onPressEnter={() => onSearch(text, true)}
          style={{ width: 360, maxWidth: '100%' }}
          maxLength={200}
        />
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
      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} onRetry={() => setReload((r) => r + 1)} />
        </div>
      ) : null}
      <Table<Source>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 640 }}
        locale={{
          emptyText: loading ? (
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
        onSaved={(s) => {
          const created = !editing;
          setEditing(undefined);
          if (created) navigate(`/sources/${s.id}`);
          else setReload((r) => r + 1);
        }}
      />
    </div>
  );
}
