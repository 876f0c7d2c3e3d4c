/**
 * Dates and times on screen follow the time zone of the signed-in person's profile: the same
 * instant reads as a different hour (and sometimes day) in Paris and in Tokyo, while a calendar
 * date (a milestone's due day) is the same day for everyone.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { todayIso } from '../../client/features/project/room/today.ts';
import {
  calendarDay,
  dateTimeInputValue,
  displayTimeZone,
  formatDate,
  formatDateTime,
  formatTime,
  instantOfDateTimeInput,
  setDisplayTimeZone,
} from '../../client/i18n/format.ts';

// 23:30 in Paris on 5 January, 07:30 on 6 January in Tokyo, 17:30 on 5 January in New York.
const INSTANT = '2026-01-05T22:30:00Z';

afterEach(() => setDisplayTimeZone(null));

describe('dates in the profile’s time zone', () => {
  test('a time is shown in the profile’s zone', () => {
    setDisplayTimeZone('Europe/Paris');
    expect(formatTime('en', INSTANT)).toMatch(/^11:30\sPM$/);
    expect(formatTime('fr', INSTANT)).toBe('23:30');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatTime('fr', INSTANT)).toBe('07:30');
  });

  test('the day of an instant moves with the zone', () => {
    setDisplayTimeZone('Europe/Paris');
    expect(formatDate('en', INSTANT)).toBe('Jan 5, 2026');
    expect(formatDateTime('fr', INSTANT)).toMatch(/^5 janv\. 2026.*23:30$/);
    expect(calendarDay(INSTANT)).toBe('2026-01-05');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatDate('en', INSTANT)).toBe('Jan 6, 2026');
    expect(formatDateTime('fr', INSTANT)).toMatch(/^6 janv\. 2026.*07:30$/);
    expect(calendarDay(INSTANT)).toBe('2026-01-06');
    expect(todayIso(new Date(INSTANT))).toBe('2026-01-06');
  });

  test('a calendar date is the same day in every zone', () => {
    for (const zone of ['America/Los_Angeles', 'Europe/Paris', 'Pacific/Kiritimati']) {
      setDisplayTimeZone(zone);
      expect(formatDate('en', '2027-04-06')).toBe('Apr 6, 2027');
    }
  });

  test('no zone on the profile, or one this browser does not know: the browser’s own', () => {
    const browsers = new Intl.DateTimeFormat('fr', { timeStyle: 'short' }).format(new Date(INSTANT));
    setDisplayTimeZone('Asia/Tokyo');
    setDisplayTimeZone(null);
    expect(displayTimeZone()).toBeUndefined();
    expect(formatTime('fr', INSTANT)).toBe(browsers);
    setDisplayTimeZone('Mars/Olympus_Mons');
    expect(displayTimeZone()).toBeUndefined();
    expect(formatTime('fr', INSTANT)).toBe(browsers);
  });
});

describe('the history’s moment picker in the profile’s time zone', () => {
  test('an instant shows as the wall-clock time of the profile’s zone, and reads back to itself', () => {
    setDisplayTimeZone('Asia/Tokyo');
    expect(dateTimeInputValue(Date.parse(INSTANT))).toBe('2026-01-06T07:30');
    expect(instantOfDateTimeInput('2026-01-06T07:30')).toBe(Date.parse(INSTANT));
    setDisplayTimeZone('America/New_York');
    expect(dateTimeInputValue(Date.parse(INSTANT))).toBe('2026-01-05T17:30');
    expect(instantOfDateTimeInput('2026-01-05T17:30')).toBe(Date.parse(INSTANT));
  });

  test('a time on a clock-change day takes that day’s offset', () => {
    setDisplayTimeZone('Europe/Paris');
    // summer time begins at 02:00 on 29 March 2026: 03:30 that morning is 01:30 UTC
    expect(instantOfDateTimeInput('2026-03-29T03:30')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(instantOfDateTimeInput('2026-03-29T01:30')).toBe(Date.parse('2026-03-29T00:30:00Z'));
  });

  test('what is not a datetime-local value means no instant', () => {
    expect(instantOfDateTimeInput('')).toBeNull();
    expect(instantOfDateTimeInput('2026-01-05 17:30')).toBeNull();
  });
});
