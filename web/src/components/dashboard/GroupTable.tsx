import { Empty } from 'antd';
import type { StatsGroup } from '../../api/types';
import { useLang, useT, type MessageKey } from '../../i18n';
import { CLASS_ORDER } from '../../lib/dashboard';
import { formatRate } from '../../lib/format';
import { STATUS_SWATCH, statusLabelKey } from '../../lib/status';
import { TableScroll } from '../TableScroll';
import { FigureLink, ReportFigureLink } from './FigureLink';

interface Props {
  groups: StatsGroup[];
  /** 'source_kind': the key is a source kind; 'unit': the group has a name. */
  kind: 'source_kind' | 'unit';
  caption: string;
  emptyText: string;
}

/**
 * Counts per group (source kind or lead unit): due tasks completed "x/y" as the report counts them,
 * then the status classes (cumulative, with a report period); every count links to its task list.
 */
export function GroupTable({ groups, kind, caption, emptyText }: Props) {
  const t = useT();
  const [lang] = useLang();
  const groupName = (g: StatsGroup) =>
    kind === 'source_kind' ? t(`sourceKind.${g.key}` as MessageKey) : g.name ?? `#${g.key}`;

  const head = (
    <tr>
      <th scope="col" className="gb-col-name">
        {kind === 'unit' ? t('dash.col.unit') : t('dash.col.sourceKind')}
      </th>
      <th scope="col">{t('dash.col.total')}</th>
      <th scope="col">{t('dash.col.dueCompleted')}</th>
      {CLASS_ORDER.map((c) => (
        <th scope="col" key={c} style={{ color: STATUS_SWATCH[c].color }}>
          {t(statusLabelKey(c))}
        </th>
      ))}
      <th scope="col">{t('dash.col.onTimeRate')}</th>
      <th scope="col">{t('dash.col.overdueRate')}</th>
      <th scope="col">{t('dash.col.cancelled')}</th>
    </tr>
  );

  if (groups.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  return (
    <TableScroll label={caption}>
      <table className="gb-table dash-group-table">
        <caption className="sr-only">{caption}</caption>
        <thead>{head}</thead>
        <tbody>
          {groups.map((g) => {
            const name = groupName(g);
            const figures = g.report_figures ? { tasks_url: g.tasks_url, report_figures: g.report_figures } : undefined;
            return (
              <tr key={g.key} data-testid={`group-${g.key}`}>
                <th scope="row" className="gb-col-name">
                  <span className="dash-group-name">{name}</span>
                </th>
                <td>
                  <FigureLink counts={g} figure="total" label={`${t('dash.total')} – ${name}`} />
                </td>
                <td className="nowrap" data-testid="due-completed">
                  {figures ? (
                    <>
                      <ReportFigureLink group={figures} figure="due_completed" padded label={`${t('dash.reportDueCompletedAria')} – ${name}`} />/
                      <ReportFigureLink group={figures} figure="due" padded label={`${t('dash.reportDueAria')} – ${name}`} />
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                {CLASS_ORDER.map((c) => (
                  <td key={c}>
                    <FigureLink
                      counts={g}
                      figure={c}
                      label={`${t(statusLabelKey(c))} – ${name}`}
                      style={c === 'overdue' && g.overdue > 0 ? { color: STATUS_SWATCH.overdue.color, fontWeight: 600 } : undefined}
                    />
                  </td>
                ))}
                <td>{formatRate(g.on_time_rate, lang)}</td>
                <td>{formatRate(g.overdue_rate, lang)}</td>
                <td>
                  <FigureLink counts={g} figure="cancelled" label={`${t('dash.cancelled')} – ${name}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
