/** ISO-8601 weeks (`2026-W48`, Monday 00:00 UTC to the next Monday): pure, no dependencies, for both sides. */

const DAY_MS = 86_400_000;

/** The ISO week holding `date` (UTC), e.g. `2026-W48`. */
export function isoWeekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  // The week belongs to the year of its Thursday.
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of a well-formed week; null if the year has no such week (W53). */
export function weekStart(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = new Date(jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS + (n - 1) * 7 * DAY_MS);
  return n >= 1 && isoWeekOf(monday) === week ? monday : null;
}

/** The week `weeks` weeks after (or before, if negative) a well-formed week. */
export function shiftWeek(week: string, weeks: number): string {
  const start = weekStart(week);
  return start ? isoWeekOf(new Date(start.getTime() + weeks * 7 * DAY_MS)) : week;
}
