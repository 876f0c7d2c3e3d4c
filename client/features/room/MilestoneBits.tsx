import { Match, Show, Switch } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useRoom } from './room-context.tsx';
import { daysBetween, isOverdue } from './room-model.ts';
import { StatusIcon } from './StatusIcon.tsx';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date 'YYYY-MM-DD' in the user's language ("12 Mar", "12 mars 2027"). */
export function formatDay(locale: string, iso: string, withYear: boolean): string {
  const key = `${locale}:${withYear}`;
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
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** The due date, or how late it is; overdue reads in red with a word, not colour alone. */
export function DueDate(props: { milestone: Milestone; compact?: boolean }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const due = () => props.milestone.due;
  const overdue = () => isOverdue(props.milestone, room.today());
  const sameYear = () => due()?.slice(0, 4) === room.today().slice(0, 4);
  return (
    <Show
      when={due()}
      fallback={props.compact ? null : <span class="muted">{t().room.milestones.noDue}</span>}
    >
      {(d) => (
        <Switch>
          <Match when={overdue()}>
            <span class="ms-due is-overdue" title={t().room.milestones.dueOn(formatDay(locale(), d(), true))}>
              <svg viewBox="0 0 16 16" aria-hidden="true" class="ms-due-icon">
                <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.5" />
                <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
              </svg>
              {t().room.milestones.overdueBy(formatNumber(locale(), daysBetween(d(), room.today())))}
            </span>
          </Match>
          <Match when={true}>
            <span class="ms-due" title={t().room.milestones.dueOn(formatDay(locale(), d(), true))}>
              <span aria-hidden="true">{formatDay(locale(), d(), !sameYear())}</span>
              <span class="visually-hidden">{t().room.milestones.dueOn(formatDay(locale(), d(), true))}</span>
            </span>
          </Match>
        </Switch>
      )}
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
