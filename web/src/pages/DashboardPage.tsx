import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Skeleton, Space, Spin, TreeSelect, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError } from '../api/client';
import { getReportSettings } from '../api/reportSettings';
import { getStats } from '../api/tasks';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { GroupTable } from '../components/dashboard/GroupTable';
import { KeyTasksCard, ReportPeriodCard, SummaryCards } from '../components/dashboard/SummaryCards';
import { TrendSection } from '../components/dashboard/TrendSection';
import { WarningList } from '../components/dashboard/WarningList';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { ReportPeriodPicker } from '../components/reports/ReportPeriodPicker';
import { RunningPeriodNotice } from '../components/reports/RunningPeriodNotice';
import { useLang, useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { listLink, sortUnits } from '../lib/dashboard';
import { formatDate, fromIsoDate, toIsoDate, todayIso } from '../lib/format';
import { agencyOrgTree, orgPickerProps } from '../lib/orgPicker';
import {
  latestBegunPeriod,
  periodTitle,
  reportPeriodAs,
  reportPeriodKind,
  reportWindowWords,
  runningMonthKey,
} from '../lib/period';
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
  const statsQuery = useMemo(() => dashboardStatsQuery({ period, org }), [period, org]);
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
  const { loading, error } = statsLoad;
  // A period that has not begun has no report: said in words, and no earlier period's figures
  // left on the screen under its name.
  const notStarted = error instanceof ApiError && error.fieldCode('report_period') === 'not_started';
  const stats = notStarted ? undefined : statsLoad.data;
  const report = stats?.report_period;
  const orgs = useOrganizations();
  usePageTitle(t('page.dashboard'));
  // The summary figures are rendered first, on their own; the controls, lists and tables (most of
  // the rendering work) follow in the next task, once the figures are on the screen.
  const rest = useAfterFirstPaint(stats !== undefined || error !== null);
  // Which periods have begun depends on the agency's convention: the figures' answer says it, and
  // without one (the period asked has not begun) the agency's settings do.
  const needSettings = rest && !report;
  const settings = useLoad(needSettings ? (signal) => getReportSettings(signal) : null, [needSettings]);
  const convention = report?.period_convention ?? settings.data?.period_convention;
  const today = todayIso();

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

  const title = periodTitle(t, period);
  // "Số liệu kỳ báo cáo tháng 11/2026": the period's name inside a sentence.
  const titleInText = lang === 'vi' ? title.charAt(0).toLowerCase() + title.slice(1) : title;
  const scope = [orgName ?? t('dash.wholeAgency'), title].join(' · ');

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
              <label htmlFor="dash-period">{t('ur.period')}</label>
              <ReportPeriodPicker
                id="dash-period"
                value={period}
                onChange={(key) => update({ period: key })}
                begunBy={convention ? { today, convention } : undefined}
              />
            </div>
            <div>
              <label htmlFor="dash-asof">{t('dash.warnAsOf')}</label>
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

      {/* The period's figures, counted as the report on it counts them, to the day it counts. */}
      <section aria-labelledby="dash-period-h" className="dash-section">
        <h2 id="dash-period-h" className="dash-summary-title">
          {t('dash.summary', { period: titleInText })}
        </h2>
        {report && (
          <p className="dash-window" data-testid="dash-window">
            {reportWindowWords(t, report)}.{orgName && <> {t('dash.summaryOrg', { org: orgName })}</>}
          </p>
        )}
        {report && <RunningPeriodNotice window={report} className="dash-running" />}
        {notStarted ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="dash-not-started"
            message={t('period.notStarted', { period: title })}
            description={t('dash.notStartedAction')}
            action={
              <Button
                size="small"
                onClick={() =>
                  update({ period: convention ? latestBegunPeriod(reportPeriodKind(period) ?? 'month', today, convention) : undefined })
                }
              >
                {t('dash.showCurrent')}
              </Button>
            }
          />
        ) : (
          <LoadErrorAlert load={statsLoad} />
        )}

        {!stats && loading ? (
          <Card size="small" aria-busy="true">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : stats && report ? (
          <Spin spinning={loading} tip={t('app.loading')}>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}>
                <ReportPeriodCard stats={stats} />
              </Col>
              <Col xs={24} lg={12}>
                <KeyTasksCard stats={stats} />
              </Col>
            </Row>
            <SummaryCards stats={stats} heading={t('dash.cumulative', { date: formatDate(report.as_of) })} />
            {rest && stats.total === 0 && stats.cancelled === 0 && (
              <Card size="small" className="dash-section">
                <Empty
                  description={
                    <>
                      <div>{t('dash.emptyPeriod', { period: titleInText })}</div>
                      <div>{t('dash.emptyPeriodAction')}</div>
                    </>
                  }
                >
                  <Space wrap>
                    {reportPeriodKind(period) !== 'year' && (
                      <Button onClick={() => update({ period: reportPeriodAs(period, 'year') })}>{t('dash.showYear')}</Button>
                    )}
                    {canCreateTask(user.role) && (
                      <Link to="/tasks/new">
                        <Button type="primary">{t('list.add')}</Button>
                      </Link>
                    )}
                  </Space>
                </Empty>
              </Card>
            )}
          </Spin>
        ) : null}
      </section>

      {/* The warnings are of no period: every task as of the day chosen for them. */}
      {rest && (
        <section aria-labelledby="dash-warn-h" className="dash-section">
          <h2 id="dash-warn-h" className="dash-summary-title">
            {t('dash.warnings', { date: formatDate(asOf) })}
          </h2>
          <Row gutter={[12, 12]}>
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
        </section>
      )}

      {rest && stats && report && (
        <section aria-labelledby="dash-detail-h" className="dash-section">
          <h2 id="dash-detail-h" className="dash-summary-title">
            {t('dash.detail', { period: titleInText })}
          </h2>
          <Spin spinning={loading}>
            <Card size="small" title={t('dash.bySourceKind')}>
              <GroupTable kind="source_kind" groups={stats.by_source_kind} caption={t('dash.bySourceKind')} emptyText={t('dash.groupEmpty')} />
            </Card>
            <Card size="small" title={t('dash.byUnit')} className="dash-section" extra={<span className="task-sub">{t('dash.byUnitSort')}</span>}>
              <GroupTable kind="unit" groups={units} caption={t('dash.byUnit')} emptyText={t('dash.groupEmpty')} />
            </Card>
          </Spin>
        </section>
      )}

      <div className="dash-section">
        <TrendSection lastMonth={convention ? runningMonthKey(today, convention) : undefined} org={org} ready={rest} />
      </div>
    </div>
  );
}
