// Where an imported task stood in the work program it came from: the group headings above its row,
// its number (STT), the program's note on it and the bodies outside the agency it names as
// cooperating, as the program wrote them; none of these is a field of the task. The import is
// linked for those who import programs.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Task } from '../../api/types';
import { canImportProgram, useUser } from '../../auth/AuthProvider';
import { useT } from '../../i18n';

export type Place = NonNullable<Task['program_place']>;

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="program-place-line">
      <span className="program-place-label">{label}:</span> {children}
    </div>
  );
}

export function ProgramPlace({ place }: { place: Place }) {
  const t = useT();
  const user = useUser();
  return (
    <div className="program-place" data-testid="program-place">
      {place.headings.length > 0 && (
        <Line label={t('task.place.headings')}>
          {/* Outermost first, each inside the one before it. */}
          <ol className="program-place-path">
            {place.headings.map((h, i) => (
              <li key={i}>{h}</li>
            ))}
          </ol>
        </Line>
      )}
      {place.number && <Line label={t('task.place.number')}>{place.number}</Line>}
      {place.note && (
        <Line label={t('task.place.note')}>
          <span className="pre-wrap">{place.note}</span>
        </Line>
      )}
      {place.outside_units && <Line label={t('task.place.outside')}>{place.outside_units}</Line>}
      {canImportProgram(user.role) && (
        <div className="program-place-line no-print">
          <Link to={`/imports/${place.import_id}`}>{t('task.place.import')}</Link>
        </div>
      )}
    </div>
  );
}
