import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { periodWindowText, reportPath } from './unitReports';

describe('unit reports', () => {
  it('opens a report by its id, and a preview by its unit and month', () => {
    expect(reportPath({ id: 7, organization: { id: 5 }, period: '2026-10' })).toBe('/unit-reports/7');
    expect(reportPath({ id: 0, organization: { id: 5 }, period: '2026-10' })).toBe('/unit-reports/0?organization_id=5&period=2026-10');
  });

  it('names the month and the days it covers', () => {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('vi', key, params);
    expect(periodWindowText(t, { period: '2026-11', period_start: '2026-10-15', period_end: '2026-11-14' })).toBe(
      'Tháng 11/2026: 15/10/2026 – 14/11/2026',
    );
  });
});
