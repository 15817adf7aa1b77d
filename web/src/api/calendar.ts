import { api, ifMatch } from './client';
import type { CalendarDay, CalendarDays, CalendarYear } from './types';

export const getCalendarYear = (year: number) => api.get<CalendarYear>(`/calendar/${year}`);

/** Replaces the year's whole list of days; `version` is the one read ("0" for a year never set). */
export const setCalendarYear = (year: number, version: number, days: CalendarDay[]) =>
  api.put<CalendarYear>(`/calendar/${year}`, { days } satisfies CalendarDays, { headers: ifMatch(version) });

/** Drops the days set: the year returns to the announced days off or the statutory holidays. */
export const resetCalendarYear = (year: number, version: number) =>
  api.del<CalendarYear>(`/calendar/${year}`, { headers: ifMatch(version) });
