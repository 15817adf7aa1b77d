import { Empty } from 'antd';
import type { ReportFigures } from '../../api/types';
import { useT } from '../../i18n';
import { REPORT_COUNTS } from '../../lib/reportFigures';
import { TableScroll } from '../TableScroll';

export interface FigureRow {
  key: string;
  name: string;
  figures: ReportFigures;
}

interface Props {
  rows: readonly FigureRow[];
  /** The figures of all the rows together, as the last line. */
  totals: ReportFigures;
  caption: string;
  /** The heading of the rows' names ("Nguồn nhiệm vụ", "Đơn vị"). */
  nameHeader: string;
  emptyText: string;
}

function FigureCells({ figures }: { figures: ReportFigures }) {
  return (
    <>
      <td className="nowrap" data-figure="due_completed_ratio">
        {figures.due_completed_ratio}
      </td>
      {REPORT_COUNTS.map((c) => (
        <td key={c.figure} data-figure={c.figure} className={c.figure === 'overdue' && figures.overdue > 0 ? 'ur-late' : undefined}>
          {figures[c.figure]}
        </td>
      ))}
    </>
  );
}

/** A report's figures group by group ("x/y" due tasks completed, then every count), and their total. */
export function FigureGroupTable({ rows, totals, caption, nameHeader, emptyText }: Props) {
  const t = useT();
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <TableScroll label={caption}>
      <table className="gb-table cr-figure-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="gb-col-name">
              {nameHeader}
            </th>
            <th scope="col">{t('ur.fig.due')}</th>
            {REPORT_COUNTS.map((c) => (
              <th scope="col" key={c.figure}>
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`group-${r.key}`}>
              <th scope="row" className="gb-col-name">
                {r.name}
              </th>
              <FigureCells figures={r.figures} />
            </tr>
          ))}
          {/* In the body, not a footer: a printed footer is repeated at the foot of every sheet. */}
          <tr className="cr-total">
            <th scope="row" className="gb-col-name">
              {t('cr.total')}
            </th>
            <FigureCells figures={totals} />
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
