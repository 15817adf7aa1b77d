import { lazy, Suspense, useMemo } from 'react';
import { Card, Collapse, Skeleton, Typography } from 'antd';
import { getStats } from '../../api/tasks';
import type { Statistics } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { CLASS_ORDER, periodText, trendMonths } from '../../lib/dashboard';
import { formatRate } from '../../lib/format';
import { statusLabelKey } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { ErrorAlert } from '../ErrorAlert';
import { TableScroll } from '../TableScroll';
import { FigureLink, ReportFigureLink } from './FigureLink';
import type { TrendPoint } from './TrendChart';

const TrendChart = lazy(() => import('./TrendChart'));

/**
 * Twelve /stats calls (report_period=YYYY-MM each, in parallel: each month as its report counts
 * it), drawn as a chart and listed as a table. Nothing is asked for before `ready` (the dashboard's
 * own figures are shown) nor before the last month is known. The chart's chunk (ECharts, the
 * largest of the app) is asked for as soon as the months are there, not when the section comes
 * into view: a dashboard printed without scrolling down had an empty chart.
 */
export function TrendSection({ lastMonth, org, ready = true }: { lastMonth?: string; org?: number; ready?: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const months = useMemo(() => (lastMonth ? trendMonths(lastMonth, 12) : []), [lastMonth]);
  const trend = useLoad(
    ready && lastMonth
      ? (signal) =>
          Promise.all(
            months.map((period): Promise<TrendPoint> => {
              const p = new URLSearchParams({ report_period: period });
              if (org) p.set('org', String(org));
              return getStats(p, signal).then((stats) => ({
                period,
                label: period.slice(5) + '/' + period.slice(2, 4),
                stats,
              }));
            }),
          )
      : null,
    [months, org],
  );
  // A new scope shows the skeleton rather than last scope's months.
  const points = trend.loading ? null : trend.data;
  return (
    <Card size="small" title={t('dash.trend')} className="dash-trend">
      {/* Without it the months were read as today's figures (the overdue count above). */}
      <Typography.Paragraph type="secondary" className="dash-note dash-trend-note">
        {t('dash.trendNote')}
      </Typography.Paragraph>
      {trend.error ? (
        <ErrorAlert error={trend.error} onRetry={trend.reload} />
      ) : !points ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Suspense fallback={<div className="dash-trend-chart dash-trend-placeholder" />}>
            <TrendChart points={points} ariaLabel={t('dash.trendAria')} />
          </Suspense>
          <Collapse
            ghost
            size="small"
            className="dash-trend-table"
            items={[
              {
                key: 'table',
                label: t('dash.trendTable'),
                forceRender: true,
                children: (
                  <TableScroll label={t('dash.trendTable')}>
                    <table className="gb-table">
                      <caption className="sr-only">{t('dash.trendTable')}</caption>
                      <thead>
                        <tr>
                          <th scope="col" className="gb-col-name">
                            {t('dash.col.month')}
                          </th>
                          <th scope="col">{t('dash.col.dueCompleted')}</th>
                          <th scope="col">{t('dash.col.total')}</th>
                          {CLASS_ORDER.map((c) => (
                            <th scope="col" key={c}>
                              {t(statusLabelKey(c))}
                            </th>
                          ))}
                          <th scope="col">{t('dash.col.overdueRate')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {points.map((p) => (
                          <tr key={p.period}>
                            <th scope="row" className="gb-col-name">
                              {periodText(p.period, lang)}
                            </th>
                            <td className="nowrap">
                              <DueCompletedCell stats={p.stats} />
                            </td>
                            <td>
                              <FigureLink counts={p.stats} figure="total" />
                            </td>
                            {CLASS_ORDER.map((c) => (
                              <td key={c}>
                                <FigureLink counts={p.stats} figure={c} />
                              </td>
                            ))}
                            <td>{formatRate(p.stats.overdue_rate, lang)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** A month's due tasks completed, "x/y", each number linked to its list. */
function DueCompletedCell({ stats }: { stats: Statistics }) {
  const figures = stats.report_figures;
  if (!figures) return <>–</>;
  const group = { tasks_url: stats.tasks_url, report_figures: figures };
  return (
    <>
      <ReportFigureLink group={group} figure="due_completed" padded />/
      <ReportFigureLink group={group} figure="due" padded />
    </>
  );
}
