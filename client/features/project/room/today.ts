import { calendarDay } from '../../../i18n/format.ts';

/** Today in the user's time zone (their profile's), as the document writes dates: 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return calendarDay(now);
}
