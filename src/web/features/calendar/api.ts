import { api } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { AddWorkdaysResult, CalendarYear } from '../../api/types.ts';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  add: (date: string, n: number) => ['calendar', 'add', date, n] as const,
};

export function fetchCalendar(year: number): Promise<CalendarYear> {
  return unwrap<CalendarYear>(api.GET('/api/calendar/{year}', { params: { path: { year } } }));
}

export function saveCalendar(
  year: number,
  holidays: string[],
  makeUpWorkdays: string[],
  reason: string | undefined,
): Promise<CalendarYear> {
  return unwrap<CalendarYear>(
    api.PUT('/api/calendar/{year}', {
      params: { path: { year } },
      body: { holidays, makeUpWorkdays, ...(reason ? { reason } : {}) },
    }),
  );
}

export function addWorkdays(date: string, n: number): Promise<AddWorkdaysResult> {
  return unwrap<AddWorkdaysResult>(api.GET('/api/calendar/add', { params: { query: { date, n } } }));
}
