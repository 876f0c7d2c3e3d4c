import { createMemo, For, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { DueDate } from './MilestoneBits.tsx';
import { timelineModel } from './milestones-model.ts';
import './timeline.css';

const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthLabel(locale: string, iso: string, withYear: boolean): string {
  const key = `${locale}:${withYear}`;
  let f = monthFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      month: 'short',
      // two digits: a month is often no wider than "Jan 27"
      ...(withYear ? { year: '2-digit' } : {}),
      timeZone: 'UTC',
    });
    monthFormats.set(key, f);
  }
  return f.format(new Date(`${iso}T00:00:00Z`));
}

const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

/**
 * Milestones by due date on a month axis: a mark at each due date, a bar from the latest due
 * date among its dependencies, today's line, overdue ones in red. Undated ones are listed after.
 */
export function MilestoneTimeline() {
  const room = useRoom();
  const { t, locale } = useI18n();
  const model = createMemo(() => timelineModel(room.state.milestones, room.today()));
  const showYear = (start: string, i: number) => i === 0 || start.slice(5, 7) === '01';

  return (
    <div class="timeline">
      <Show when={model().rows.length > 0}>
        <div class="timeline-grid">
          <div class="timeline-head" aria-hidden="true">
            <div class="timeline-label-col" />
            <div class="timeline-track">
              <For each={model().months}>
                {(month, i) => (
                  <span class="timeline-month" style={{ left: pct(month.left), width: pct(month.width) }}>
                    {monthLabel(locale(), month.start, showYear(month.start, i()))}
                  </span>
                )}
              </For>
            </div>
          </div>
          <div class="timeline-body">
            <div class="timeline-lines" aria-hidden="true">
              <div class="timeline-label-col" />
              <div class="timeline-track">
                <For each={model().months}>
                  {(month) => <span class="timeline-line" style={{ left: pct(month.left) }} />}
                </For>
                <span class="timeline-today" style={{ left: pct(model().today) }}>
                  <span>{t().room.timeline.today}</span>
                </span>
              </div>
            </div>
            <ul class="timeline-rows" aria-label={t().room.timeline.label}>
              <For each={model().rows}>
                {(row) => (
                  <li
                    class="timeline-row"
                    data-status={row.milestone.status}
                    classList={{
                      'is-overdue': row.overdue,
                      'is-selected': room.selectedId() === row.milestone.id,
                    }}
                  >
                    <div class="timeline-label-col">
                      <StatusIcon status={row.milestone.status} />
                      <span class="visually-hidden">{t().room.statuses[row.milestone.status]}: </span>
                      <button
                        type="button"
                        class="timeline-title"
                        data-milestone-open={row.milestone.id}
                        onClick={() => room.select(row.milestone.id)}
                      >
                        {row.milestone.title}
                      </button>
                      <DueDate milestone={row.milestone} compact />
                    </div>
                    <div class="timeline-track" aria-hidden="true">
                      <Show when={row.from !== null}>
                        <span
                          class="timeline-span"
                          style={{ left: pct(row.from!), width: pct(Math.max(0, row.at - row.from!)) }}
                        />
                      </Show>
                      <span class="timeline-mark" style={{ left: pct(row.at) }} />
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </div>
      </Show>
      <Show when={model().undated.length > 0}>
        <section class="timeline-undated" aria-labelledby="timeline-undated-title">
          <h3 id="timeline-undated-title" class="board-column-title">
            {t().room.timeline.undated}
            <span class="muted small">— {t().room.timeline.undatedHint}</span>
          </h3>
          <ul class="undated-list">
            <For each={model().undated}>
              {(m) => (
                <li class="undated-item" data-status={m.status}>
                  <StatusIcon status={m.status} />
                  <span class="visually-hidden">{t().room.statuses[m.status]}: </span>
                  <button
                    type="button"
                    class="timeline-title"
                    data-milestone-open={m.id}
                    onClick={() => room.select(m.id)}
                  >
                    {m.title}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </div>
  );
}
