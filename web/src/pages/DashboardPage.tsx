import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Skeleton, Space, Spin, TreeSelect, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { getStats } from '../api/tasks';
import type { Statistics } from '../api/types';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { GroupTable } from '../components/dashboard/GroupTable';
import { KeyTasksCard, SummaryCards } from '../components/dashboard/SummaryCards';
import { TrendSection } from '../components/dashboard/TrendSection';
import { WarningList } from '../components/dashboard/WarningList';
import { ErrorAlert } from '../components/ErrorAlert';
import { dayToPeriod, periodKind, periodToDay } from '../components/TaskFilterBar';
import { useLang, useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { listLink, periodText, sortUnits } from '../lib/dashboard';
import { formatDate, fromIsoDate, toIsoDate, todayIso } from '../lib/format';
import { agencyOrgTree, orgPickerProps } from '../lib/orgPicker';
import { useOrganizations } from '../lib/refData';
import '../styles/pages.css';
import '../styles/print.pages.css';

type PeriodKind = 'month' | 'quarter' | 'year';
const PERIOD_RE = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const DUE_DAYS_CHOICES = [3, 7, 10, 14, 30];
export const DEFAULT_DUE_DAYS = 7;

export interface DashboardParams {
  org?: number;
  period: string;
  asOf: string;
  days: number;
}

/** The dashboard's state from its URL: org, period (default this month), as_of (default today), days. */
export function parseDashboardParams(sp: URLSearchParams): DashboardParams {
  const org = Number(sp.get('org'));
  const period = sp.get('period');
  const asOf = sp.get('as_of');
  const days = Number(sp.get('days'));
  return {
    org: Number.isSafeInteger(org) && org > 0 ? org : undefined,
    period: period && PERIOD_RE.test(period) ? period : dayjs().format('YYYY-MM'),
    asOf: asOf && DATE_RE.test(asOf) && dayjs(asOf).isValid() ? asOf : todayIso(),
    days: Number.isInteger(days) && days >= 1 && days <= 365 ? days : DEFAULT_DUE_DAYS,
  };
}

export default function DashboardPage() {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => parseDashboardParams(sp), [sp]);
  const { org, period, asOf, days } = params;
  const [pKind, setPKind] = useState<PeriodKind>(periodKind(period) ?? 'month');
  const [stats, setStats] = useState<Statistics | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const orgs = useOrganizations();
  usePageTitle(t('page.dashboard'));

  useEffect(() => {
    const k = periodKind(period);
    if (k) setPKind(k);
  }, [period]);

  const statsQuery = useMemo(() => {
    const p = new URLSearchParams();
    p.set('as_of', asOf);
    p.set('period', period);
    if (org) p.set('org', String(org));
    return p.toString();
  }, [asOf, period, org]);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    getStats(new URLSearchParams(statsQuery), ctl.signal)
      .then(setStats)
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setError(e);
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [statsQuery, reload]);

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
  const units = useMemo(() => (stats ? sortUnits(stats.by_lead_org) : []), [stats]);

  const scope = [
    orgName ?? t('dash.wholeAgency'),
    periodText(period, lang),
    t('dash.asOfShort', { date: formatDate(asOf) }),
  ].join(' · ');

  return (
    <div className="dash-page gb-pages">
      <div className="page-header">
        <Space direction="vertical" size={0}>
          <Typography.Title level={2}>{t('page.dashboard')}</Typography.Title>
          <Typography.Text type="secondary" data-testid="dash-scope">
            {scope}
          </Typography.Text>
        </Space>
        <Space wrap className="no-print">
          <Button icon={<ReloadOutlined />} onClick={() => setReload((r) => r + 1)}>
            {t('dash.refresh')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('detail.print')}
          </Button>
        </Space>
      </div>

      <Card size="small" className="filter-bar no-print" role="search" aria-label={t('dash.controls')}>
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
              <Select<PeriodKind>
                aria-label={t('dash.periodKind')}
                value={pKind}
                onChange={(k) => {
                  setPKind(k);
                  const d = periodToDay(period) ?? dayjs();
                  update({ period: dayToPeriod(d, k) });
                }}
                options={[
                  { value: 'month', label: t('list.periodMonth') },
                  { value: 'quarter', label: t('list.periodQuarter') },
                  { value: 'year', label: t('list.periodYear') },
                ]}
                style={{ width: 96 }}
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
      </Card>

      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} onRetry={() => setReload((r) => r + 1)} />
        </div>
      ) : null}

      {!stats && loading ? (
        <Card size="small" aria-busy="true">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : stats ? (
        <Spin spinning={loading} tip={t('app.loading')}>
          <SummaryCards stats={stats} />
          {stats.total === 0 && stats.cancelled === 0 && (
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

          <Row gutter={[12, 12]} className="dash-section">
            <Col xs={24} lg={12}>
              <WarningList
                warning="overdue"
                title={t('dash.warnOverdue')}
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
        </Spin>
      ) : null}

      <div className="dash-section">
        <TrendSection asOf={asOf} org={org} />
      </div>
    </div>
  );
}
