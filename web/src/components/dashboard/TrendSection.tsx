import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Card, Collapse, Skeleton } from 'antd';
import { getStats } from '../../api/tasks';
import { useLang, useT } from '../../i18n';
import { CLASS_ORDER, periodText, trendMonths } from '../../lib/dashboard';
import { formatRate } from '../../lib/format';
import { statusLabelKey } from '../../lib/status';
import { useLoad } from '../../lib/useLoad';
import { ErrorAlert } from '../ErrorAlert';
import { TableScroll } from '../TableScroll';
import { FigureLink } from './FigureLink';
import type { TrendPoint } from './TrendChart';

const TrendChart = lazy(() => import('./TrendChart'));

/**
 * Twelve /stats calls (period=YYYY-MM each, in parallel), drawn as a chart and listed as a table.
 * Nothing is asked for before `ready` (the dashboard's own figures are shown), and the chart's
 * chunk (ECharts, the largest of the app) only when the section comes near the screen: the month
 * table is there for print and the keyboard in any case.
 */
export function TrendSection({ asOf, org, ready = true }: { asOf: string; org?: number; ready?: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const months = useMemo(() => trendMonths(asOf, 12), [asOf]);
  const trend = useLoad(
    ready
      ? (signal) =>
          Promise.all(
            months.map((m): Promise<TrendPoint> => {
              const p = new URLSearchParams({ period: m.period, as_of: m.asOf });
              if (org) p.set('org', String(org));
              return getStats(p, signal).then((stats) => ({
                period: m.period,
                label: m.period.slice(5) + '/' + m.period.slice(2, 4),
                stats,
              }));
            }),
          )
      : null,
    [months, org],
  );
  // A new scope shows the skeleton rather than last scope's months.
  const points = trend.loading ? null : trend.data;
  const card = useRef<HTMLDivElement>(null);
  const [chartWanted, setChartWanted] = useState(false);

  useEffect(() => {
    if (!ready || !points || chartWanted) return;
    const el = card.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setChartWanted(true);
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setChartWanted(true);
          io.disconnect();
        }
      },
      { rootMargin: '200px 0px' },
    );
    io.observe(el);
    // Also when the browser is idle a while after the figures, so that the chart is there when
    // the user scrolls down.
    const timer = window.setTimeout(() => setChartWanted(true), 2000);
    return () => {
      io.disconnect();
      window.clearTimeout(timer);
    };
  }, [ready, points, chartWanted]);

  return (
    <Card size="small" title={t('dash.trend')} className="dash-trend" ref={card}>
      {trend.error ? (
        <ErrorAlert error={trend.error} onRetry={trend.reload} />
      ) : !points ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          {chartWanted ? (
            <Suspense fallback={<div className="dash-trend-chart dash-trend-placeholder" />}>
              <TrendChart points={points} ariaLabel={t('dash.trendAria')} />
            </Suspense>
          ) : (
            <div className="dash-trend-chart dash-trend-placeholder" />
          )}
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
