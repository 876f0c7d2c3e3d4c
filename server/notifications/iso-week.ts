/** ISO-8601 weeks on the server: the pure helpers live in shared/notifications.ts. */
import { isoWeekOf, weekStart } from '../../shared/notifications-week.ts';
import { AppError } from '../errors.ts';

export { isoWeekOf };

const WEEK_MS = 7 * 86_400_000;

/** Monday 00:00 UTC of the week, and the Monday after. Refuses a week the year does not have. */
export function weekRange(week: string): { from: Date; to: Date } {
  const from = weekStart(week);
  if (!from) throw new AppError('invalid_input', `${week} is not a week of its year`);
  return { from, to: new Date(from.getTime() + WEEK_MS) };
}

/** The week before the one holding `date`: the last complete week. */
export function previousWeek(date: Date): string {
  return isoWeekOf(new Date(date.getTime() - WEEK_MS));
}
