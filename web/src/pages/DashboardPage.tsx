import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Skeleton, Space, Spin, TreeSelect, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { getStats } from '../api/tasks';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { GroupTable } from '../components/dashboard/GroupTable';
import { KeyTasksCard, SummaryCards } from '../components/dashboard/SummaryCards';
import { TrendSection } from '../components/dashboard/TrendSection';
import { WarningList } from '../components/dashboard/WarningList';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PeriodKindSelect, usePeriodKind } from '../components/PeriodKindSelect';
import { PrintButton } from '../components/PrintButton';
import { useLang, useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { listLink, periodText, sortUnits } from '../lib/dashboard';
import { formatDate, fromIsoDate, toIsoDate, todayIso } from '../lib/format';
import { agencyOrgTree, orgPickerProps } from '../lib/orgPicker';
import { dayToPeriod, periodToDay } from '../lib/period';
import { useOrganizations } from '../lib/refData';
import {
  dashboardStatsQuery,
  DEFAULT_DUE_DAYS,
  DUE_DAYS_CHOICES,
  parseDashboardParams,
  takeEarlyStats,
  type DashboardParams,
} from '../lib/startup';
import { useLoad } from '../lib/useLoad';
import '../styles/pages.css';
import '../styles/print.pages.css';

export { DEFAULT_DUE_DAYS, DUE_DAYS_CHOICES, parseDashboardParams, type DashboardParams };

/** False until `ready` has been true for one paint (or 400 ms have passed without it). */
function useAfterFirstPaint(ready: boolean): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (done) return;
    if (!ready) {
      const fallback = window.setTimeout(() => setDone(true), 400);
      return () => window.clearTimeout(fallback);
    }
    let timer = 0;
    const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => window.setTimeout(f, 0);
    const id = raf(() => {
      timer = window.setTimeout(() => setDone(true), 0);
    });
    return () => {
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(id);
      window.clearTimeout(timer);
    };
  }, [ready, done]);
  return done;
}

