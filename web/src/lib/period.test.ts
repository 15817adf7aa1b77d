import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import {
  isMonthKey,
  lastFinishedMonthKey,
  periodTitle,
  previousMonthKey,
  reportPeriodAs,
  reportPeriodKind,
  isRunning,
  latestBegunPeriod,
  reportPeriodBegun,
  reportPeriodStart,
  reportWindowWords,
  runningMonthKey,
} from './period';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('vi', key, params);

describe('report periods', () => {
  it('takes the month before today, across the turn of the year', () => {
    expect(previousMonthKey('2026-11-24')).toBe('2026-10');
    expect(previousMonthKey('2027-01-02')).toBe('2026-12');
    expect(previousMonthKey('2026-10-31')).toBe('2026-09');
  });

  it('accepts only a year and a month as a month key', () => {
    expect(isMonthKey('2026-10')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-Q4')).toBe(false);
    expect(isMonthKey(null)).toBe(false);
  });

  it('knows the four kinds of key and nothing else', () => {
    expect(reportPeriodKind('2024-05')).toBe('month');
    expect(reportPeriodKind('2024-Q2')).toBe('quarter');
    expect(reportPeriodKind('2024-M08')).toBe('first_months');
    expect(reportPeriodKind('2024')).toBe('year');
    for (const bad of ['2024-00', '2024-13', '2024-Q5', '2024-M12', '2024-M00', '2024-M8', '24', '', null, 'thang-5']) {
      expect(reportPeriodKind(bad), String(bad)).toBeUndefined();
    }
  });

  it('takes the last month finished by today in the agency’s convention', () => {
    expect(lastFinishedMonthKey('2026-11-24', 'calendar_month')).toBe('2026-10');
    expect(lastFinishedMonthKey('2026-11-30', 'calendar_month')).toBe('2026-10');
    // Under the cut-off November runs from 15/10 to 14/11: it is over on the 15th, not before.
    expect(lastFinishedMonthKey('2026-11-24', 'cutoff_14th')).toBe('2026-11');
    expect(lastFinishedMonthKey('2026-11-15', 'cutoff_14th')).toBe('2026-11');
    expect(lastFinishedMonthKey('2026-11-14', 'cutoff_14th')).toBe('2026-10');
    expect(lastFinishedMonthKey('2027-01-03', 'cutoff_14th')).toBe('2026-12');
    expect(lastFinishedMonthKey('2027-01-03', 'calendar_month')).toBe('2026-12');
  });

  it('turns a period into another kind around its last month', () => {
    expect(reportPeriodAs('2026-10', 'quarter')).toBe('2026-Q4');
    expect(reportPeriodAs('2026-10', 'first_months')).toBe('2026-M10');
    expect(reportPeriodAs('2026-10', 'year')).toBe('2026');
    expect(reportPeriodAs('2026-Q2', 'month')).toBe('2026-06');
    expect(reportPeriodAs('2026-M08', 'quarter')).toBe('2026-Q3');
    // December's first months would be the year: the first eleven.
    expect(reportPeriodAs('2026-12', 'first_months')).toBe('2026-M11');
    expect(reportPeriodAs('2026', 'month')).toBe('2026-12');
    expect(reportPeriodAs('2026-01', 'first_months')).toBe('2026-M01');
  });

  it('names each kind as a report does', () => {
    expect(periodTitle(t, '2026-10')).toBe('Tháng 10/2026');
    expect(periodTitle(t, '2026-03')).toBe('Tháng 3/2026');
    expect(periodTitle(t, '2026-Q4')).toBe('Quý IV/2026');
    expect(periodTitle(t, '2026-M08')).toBe('8 tháng đầu năm 2026');
    expect(periodTitle(t, '2026')).toBe('Năm 2026');
  });

  it('states the window in words, without leading zeros', () => {
    expect(reportWindowWords(t, { period_start: '2023-07-15', period_end: '2023-08-14', as_of: '2023-08-14', period_running: false })).toBe('Số liệu tính từ ngày 15/7/2023 đến ngày 14/8/2023');
    expect(reportWindowWords(t, { period_start: '2026-11-01', period_end: '2026-11-30', as_of: '2026-11-30', period_running: false })).toBe('Số liệu tính từ ngày 1/11/2026 đến ngày 30/11/2026');
  });

  it('says a report made while its period runs counts to the day it was made', () => {
    const running = { period_start: '2026-11-01', period_end: '2026-11-30', as_of: '2026-11-27', period_running: true };
    expect(isRunning(running)).toBe(true);
    expect(reportWindowWords(t, running)).toBe('Số liệu tính từ ngày 1/11/2026 đến ngày 27/11/2026');
    // On its last day the period still runs, though it is counted whole.
    expect(isRunning({ ...running, as_of: '2026-11-30' })).toBe(true);
    expect(isRunning({ ...running, as_of: '2026-11-30', period_running: false })).toBe(false);
  });

  it('knows the first day of a period in either convention', () => {
    expect(reportPeriodStart('2026-11', 'calendar_month')).toBe('2026-11-01');
    expect(reportPeriodStart('2026-11', 'cutoff_14th')).toBe('2026-10-15');
    // January, and so the year, its first months and its first quarter, begin on 15 December.
    for (const key of ['2027-01', '2027', '2027-M08', '2027-Q1']) {
      expect(reportPeriodStart(key, 'cutoff_14th'), key).toBe('2026-12-15');
      expect(reportPeriodStart(key, 'calendar_month'), key).toBe('2027-01-01');
    }
    expect(reportPeriodStart('2026-Q4', 'cutoff_14th')).toBe('2026-09-15');
    expect(reportPeriodStart('2026-13', 'calendar_month')).toBeUndefined();
  });

  it('says whether a period has begun, its first day included', () => {
    expect(reportPeriodBegun('2026-11', '2026-11-01', 'calendar_month')).toBe(true);
    expect(reportPeriodBegun('2026-12', '2026-11-27', 'calendar_month')).toBe(false);
    expect(reportPeriodBegun('2026-12', '2026-11-15', 'cutoff_14th')).toBe(true);
    expect(reportPeriodBegun('2026-12', '2026-11-14', 'cutoff_14th')).toBe(false);
    expect(reportPeriodBegun('2027', '2026-12-20', 'cutoff_14th')).toBe(true);
    expect(reportPeriodBegun('2027', '2026-12-20', 'calendar_month')).toBe(false);
  });

  it('takes the month running today, and the latest period of each kind begun', () => {
    expect(runningMonthKey('2026-11-27', 'calendar_month')).toBe('2026-11');
    expect(runningMonthKey('2026-11-27', 'cutoff_14th')).toBe('2026-12');
    expect(runningMonthKey('2026-11-14', 'cutoff_14th')).toBe('2026-11');
    expect(runningMonthKey('2026-12-15', 'cutoff_14th')).toBe('2027-01');
    expect(latestBegunPeriod('month', '2026-11-27', 'calendar_month')).toBe('2026-11');
    expect(latestBegunPeriod('quarter', '2026-11-27', 'calendar_month')).toBe('2026-Q4');
    expect(latestBegunPeriod('first_months', '2026-11-27', 'calendar_month')).toBe('2026-M11');
    expect(latestBegunPeriod('year', '2026-12-20', 'cutoff_14th')).toBe('2027');
    expect(latestBegunPeriod('first_months', '2026-12-03', 'calendar_month')).toBe('2026-M11');
    for (const kind of ['month', 'quarter', 'first_months', 'year'] as const) {
      for (const convention of ['calendar_month', 'cutoff_14th'] as const) {
        for (const today of ['2026-11-27', '2026-12-14', '2026-12-15', '2027-01-01']) {
          expect(reportPeriodBegun(latestBegunPeriod(kind, today, convention), today, convention), `${kind} ${convention} ${today}`).toBe(true);
        }
      }
    }
  });
});
