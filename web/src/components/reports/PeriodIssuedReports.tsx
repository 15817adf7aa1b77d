import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import type { IssuedReportSummary } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { issuedReportPath } from '../../lib/issuedReports';

/**
 * The reports issued for the period shown, newest first: each one's number and date, opening it,
 * and whether it is in force or which one replaced it.
 */
export function PeriodIssuedReports({ items }: { items: readonly IssuedReportSummary[] }) {
  const t = useT();
  if (items.length === 0) return null;
  const inForce = items.some((r) => r.replaced_by === null);
  return (
    <Alert
      type={inForce ? 'success' : 'info'}
      showIcon
      role="note"
      className="ur-block cr-issued"
      message={t('cr.issuedForPeriod', { count: items.length })}
      description={
        <ul className="cr-issued-list" aria-label={t('cr.issuedForPeriod', { count: items.length })}>
          {items.map((r) => (
            <li key={r.id} data-testid={`issued-${r.id}`}>
              <Link to={issuedReportPath(r.id)}>{t('ir.numberDate', { number: r.number_text, date: formatDate(r.issued_on) })}</Link>
              {' — '}
              {r.replaced_by ? t('ir.replacedBy', { number: r.replaced_by.number_text }) : <strong>{t('ir.inForce')}</strong>}
            </li>
          ))}
        </ul>
      }
    />
  );
}