export default function DashboardPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => parseDashboardParams(sp), [sp]);
  const { org, period, asOf, days } = params;
  const [pKind, setPKind] = usePeriodKind(period);
  const statsQuery = useMemo(() => dashboardStatsQuery({ asOf, period, org }), [asOf, period, org]);
  // The first /stats was asked for at start-up (lib/startup): if it has arrived, the figures are in
  // the first render; if it is under way, the first load waits for it rather than asking again.
  const [early] = useState(() => takeEarlyStats(statsQuery));
  const earlyPending = useRef(early?.value ? null : early);
  const statsLoad = useLoad(
    (signal) => {
      const first = earlyPending.current;
      earlyPending.current = null;
      const ask = () => getStats(new URLSearchParams(statsQuery), signal);
      return first?.key === statsQuery ? first.promise.catch(ask) : ask();
    },
    [statsQuery],
    { initialData: early?.value },
  );
  const { data: stats, loading, error } = statsLoad;
  const orgs = useOrganizations();
  usePageTitle(t('page.dashboard'));
  // The summary figures are rendered first, on their own; the controls, lists and tables (most of
  // the rendering work) follow in the next task, once the figures are on the screen.
  const rest = useAfterFirstPaint(stats !== undefined || error !== null);

  const update = useCallback(
    (patch: Partial<Record<'org' | 'period' | 'as_of' | 'days', string | undefined>>) => {
      const next = new URLSearchParams(sp);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      setSp(next, { replace: false });
    },
    [sp, setSp],
  );

  const tree = useMemo(() => agencyOrgTree(orgs.data ?? [], user.agency_id), [orgs.data, user.agency_id]);
  const orgName = org ? orgs.data?.find((o) => o.id === org)?.name : undefined;

  const dueTo = dayjs(asOf).add(days, 'day').format('YYYY-MM-DD');
  const overdueParams = { as_of: asOf, status: 'overdue', org };
  const dueParams = { as_of: asOf, status: 'in_progress', deadline_from: asOf, deadline_to: dueTo, org };
  const pendingParams = { as_of: asOf, extension_pending: 'true', org };
  // Those who decide on extensions, or keep track of them for the agency.
  const seesPendingRequests = user.role === 'leader' || user.role === 'consolidator' || user.role === 'admin';
  const units = useMemo(() => (stats ? sortUnits(stats.by_lead_org) : []), [stats]);

  const scope = [
    orgName ?? t('dash.wholeAgency'),
    periodText(period, lang),
    t('dash.asOfShort', { date: formatDate(asOf) }),
  ].join(' · ');

  return (
    <div className="dash-page gb-pages">
      <PageHeader
        title={t('page.dashboard')}
        actions={
          <>
            <Button icon={<ReloadOutlined />} onClick={statsLoad.reload}>
              {t('dash.refresh')}
            </Button>
            <PrintButton />
          </>
        }
      >
        <Typography.Text type="secondary" data-testid="dash-scope">
          {scope}
        </Typography.Text>
      </PageHeader>

      <Card size="small" className="filter-bar no-print" role="search" aria-label={t('dash.controls')}>
        {rest ? (
        <div className="dash-controls">
            <div>
              <label htmlFor="dash-org">{t('dash.org')}</label>
              <TreeSelect
                id="dash-org"
                {...orgPickerProps}
                allowClear
                placeholder={t('dash.wholeAgency')}
                value={org}
                onChange={(v: number | undefined) => update({ org: v ? String(v) : undefined })}
                treeData={tree}
                style={{ width: '100%' }}
                loading={orgs.loading}
              />
            </div>
            <div>
              <label htmlFor="dash-period">{t('list.period')}</label>
              <Space.Compact style={{ width: '100%' }}>
                <PeriodKindSelect
                  label={t('dash.periodKind')}
                  value={pKind}
                  onChange={(k) => {
                    setPKind(k);
                    update({ period: dayToPeriod(periodToDay(period) ?? dayjs(), k) });
                  }}
                />
                <DatePicker
                  id="dash-period"
                  picker={pKind}
                  allowClear={false}
                  value={periodToDay(period)}
                  onChange={(d) => d && update({ period: dayToPeriod(d, pKind) })}
                  format={pKind === 'month' ? 'MM/YYYY' : pKind === 'year' ? 'YYYY' : undefined}
                  style={{ flex: 1 }}
                />
              </Space.Compact>
            </div>
            <div>
              <label htmlFor="dash-asof">{t('list.asOf')}</label>
              <DatePicker
                id="dash-asof"
                format="DD/MM/YYYY"
                allowClear={false}
                value={fromIsoDate(asOf)}
                onChange={(d) => d && update({ as_of: toIsoDate(d) === todayIso() ? undefined : toIsoDate(d) })}
                style={{ width: '100%' }}
              />
            </div>
          </div>
        ) : (
          <div className="dash-controls dash-controls-placeholder" aria-busy="true" />
        )}
      </Card>

      <LoadErrorAlert load={statsLoad} />

      {!stats && loading ? (
        <Card size="small" aria-busy="true">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : stats ? (
        <Spin spinning={loading} tip={t('app.loading')}>
          <SummaryCards stats={stats} period={period} />
          {rest && stats.total === 0 && stats.cancelled === 0 && (
            <Card size="small" className="dash-section">
              <Empty
                description={
                  <>
                    <div>{t('dash.emptyPeriod', { period: periodText(period, lang) })}</div>
                    <div>{t('dash.emptyPeriodAction')}</div>
                  </>
                }
              >
                <Space wrap>
                  <Button onClick={() => update({ period: dayToPeriod(periodToDay(period) ?? dayjs(), 'year') })}>
                    {t('dash.showYear')}
                  </Button>
                  {canCreateTask(user.role) && (
                    <Link to="/tasks/new">
                      <Button type="primary">{t('list.add')}</Button>
                    </Link>
                  )}
                </Space>
              </Empty>
            </Card>
          )}

          {rest && (
            <>
          <Row gutter={[12, 12]} className="dash-section">
                <Col xs={24} lg={12}>
                  <WarningList
                    warning="overdue"
                    title={asOf === todayIso() ? t('dash.warnOverdue') : t('dash.warnOverdueAsOf', { date: formatDate(asOf) })}
                    params={overdueParams}
                    href={listLink({ ...overdueParams, sort: 'deadline' })}
                    emptyText={t('dash.warnOverdueEmpty')}
                    asOf={asOf}
                  />
                </Col>
                <Col xs={24} lg={12}>
                  <WarningList
                    warning="due_soon"
                    title={t('dash.warnDueSoon', { n: days })}
                    params={dueParams}
                    href={listLink({ ...dueParams, sort: 'deadline' })}
                    emptyText={t('dash.warnDueSoonEmpty', { n: days })}
                    asOf={asOf}
                    extra={
                      <Select<number>
                        size="small"
                        aria-label={t('dash.dueDays')}
                        value={days}
                        onChange={(n) => update({ days: n === DEFAULT_DUE_DAYS ? undefined : String(n) })}
                        options={DUE_DAYS_CHOICES.map((n) => ({ value: n, label: t('dash.daysOption', { n }) }))}
                        style={{ width: 110 }}
                        className="no-print"
                      />
                    }
                  />
                </Col>
                {seesPendingRequests && (
                  <Col xs={24}>
                    <WarningList
                      warning="extension_pending"
                      title={t('dash.warnExtensionPending')}
                      params={pendingParams}
                      href={listLink({ ...pendingParams, sort: 'deadline' })}
                      emptyText={t('dash.warnExtensionPendingEmpty')}
                      asOf={asOf}
                    />
                  </Col>
                )}
              </Row>
              <Typography.Paragraph type="secondary" className="dash-note">
                {t('dash.warnNote')}
              </Typography.Paragraph>
    
              <Row gutter={[12, 12]} className="dash-section">
                <Col xs={24}>
                  <KeyTasksCard stats={stats} />
                </Col>
                <Col xs={24}>
                  <Card size="small" title={t('dash.bySourceKind')}>
                    <GroupTable
                      kind="source_kind"
                      groups={stats.by_source_kind}
                      caption={t('dash.bySourceKind')}
                      emptyText={t('dash.groupEmpty')}
                    />
                  </Card>
                </Col>
              </Row>
    
              <Card size="small" title={t('dash.byUnit')} className="dash-section" extra={<span className="task-sub">{t('dash.byUnitSort')}</span>}>
                <GroupTable kind="unit" groups={units} caption={t('dash.byUnit')} emptyText={t('dash.groupEmpty')} />
              </Card>
            </>
          )}
        </Spin>
      ) : null}

      <div className="dash-section">
        <TrendSection asOf={asOf} org={org} ready={rest} />
      </div>
    </div>
  );
}
