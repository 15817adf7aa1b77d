import type { ReportFigures } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';

const COUNTS: { key: MessageKey; value: (f: ReportFigures) => number }[] = [
  { key: 'ur.fig.overdue', value: (f) => f.overdue },
  { key: 'ur.fig.completedAhead', value: (f) => f.completed_ahead },
  { key: 'ur.fig.ongoing', value: (f) => f.ongoing },
  { key: 'ur.fig.assigned', value: (f) => f.assigned_in_period },
  { key: 'ur.fig.completedInPeriod', value: (f) => f.completed_in_period },
  { key: 'ur.fig.dueNext', value: (f) => f.due_next_period },
];

/** The figures of the tasks the unit leads, as a briefing reads them ("15/15" due and completed first). */
export function ReportFiguresCard({ figures }: { figures: ReportFigures }) {
  const t = useT();
  return (
    <section className="ur-section" aria-labelledby="ur-figures">
      <h2 id="ur-figures" className="ur-heading">
        {t('ur.figures')}
      </h2>
      <dl className="ur-figures">
        <div>
          <dt>{t('ur.fig.due')}</dt>
          <dd>{figures.due_completed_ratio}</dd>
        </div>
        {COUNTS.map((c) => (
          <div key={c.key}>
            <dt>{t(c.key)}</dt>
            <dd className={c.key === 'ur.fig.overdue' && figures.overdue > 0 ? 'ur-late' : undefined}>{c.value(figures)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
