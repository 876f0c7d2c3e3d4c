/**
 * Numbers and dates for display, always through Intl in the interface's language. Instants are
 * shown in the time zone of the signed-in person's profile (the browser's when they chose none),
 * so "12:30" means the same to them on any device; calendar dates ('YYYY-MM-DD') are days, not
 * instants, and never move with the zone.
 */
import { createSignal } from 'solid-js';
import type { Locale } from '../../shared/domain.ts';

// A signal, so that every date on screen is written again when the profile's zone changes.
const [zone, setZone] = createSignal<string | undefined>(undefined);

/** The zone instants are shown in: the profile's, or undefined for the browser's own. */
export function displayTimeZone(): string | undefined {
  return zone();
}

/** Shows instants in `timeZone` from now on; null (or a zone this browser does not know): its own. */
export function setDisplayTimeZone(timeZone: string | null | undefined): void {
  setZone(timeZone && knownZone(timeZone) ? timeZone : undefined);
}

function knownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    // a RangeError: the profile names a zone this browser's Intl data does not have
    return false;
  }
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function formatNumber(locale: Locale, n: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** An instant's date where the reader is, or a calendar date ('YYYY-MM-DD') as it is. */
export function formatDate(locale: Locale, iso: string): string {
  // A calendar date is midnight UTC to Date: read in UTC, it is that day everywhere.
  const timeZone = CALENDAR_DATE.test(iso) ? 'UTC' : zone();
  return cached(
    `d:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
  ).format(new Date(iso));
}

export function formatDateTime(locale: Locale, iso: string): string {
  const timeZone = zone();
  return cached(
    `dt:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(new Date(iso));
}

/** The calendar day ('YYYY-MM-DD') an instant falls on where the reader is. */
export function calendarDay(at: string | Date): string {
  const timeZone = zone();
  const parts = cached(
    `cd:${timeZone}`,
    () => new Intl.DateTimeFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
  ).formatToParts(typeof at === 'string' ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago" / "il y a 3 jours"; under a minute the caller's own word for "just now". */
export function formatRelative(locale: Locale, iso: string, now: Date, justNow: string): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const rtf = cached(`r:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return justNow;
}

export function formatTime(locale: Locale, iso: string): string {
  const timeZone = zone();
  return cached(
    `t:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
  ).format(new Date(iso));
}

const INPUT_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall-clock fields of an instant in the display zone, read back as if they were UTC. */
function wallClockAsUtc(ms: number): number {
  const parts = cached(
    `wall:${displayTimeZone() ?? ''}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: displayTimeZone(),
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).formatToParts(new Date(ms));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'));
}

/** `YYYY-MM-DDTHH:mm`, the value of a datetime-local input, for an instant in the display zone. */
export function dateTimeInputValue(ms: number): string {
  return new Date(wallClockAsUtc(ms)).toISOString().slice(0, 16);
}

/**
 * The instant a datetime-local input's value means in the display zone, or null for a value that
 * is not one. A time that a clock change skips reads as the instant after the change.
 */
export function instantOfDateTimeInput(value: string): number | null {
  const m = INPUT_VALUE.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  // The zone's offset at the guess, then again at the corrected instant (it may cross a change).
  let instant = wall - (wallClockAsUtc(wall) - wall);
  instant = wall - (wallClockAsUtc(instant) - instant);
  return instant;
}
