import { createMemo, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { daysBetween, isOverdue } from './milestones-model.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Formatted days: a board shows each date two or three times, and formatting is slow. */
const formattedDays = new Map<string, string>();
const MAX_FORMATTED_DAYS = 5000;

/** A calendar date 'YYYY-MM-DD' in the user's language ("12 Mar", "12 mars 2027"). */
export function formatDay(locale: string, iso: string, withYear: boolean): string {
  const key = `${locale}:${withYear}`;
  const dayKey = `${key}:${iso}`;
  const known = formattedDays.get(dayKey);
  if (known !== undefined) return known;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    dateFormats.set(key, f);
  }
  const formatted = f.format(new Date(`${iso}T00:00:00Z`));
  if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
  formattedDays.set(dayKey, formatted);
  return formatted;
}

/**
 * The due date, or how late it is; overdue reads in red with a word, not colour alone.
 * Every card has one, so what it shows is worked out in one step, not in a dozen reactive ones.
 */
export function DueDate(props: { milestone: Milestone; compact?: boolean }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const view = createMemo(() => {
    const due = props.milestone.due;
    if (!due) return null;
    const today = room.today();
    const loc = locale();
    const dueOn = t().room.milestones.dueOn(formatDay(loc, due, true));
    return isOverdue(props.milestone, today)
      ? {
          overdue: true,
          dueOn,
          text: t().room.milestones.overdueBy(formatNumber(loc, daysBetween(due, today))),
        }
      : { overdue: false, dueOn, text: formatDay(loc, due, due.slice(0, 4) !== today.slice(0, 4)) };
  });
  return (
    <Show
      when={view()}
      fallback={props.compact ? null : <span class="muted">{t().room.milestones.noDue}</span>}
    >
      {(v) =>
        v().overdue ? (
          <span class="ms-due is-overdue" title={v().dueOn}>
            <svg viewBox="0 0 16 16" aria-hidden="true" class="ms-due-icon">
              <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.5" />
              <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>
            {v().text}
          </span>
        ) : (
          <span class="ms-due" title={v().dueOn}>
            <span aria-hidden="true">{v().text}</span>
            <span class="visually-hidden">{v().dueOn}</span>
          </span>
        )
      }
    </Show>
  );
}

/** Status as a tag (icon and word). */
export function StatusTag(props: { status: Milestone['status'] }) {
  const { t } = useI18n();
  return (
    <span class="status-tag" data-status={props.status}>
      <StatusIcon status={props.status} />
      {t().room.statuses[props.status]}
    </span>
  );
}
