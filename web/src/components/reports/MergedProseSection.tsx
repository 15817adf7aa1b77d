import type { MergedProse } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { PROSE_FIELDS } from '../unitReports/ProseSection';

/**
 * What the units wrote in the reports they sent (or had accepted), merged heading by heading:
 * under each of the five headings, each unit's paragraph under its name.
 */
export function MergedProseSection({ units, expected }: { units: readonly MergedProse[]; expected: number }) {
  const t = useT();
  return (
    <section className="ur-section" aria-labelledby="cr-prose">
      <h2 id="cr-prose" className="ur-heading">
        {t('cr.prose')}
      </h2>
      <p className="cr-lead">{t('cr.proseFrom', { count: units.length, total: expected })}</p>
      {PROSE_FIELDS.map((field, i) => {
        const written = units.filter((u) => u.prose[field].trim() !== '');
        const id = `cr-prose-${field}`;
        return (
          <div key={field} className="ur-prose" role="group" aria-labelledby={id}>
            <h3 id={id} className="ur-list-title">
              {`${i + 1}. ${t(`ur.prose.${field}` as MessageKey)}`}
            </h3>
            {written.length === 0 ? (
              <p className="ur-empty">{t('ur.prose.blank')}</p>
            ) : (
              written.map((u) => (
                <p key={u.organization.id} className="cr-prose-paragraph" data-testid={`prose-${field}-${u.organization.id}`}>
                  <strong className="cr-prose-unit">{u.organization.name}:</strong> <span className="ur-prose-text">{u.prose[field]}</span>
                </p>
              ))
            )}
          </div>
        );
      })}
    </section>
  );
}
