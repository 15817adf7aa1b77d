import type { UnitReportState } from '../../api/types';
import { useT } from '../../i18n';
import { stateLabelKey } from '../../lib/unitReports';

const SWATCH: Record<UnitReportState, { color: string; background: string; border: string }> = {
  not_started: { color: '#595959', background: '#fafafa', border: '#d9d9d9' },
  draft: { color: '#0958d9', background: '#e6f4ff', border: '#91caff' },
  submitted: { color: '#7a4d00', background: '#fffbe6', border: '#ffe58f' },
  returned: { color: '#a8071a', background: '#fff1f0', border: '#ffa39e' },
  accepted: { color: '#135200', background: '#f6ffed', border: '#b7eb8f' },
};

/** Where a unit's report stands, as a tag (the same span as the tasks' status tags). */
export function ReportStateTag({ state }: { state: UnitReportState }) {
  const t = useT();
  const s = SWATCH[state];
  return (
    <span className="status-tag" style={{ color: s.color, background: s.background, borderColor: s.border }}>
      {t(stateLabelKey(state))}
    </span>
  );
}

/** "Trễ 3 ngày làm việc" in red, or nothing when the report is not late. */
export function Lateness({ days }: { days: number }) {
  const t = useT();
  if (days <= 0) return null;
  return <span className="ur-late">{t('ur.late', { days })}</span>;
}
