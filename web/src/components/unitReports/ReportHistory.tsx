import { Timeline } from 'antd';
import type { HistoryEvent } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { formatDate, formatTimestamp, todayIso } from '../../lib/format';

const KNOWN = new Set(['created', 'updated', 'submitted', 'returned', 'accepted']);

function useEventText() {
  const t = useT();
  return (e: HistoryEvent) => {
    if (e.action === 'returned') return t('ur.history.returned', { comment: String(e.after?.comment ?? '') });
    return KNOWN.has(e.action) ? t(`ur.history.${e.action}` as MessageKey) : e.action;
  };
}

/**
 * When a step was taken: the moment it was recorded, or, for a step recorded on a later day than
 * the one it took place (a report loaded from before), that day alone.
 */
export function eventWhen(e: Pick<HistoryEvent, 'recorded_at' | 'occurred_on'>): string {
  if (e.occurred_on && e.occurred_on !== todayIso(new Date(e.recorded_at))) return formatDate(e.occurred_on);
  return formatTimestamp(e.recorded_at);
}

/** Who did what to the report, and when. */
export function ReportHistory({ events }: { events: HistoryEvent[] }) {
  const t = useT();
  const text = useEventText();
  return (
    <section className="ur-section" aria-labelledby="ur-history">
      <h2 id="ur-history" className="ur-heading">
        {t('ur.history')}
      </h2>
      {events.length === 0 ? (
        <p className="ur-empty">{t('ur.history.empty')}</p>
      ) : (
        <Timeline
          className="ur-history"
          items={events.map((e) => ({
            key: e.id,
            children: (
              <>
                <div>{text(e)}</div>
                <div className="ur-note-meta">
                  {e.actor?.name ?? ''} · {eventWhen(e)}
                </div>
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}
