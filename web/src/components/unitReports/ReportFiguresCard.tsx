import type { ReactNode } from 'react';
import type { ReportFigures } from '../../api/types';
import { useT } from '../../i18n';
import { UNIT_REPORT_COUNTS, type FigureCount } from '../../lib/reportFigures';

interface Props {
  figures: ReportFigures;
  /** The section's heading (default: the figures of the tasks the unit leads) and its id. */
  title?: string;
  id?: string;
  /** The counts shown after "x/y" (default: those of a unit's report). */
  counts?: readonly FigureCount[];
  /** A line under the heading (the consolidated report's sentence as read out). */
  lead?: ReactNode;
}

/** A report's figures as a briefing reads them ("15/15" due and completed first). */
export function ReportFiguresCard({ figures, title, id = 'ur-figures', counts = UNIT_REPORT_COUNTS, lead }: Props) {
  const t = useT();
  return (
    <section className="ur-section" aria-labelledby={id}>
      <h2 id={id} className="ur-heading">
        {title ?? t('ur.figures')}
      </h2>
      {lead}
      <dl className="ur-figures">
        <div>
          <dt>{t('ur.fig.due')}</dt>
          <dd data-figure="due_completed_ratio">{figures.due_completed_ratio}</dd>
        </div>
        {counts.map((c) => (
          <div key={c.figure}>
            <dt>{t(c.label)}</dt>
            <dd data-figure={c.figure} className={c.figure === 'overdue' && figures.overdue > 0 ? 'ur-late' : undefined}>
              {figures[c.figure]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
