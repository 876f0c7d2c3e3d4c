/** Numbers and dates for display, always through Intl in the interface's language. */
import type { Locale } from '../../shared/domain.ts';

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

export function formatDate(locale: Locale, iso: string): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(
    new Date(iso),
  );
}

export function formatDateTime(locale: Locale, iso: string): string {
  return cached(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
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
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(
    new Date(iso),
  );
}
