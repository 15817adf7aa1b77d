import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Empty, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, KeyOutlined, UserAddOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { listPeople, listUsers } from '../api/people';
import type { Person } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { SearchInput } from '../components/SearchInput';
import { subtreeIds } from '../components/organizations/OrgModals';
import { CreatePersonModal, CreateUserModal, EditPersonModal, EditUserModal, useAgencyTree } from '../components/people/PeopleModals';
import { isEditable, type VersionedUser } from '../api/users';
import { useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { foldVietnamese, vnCollator } from '../lib/format';
import { orgPickerProps } from '../lib/orgPicker';
import { invalidateRefData, useOrganizations } from '../lib/refData';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/print.pages.css';

const NO_USERS: VersionedUser[] = [];

interface Row extends Person {
  user?: VersionedUser;
}

export default function PeoplePage() {
  const t = useT();
  const me = useUser();
  const { message } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const orgFilter = Number(sp.get('org')) || undefined;
  const [text, setText] = useState('');
  const [personOpen, setPersonOpen] = useState(false);
  const [userFor, setUserFor] = useState<Person | null | undefined>(undefined);
  const [editing, setEditing] = useState<(VersionedUser & { version: number }) | null>(null);
  const [editingPerson, setEditingPerson] = useState<(Person & { version: number }) | null>(null);
  const orgs = useOrganizations();
  const isAdmin = me.role === 'admin';
  const loaded = useLoad(
    () =>
      Promise.all([
        listPeople().then((r) => r.items),
        // Only an administrator may list the accounts: for the others the column is left out.
        listUsers().then(
          (r): VersionedUser[] | null => r.items,
          (e: unknown) => {
            if (e instanceof ApiError && e.status === 403) return null;
            throw e;
          },
        ),
      ]),
    [],
  );
  const people = loaded.data?.[0];
  const users = loaded.data ? (loaded.data[1] ?? NO_USERS) : undefined;
  const usersHidden = loaded.data?.[1] === null;
  usePageTitle(t('page.people'));

  const tree = useAgencyTree(orgs.data ?? [], me.agency_id);
  const rows = useMemo<Row[]>(() => {
    if (!people || !users) return [];
    const byPerson = new Map(users.map((u) => [u.person.id, u]));
    const within = orgFilter && orgs.data ? subtreeIds(orgs.data, orgFilter) : null;
    const q = foldVietnamese(text.trim());
    return people
      .filter((p) => !within || within.has(p.organization_id))
      .map((p) => ({ ...p, user: byPerson.get(p.id) }))
      .filter(
        (p) =>
          !q ||
          foldVietnamese([p.full_name, p.position, p.organization_name, p.email, p.user?.username ?? ''].join(' ')).includes(q),
      )
      .sort((a, b) => vnCollator.compare(a.organization_name, b.organization_name) || vnCollator.compare(a.full_name, b.full_name));
  }, [people, users, orgFilter, orgs.data, text]);

  /** After a change: say so and show the lists as they are now (`people`: the shared list too). */
  const changed = (note: string, { people: peopleChanged = false } = {}) => {
    if (peopleChanged) invalidateRefData('people');
    message.success(note);
    loaded.reload();
  };

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('profile.fullName'),
      key: 'name',
      sorter: (a, b) => vnCollator.compare(a.full_name, b.full_name),
      render: (_, p) => (
        <div>
          <div className="task-title-cell">
            {p.full_name} {!p.active && <Tag>{t('ppl.inactive')}</Tag>}
            {isAdmin && typeof p.version === 'number' && (
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                className="no-print"
                aria-label={t('ppl.editPersonAria', { name: p.full_name })}
                onClick={() => setEditingPerson(p as Person & { version: number })}
              >
                {t('ppl.editPerson')}
              </Button>
            )}
          </div>
          <div className="task-sub">{[p.email, p.phone].filter(Boolean).join(' · ')}</div>
        </div>
      ),
    },
    { title: t('profile.position'), dataIndex: 'position', key: 'position', width: 180, render: (v: string) => v || '—' },
    {
      title: t('profile.organization'),
      dataIndex: 'organization_name',
      key: 'org',
      width: 260,
      responsive: ['md'],
      sorter: (a, b) => vnCollator.compare(a.organization_name, b.organization_name),
    },
    ...(usersHidden
      ? []
      : [
          {
            title: t('ppl.account'),
            key: 'account',
            width: 240,
            render: (_: unknown, p: Row) =>
              p.user ? (
                <Space direction="vertical" size={2}>
                  <span className="org-node-code">{p.user.username}</span>
                  <Space size={4} wrap>
                    <Tag color="blue">{t(`role.${p.user.role}` as MessageKey)}</Tag>
                    {p.user.disabled && <Tag color="red">{t('ppl.disabled')}</Tag>}
                    {isAdmin && isEditable(p.user) && (
                      <Button
                        size="small"
                        type="link"
                        icon={<EditOutlined />}
                        className="no-print"
                        aria-label={t('ppl.editUserAria', { username: p.user.username })}
                        onClick={() => setEditing(p.user as VersionedUser & { version: number })}
                      >
                        {t('ppl.editUser')}
                      </Button>
                    )}
                  </Space>
                </Space>
              ) : isAdmin ? (
                <Button size="small" icon={<KeyOutlined />} onClick={() => setUserFor(p)} className="no-print">
                  {t('ppl.createAccount')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('ppl.noAccount')}</Typography.Text>
              ),
          },
        ]),
  ];

  return (
    <div className="gb-pages">
      <PageHeader
        title={t('page.people')}
        subtitle={people ? t('ppl.count', { n: rows.length, total: people.length }) : t('ppl.subtitle')}
        actions={
          <>
            <PrintButton />
            {isAdmin && (
              <>
                <Button icon={<UserAddOutlined />} onClick={() => setPersonOpen(true)}>
                  {t('ppl.addPerson')}
                </Button>
                <Button type="primary" icon={<KeyOutlined />} onClick={() => setUserFor(null)}>
                  {t('ppl.addUser')}
                </Button>
              </>
            )}
          </>
        }
      />
      {isAdmin && (
        <Alert
          type="info"
          showIcon
          className="no-print"
          style={{ marginBottom: 16 }}
          message={users && users.some(isEditable) ? t('ppl.personEditGap') : t('ppl.editGap')}
        />
      )}
      <div className="pages-toolbar no-print" role="search">
        <SearchInput label={t('ppl.search')} value={text} onChange={setText} width={320} />
        <TreeSelect
          {...orgPickerProps}
          allowClear
          aria-label={t('ppl.orgFilter')}
          placeholder={t('ppl.orgFilter')}
          value={orgFilter}
          treeData={tree}
          onChange={(v: number | undefined) => {
            const next = new URLSearchParams(sp);
            if (v) next.set('org', String(v));
            else next.delete('org');
            setSp(next);
          }}
          style={{ width: 320, maxWidth: '100%' }}
        />
      </div>
      {loaded.error ? (
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="middle"
          loading={!people || !users}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 640 }}
          locale={{
            emptyText:
              !people || !users ? (
                <span />
              ) : (
                <Empty description={text || orgFilter ? t('ppl.emptyFiltered') : t('ppl.empty')}>
                  {isAdmin && !text && !orgFilter && (
                    <Button type="primary" onClick={() => setPersonOpen(true)}>
                      {t('ppl.addPerson')}
                    </Button>
                  )}
                </Empty>
              ),
          }}
        />
      )}
      <EditUserModal
        user={editing}
        selfId={me.user_id}
        onClose={() => setEditing(null)}
        onDone={(u) => {
          setEditing(null);
          changed(t('ppl.userSaved', { username: u.username }));
        }}
      />
      <EditPersonModal
        person={editingPerson}
        organizations={orgs.data ?? []}
        agencyId={me.agency_id}
        onClose={() => setEditingPerson(null)}
        onDone={(p) => {
          setEditingPerson(null);
          changed(t('ppl.personSaved', { name: p.full_name }), { people: true });
        }}
      />
      <CreatePersonModal
        open={personOpen}
        organizations={orgs.data ?? []}
        agencyId={me.agency_id}
        defaultOrg={orgFilter}
        onClose={() => setPersonOpen(false)}
        onDone={(p) => {
          setPersonOpen(false);
          changed(t('ppl.personCreated', { name: p.full_name }), { people: true });
        }}
      />
      <CreateUserModal
        open={userFor !== undefined}
        person={userFor}
        organizations={orgs.data ?? []}
        people={people ?? []}
        users={users ?? []}
        agencyId={me.agency_id}
        onClose={() => setUserFor(undefined)}
        onDone={(u) => {
          setUserFor(undefined);
          changed(t('ppl.userCreated', { username: u.username }), { people: true });
        }}
      />
    </div>
  );
}
