import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Col, Row, Segmented, Typography } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Me } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { WarningList } from '../components/dashboard/WarningList';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { listLink } from '../lib/dashboard';
import { formatDate, todayIso } from '../lib/format';
import { useOrganizations } from '../lib/refData';
import { STATUS_SWATCH } from '../lib/status';
import '../styles/pages.css';
import '../styles/print.pages.css';

export const MY_DUE_DAYS = 7;

export type MyScope = 'assigned' | 'unit' | 'leader';

/** The scopes a user has: their own assignments, then the one of their role (the unit they head, the tasks they supervise). */
export function myScopes(user: Pick<Me, 'role'>): MyScope[] {
  const out: MyScope[] = ['assigned'];
  if (user.role === 'unit_head') out.push('unit');
  if (user.role === 'leader') out.push('leader');
  return out;
}

/**
 * The scope the page opens on: the work the role answers for. A leader, the tasks they supervise; a
 * unit head, their unit's; anyone else, what is assigned to them.
 */
export function roleScope(user: Pick<Me, 'role'>): MyScope {
  return myScopes(user).at(-1)!;
}

/** The API filter of a scope. */
export function scopeFilter(scope: MyScope, user: Pick<Me, 'person_id' | 'organization_id'>): Record<string, number> {
  if (scope === 'unit') return { lead_org: user.organization_id };
  if (scope === 'leader') return { leader: user.person_id };
  return { assignee: user.person_id };
}

export default function MyTasksPage() {
  const t = useT();
  const user = useUser();
  const [sp, setSp] = useSearchParams();
  const orgs = useOrganizations();
  usePageTitle(t('page.my'));
  const scopes = myScopes(user);
  const wanted = sp.get('scope') as MyScope | null;
  const scope: MyScope = wanted && scopes.includes(wanted) ? wanted : roleScope(user);
  const today = todayIso();
  const dueTo = dayjs(today).add(MY_DUE_DAYS, 'day').format('YYYY-MM-DD');
  const base = useMemo(() => ({ as_of: today, ...scopeFilter(scope, user) }), [today, scope, user]);
  const orgName = orgs.data?.find((o) => o.id === user.organization_id)?.name ?? '';

  const scopeLabel = (s: MyScope) => (s === 'unit' ? t('my.scope.unit') : s === 'leader' ? t('my.scope.leader') : t('my.scope.assigned'));
  const lists = [
    { id: 'o', warning: 'overdue', title: t('my.overdue'), params: { ...base, status: 'overdue' }, emptyText: t('my.overdueEmpty') },
    {
      id: 'd',
      warning: 'due_soon',
      title: t('my.dueSoon', { n: MY_DUE_DAYS }),
      params: { ...base, status: 'in_progress', deadline_from: today, deadline_to: dueTo },
      emptyText: t('my.dueSoonEmpty', { n: MY_DUE_DAYS }),
    },
    {
      id: 'p',
      warning: 'on_track',
      swatch: STATUS_SWATCH.in_progress,
      title: t('my.inProgress'),
      params: { ...base, status: 'in_progress' },
      emptyText: t('my.inProgressEmpty'),
    },
  ] as const;

  return (
    <div className="gb-pages">
      <PageHeader
        title={t('page.my')}
        subtitle={
          <>
            {user.full_name}
            {user.position ? `, ${user.position}` : ''}
            {orgName ? ` – ${orgName}` : ''} · {t('dash.asOfShort', { date: formatDate(today) })}
          </>
        }
        actions={<PrintButton />}
      />
      {scopes.length > 1 && (
        <div className="pages-toolbar no-print">
          <Segmented<MyScope>
            aria-label={t('my.scope')}
            value={scope}
            onChange={(v) => setSp(new URLSearchParams({ scope: v }), { replace: true })}
            options={scopes.map((s) => ({ value: s, label: scopeLabel(s) }))}
          />
        </div>
      )}
      {scopes.length === 1 && (
        <Typography.Paragraph type="secondary">{t('my.help.assigned')}</Typography.Paragraph>
      )}
      <Row gutter={[12, 12]}>
        {lists.map(({ id, params, ...list }) => (
          <Col key={id} xs={24} xl={8}>
            {/* A new scope starts its lists afresh. */}
            <WarningList
              key={`${id}-${scope}`}
              {...list}
              params={params}
              href={listLink({ ...params, sort: 'deadline' })}
              asOf={today}
              limit={10}
            />
          </Col>
        ))}
      </Row>
      <div className="dash-section no-print">
        <Link to={listLink({ ...scopeFilter(scope, user), sort: 'deadline' })}>
          <Button icon={<UnorderedListOutlined />}>{t('my.allMine')}</Button>
        </Link>
      </div>
    </div>
  );
}
