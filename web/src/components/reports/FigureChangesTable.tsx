import type { FigureChange, ReportFigures } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { completedShareTrend, countTrend, orderSourceGroups, sourceGroupName, sourceGroupOf, unitGroupName, type Trend } from '../../lib/reportFigures';
import { TableScroll } from '../TableScroll';

interface Props {
  /** The whole agency first, then each group of either report (as the server lists them). */
  changes: readonly FigureChange[];
  /** False for the first report of its kind: there is nothing before to compare with. */
  compared: boolean;
  /** The reader's agency, whose own row says that it leads those tasks itself. */
  agencyId: number;
}

/**
 * How a change reads: its arrow (its shape gives the direction without colour), its words, and
 * whether it is good news (more of the due tasks completed, fewer overdue) or bad.
 */
function Mark({ trend, words, good }: { trend: Trend; words: string; good: boolean }) {
  if (trend === 'none') return null;
  const arrow = trend === 'up' ? '▲' : trend === 'down' ? '▼' : '=';
  const tone = trend === 'same' ? 'cmp-same' : good ? 'cmp-good' : 'cmp-bad';
  return (
    <span className={`cmp-mark ${tone}`} data-trend={trend}>
      <span aria-hidden="true">{arrow}</span> {words}
    </span>
  );
}

/** "75/80 → 85/89": before and after, or the after alone with a dash for a report with none before. */
function BeforeAfter({ before, after, compared }: { before: string; after: string; compared: boolean }) {
  const t = useT();
  return (
    <span className="cmp-values">
      {compared ? <span className="cmp-before">{before}</span> : <span title={t('cmp.noBefore')}>—</span>}
      <span aria-hidden="true"> → </span>
      <span className="sr-only">{t('cmp.now')}</span>
      <strong className="cmp-after">{after}</strong>
    </span>
  );
}

function ChangeCells({ before, after, compared }: { before: ReportFigures; after: ReportFigures; compared: boolean }) {
  const t = useT();
  const share = completedShareTrend(before, after);
  const overdue = countTrend(before.overdue, after.overdue);
  const shareWords: Record<Trend, MessageKey> = { up: 'cmp.shareUp', down: 'cmp.shareDown', same: 'cmp.shareSame', none: 'cmp.shareSame' };
  const difference = Math.abs(after.overdue - before.overdue);
  const overdueWords = overdue === 'up' ? t('cmp.up', { count: difference }) : overdue === 'down' ? t('cmp.down', { count: difference }) : t('cmp.same');
  return (
    <>
      <td data-figure="due_completed_ratio">
        <BeforeAfter before={before.due_completed_ratio} after={after.due_completed_ratio} compared={compared} />
        {compared && <Mark trend={share} words={t(shareWords[share])} good={share === 'up'} />}
      </td>
      <td data-figure="overdue">
        <BeforeAfter before={String(before.overdue)} after={String(after.overdue)} compared={compared} />
        {compared && <Mark trend={overdue} words={overdueWords} good={overdue === 'down'} />}
      </td>
    </>
  );
}

function ChangeRow({ change, name, compared, total = false }: { change: FigureChange; name: string; compared: boolean; total?: boolean }) {
  return (
    <tr data-testid={`change-${change.key}`} className={total ? 'cr-total' : undefined}>
      <th scope="row" className="gb-col-name">
        {name}
      </th>
      <ChangeCells before={change.before} after={change.after} compared={compared} />
    </tr>
  );
}

/**
 * The figures a briefing reads out ("x/y" due tasks completed, and how many are overdue) of each
 * group, in the last report and in this one, named as the report names them: the whole agency,
 * then by source, then by unit.
 */
export function FigureChangesTable({ changes, compared, agencyId }: Props) {
  const t = useT();
  const total = changes.find((c) => c.key === 'total');
  const bySource = orderSourceGroups(changes.filter((c) => sourceGroupOf(c)));
  const byUnit = changes.filter((c) => c.key !== 'total' && !sourceGroupOf(c));
  const groups = [
    { key: 'source', heading: t('cr.bySource'), rows: bySource.map((c) => ({ change: c, name: sourceGroupName(t, c) })) },
    { key: 'unit', heading: t('cr.byUnit'), rows: byUnit.map((c) => ({ change: c, name: unitGroupName(t, c, agencyId) })) },
  ].filter((g) => g.rows.length > 0);
  const caption = t('cmp.figuresTable');
  return (
    <TableScroll label={caption}>
      <table className="gb-table cmp-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="gb-col-name">
              {t('cmp.col.group')}
            </th>
            <th scope="col">{t('cmp.col.change', { figure: t('ur.fig.due') })}</th>
            <th scope="col">{t('cmp.col.change', { figure: t('ur.fig.overdue') })}</th>
          </tr>
        </thead>
        {total && (
          <tbody>
            <ChangeRow change={total} name={t('cr.total')} compared={compared} total />
          </tbody>
        )}
        {groups.map((g) => (
          <tbody key={g.key}>
            <tr className="cmp-group">
              <th scope="rowgroup" colSpan={3}>
                {g.heading}
              </th>
            </tr>
            {g.rows.map((r) => (
              <ChangeRow key={r.change.key} change={r.change} name={r.name} compared={compared} />
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}
