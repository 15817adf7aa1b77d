import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { listOrganizations } from '../api/organizations';
import type { Organization } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { CreateOrgModal, MergeOrgModal, RenameOrgModal } from '../components/organizations/OrgModals';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { useT, type MessageKey, type TFunction } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate } from '../lib/format';
import { invalidateRefData } from '../lib/refData';
import { treeOf } from '../lib/tree';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/print.pages.css';

export function validityText(o: Organization, t: TFunction, byId: Map<number, Organization>): string {
  const parts: string[] = [];
  if (o.valid_from) parts.push(t('org.from', { date: formatDate(o.valid_from) }));
  if (o.valid_to) parts.push(t('org.to', { date: formatDate(o.valid_to) }));
  if (o.successor_id) parts.push(t('org.mergedInto', { name: byId.get(o.successor_id)?.name ?? `#${o.successor_id}` }));
  return parts.length ? parts.join(' · ') : t('org.inForce');
}

function buildTree(orgs: Organization[], t: TFunction): TreeDataNode[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return treeOf<Organization, TreeDataNode>(orgs, (o) => ({
    key: o.id,
    title: (
      <span className={`org-node${o.valid_to ? ' org-node-closed' : ''}`} data-testid={`org-node-${o.id}`}>
        <span className="org-node-code">{o.code}</span>
        <span className="org-node-name">{o.name}</span>
        <Tag bordered={false}>{t(`orgKind.${o.kind}` as MessageKey)}</Tag>
        {o.valid_to && <Tag color="default">{t('org.closed')}</Tag>}
        <span className="org-node-meta">
          {o.place_name}
          {o.valid_from || o.valid_to || o.successor_id ? ` · ${validityText(o, t, byId)}` : ''}
        </span>
      </span>
    ),
  }));
}

export default function OrganizationsPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const [includeExpired, setIncludeExpired] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  const [creating, setCreating] = useState<Organization | null>(null);
  const [renaming, setRenaming] = useState<Organization | null>(null);
  const [merging, setMerging] = useState<Organization | null>(null);
  const isAdmin = user.role === 'admin';
  const loaded = useLoad(() => listOrganizations(includeExpired).then((r) => r.items), [includeExpired]);
  const orgs = loaded.data;
  // The user's own unit is shown until another is chosen.
  const selected = chosen ?? (orgs ? user.organization_id : null);
  usePageTitle(t('page.organizations'));

  const tree = useMemo(() => (orgs ? buildTree(orgs, t) : []), [orgs, t]);
  const byId = useMemo(() => new Map((orgs ?? []).map((o) => [o.id, o])), [orgs]);
  const current = selected !== null ? byId.get(selected) : undefined;
  const inAgency = current ? current.agency_id === user.agency_id : false;

  const changed = (org: Organization, text: string) => {
    invalidateRefData('organizations');
    message.success(text);
    setChosen(org.id);
    loaded.reload();
  };

  return (
    <div className="gb-pages">
      <PageHeader
        title={t('page.organizations')}
        subtitle={t('org.subtitle')}
        actions={
          <>
            <label className="nowrap">
              <Switch size="small" checked={includeExpired} onChange={setIncludeExpired} aria-label={t('org.showClosed')} />{' '}
              {t('org.showClosed')}
            </label>
            <PrintButton />
          </>
        }
      />
      {loaded.error ? (
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      ) : !orgs ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : orgs.length === 0 ? (
        <Empty description={t('org.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('org.tree')}>
              <Tree
                className="org-tree"
                treeData={tree}
                defaultExpandAll
                blockNode
                selectedKeys={selected !== null ? [selected] : []}
                onSelect={(keys) => {
                  if (!keys.length) return;
                  setChosen(Number(keys[0]));
                  // On a phone the details are below the tree: bring them into view.
                  if (window.innerWidth < 992)
                    setTimeout(() => document.querySelector('.org-details')?.scrollIntoView({ behavior: 'smooth' }), 0);
                }}
                aria-label={t('org.tree')}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={current ? current.name : t('org.details')} className="org-details">
              {!current ? (
                <Empty description={t('org.selectHint')} />
              ) : (
                <>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('org.code')}>{current.code}</Descriptions.Item>
                    <Descriptions.Item label={t('org.kind')}>{t(`orgKind.${current.kind}` as MessageKey)}</Descriptions.Item>
                    <Descriptions.Item label={t('org.place')}>{current.place_name || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('org.validity')}>{validityText(current, t, byId)}</Descriptions.Item>
                    {current.parent_id !== null && (
                      <Descriptions.Item label={t('org.parent')}>{byId.get(current.parent_id)?.name ?? '—'}</Descriptions.Item>
                    )}
                  </Descriptions>
                  <Space wrap className="org-actions" style={{ marginTop: 12 }}>
                    <Link to={`/tasks?lead_org=${current.id}`}>
                      <Button>{t('org.tasksLed')}</Button>
                    </Link>
                    <Link to={`/people?org=${current.id}`}>
                      <Button>{t('org.people')}</Button>
                    </Link>
                  </Space>
                  {isAdmin && inAgency && (
                    <Space wrap className="org-actions no-print" style={{ marginTop: 12 }}>
                      {!current.valid_to && (
                        <Button icon={<PlusOutlined />} onClick={() => setCreating(current)}>
                          {t('org.addChild')}
                        </Button>
                      )}
                      <Button icon={<EditOutlined />} onClick={() => setRenaming(current)}>
                        {t('org.rename')}
                      </Button>
                      {!current.valid_to && current.id !== user.agency_id && (
                        <Button danger icon={<MergeCellsOutlined />} onClick={() => setMerging(current)}>
                          {t('org.merge')}
                        </Button>
                      )}
                    </Space>
                  )}
                  {!isAdmin && (
                    <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                      {t('org.adminOnly')}
                    </Typography.Paragraph>
                  )}
                </>
              )}
            </Card>
          </Col>
        </Row>
      )}
      <CreateOrgModal
        parent={creating}
        onClose={() => setCreating(null)}
        onDone={(o) => {
          setCreating(null);
          changed(o, t('org.created', { name: o.name }));
        }}
      />
      <RenameOrgModal
        org={renaming}
        onClose={() => setRenaming(null)}
        onDone={(o) => {
          setRenaming(null);
          changed(o, t('org.renamed'));
        }}
      />
      <MergeOrgModal
        org={merging}
        organizations={orgs ?? []}
        agencyId={user.agency_id}
        onClose={() => setMerging(null)}
        onDone={(o) => {
          setMerging(null);
          changed(o, t('org.merged', { name: o.name }));
        }}
      />
    </div>
  );
}
