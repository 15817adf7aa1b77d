import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../lib/format';
import { eventWhen } from './ReportHistory';

describe('eventWhen', () => {
  // 14:05 on 4 November 2026 in Việt Nam.
  const recorded = Date.UTC(2026, 10, 4, 7, 5);

  it('gives the moment of a step recorded the day it was taken', () => {
    expect(eventWhen({ recorded_at: recorded, occurred_on: '2026-11-04' })).toBe(formatTimestamp(recorded));
    expect(eventWhen({ recorded_at: recorded, occurred_on: null })).toBe(formatTimestamp(recorded));
  });

  it('gives only the day of a step recorded later than it was taken', () => {
    expect(eventWhen({ recorded_at: recorded, occurred_on: '2026-10-31' })).toBe('31/10/2026');
  });
});
