// The month-by-month chart. Loaded lazily (its own chunk with the parts of ECharts it uses), so
// that the dashboard's figures show before the chart code arrives.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Statistics } from '../../api/types';
import { useLang, useT } from '../../i18n';
import { CLASS_ORDER, figureLink } from '../../lib/dashboard';
import { formatRate } from '../../lib/format';
import { STATUS_SWATCH, statusLabelKey } from '../../lib/status';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TrendPoint {
  period: string;
  label: string;
  stats: Statistics;
}

/** Below this width the legend goes under the chart, on as many lines as it needs. */
const NARROW = 560;

export default function TrendChart({ points, ariaLabel }: { points: TrendPoint[]; ariaLabel: string }) {
  const t = useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The container's width once it has a size (0 before).
  const [width, setWidth] = useState(0);

  // ECharts sizes its canvas from the container when it is made, and draws nothing into a
  // container without a size (not laid out yet, or hidden, when the chunk arrived). So the chart
  // is made only once the container has a size, and follows it from then on.
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const fit = () => {
      const w = node.clientWidth;
      if (!w || !node.clientHeight) return;
      if (chart.current) chart.current.resize();
      else chart.current = echarts.init(node, undefined, { renderer: 'canvas' });
      setWidth(w);
    };
    const ro = new ResizeObserver(fit);
    ro.observe(node);
    fit();
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  const made = width > 0;
  const narrow = made && width < NARROW;
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const rateName = t('dash.overdueRate');
    c.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'axis',
          // Kept inside the chart: on a phone it ran off the left of the screen.
          confine: true,
          className: 'dash-trend-tooltip',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: unknown) => String(v),
        },
        // On a phone a scrolling legend showed one series and a pager: all of them, wrapped, under
        // the chart instead.
        legend: narrow ? { type: 'plain', bottom: 0, left: 0, itemGap: 8 } : { top: 0, type: 'scroll' },
        grid: narrow
          ? { left: 40, right: 44, top: 32, bottom: 100, containLabel: false }
          : { left: 40, right: 48, top: 48, bottom: 28, containLabel: false },
        xAxis: { type: 'category', data: points.map((p) => p.label) },
        yAxis: [
          { type: 'value', minInterval: 1, name: t('dash.trendTasks'), nameTextStyle: { align: 'left' } },
          {
            type: 'value',
            min: 0,
            axisLabel: { formatter: (v: number) => formatRate(v, lang, 0) },
            splitLine: { show: false },
          },
        ],
        series: [
          ...CLASS_ORDER.map((c) => ({
            name: t(statusLabelKey(c)),
            type: 'bar' as const,
            stack: 'classes',
            itemStyle: { color: STATUS_SWATCH[c].solid },
            emphasis: { focus: 'series' as const },
            cursor: 'pointer',
            data: points.map((p) => p.stats[c]),
          })),
          {
            name: rateName,
            type: 'line' as const,
            yAxisIndex: 1,
            itemStyle: { color: '#5c0011' },
            lineStyle: { type: 'dashed' as const },
            tooltip: { valueFormatter: (v: unknown) => formatRate(Number(v), lang) },
            data: points.map((p) => p.stats.overdue_rate),
          },
        ],
      },
      true,
    );
    c.off('click');
    c.on('click', (e) => {
      const p = points[e.dataIndex ?? -1];
      if (!p || e.seriesType !== 'bar') return;
      const cls = CLASS_ORDER[e.seriesIndex ?? -1];
      if (cls) navigate(figureLink(p.stats.tasks_url, cls));
    });
  }, [points, t, lang, navigate, made, narrow]);

  return <div ref={el} className="dash-trend-chart" role="img" aria-label={ariaLabel} />;
}
