import { describe, expect, it } from 'vitest';
import { isMonthKey, previousMonthKey, reportPath } from './unitReports';

describe('unit report periods', () => {
  it('takes the month before today, across the turn of the year', () => {
    expect(previousMonthKey('2026-11-24')).toBe('2026-10');
    expect(previousMonthKey('2027-01-02')).toBe('2026-12');
    expect(previousMonthKey('2026-10-31')).toBe('2026-09');
  });

  it('accepts only a year and a month as a period key', () => {
    expect(isMonthKey('2026-10')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-Q4')).toBe(false);
    expect(isMonthKey(null)).toBe(false);
  });

  it('opens a report by its id, and a preview by its unit and month', () => {
    expect(reportPath({ id: 7, organization: { id: 5 }, period: '2026-10' })).toBe('/unit-reports/7');
    expect(reportPath({ id: 0, organization: { id: 5 }, period: '2026-10' })).toBe('/unit-reports/0?organization_id=5&period=2026-10');
  });
});
