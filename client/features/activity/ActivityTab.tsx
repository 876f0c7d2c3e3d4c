import './activity.css';
import { createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { ActivityEvent } from '../../../shared/activity.ts';
import { APP_EVENTS } from '../../../shared/protocol/index.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { InlineLoadFailed, Loading } from '../../components/LoadStates.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { describeError } from '../../errors.ts';
import { calendarDay, formatDate, formatNumber, formatTime } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { personName } from '../../i18n/person-name.ts';
import { appSocket } from '../../realtime/socket.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { type ActivityFilter, activityApi, PAGE } from './activity-api.ts';
import { type ActivityNames, describeEvent } from './describe.ts';

/**
 * The project's activity from the audit trail, newest first, grouped by day: who did what,
 * when. Filter by person and by milestone; older pages on demand; new events arrive live.
 */
export function ActivityTab() {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const a = () => t().activity;
  const stageName = useStageName();
  const projectId = room.project().id;
  const [actorId, setActorId] = createSignal('');
  const [entityId, setEntityId] = createSignal('');
  const filter = (): ActivityFilter => ({
    actorId: actorId() || undefined,
    entityId: entityId() || undefined,
  });

  const [first, { refetch }] = createResource(filter, (f) => activityApi.list(projectId, f));
  const [older, setOlder] = createSignal<ActivityEvent[]>([]);
  const [fresh, setFresh] = createSignal<ActivityEvent[]>([]);
  const [more, setMore] = createSignal<{ busy: boolean; error: unknown; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });
  const firstPage = () => (first.error ? undefined : first.latest?.events);
  const events = createMemo(() => [...fresh(), ...(firstPage() ?? []), ...older()]);
  const reset = () => {
    setOlder([]);
    setFresh([]);
    setMore({ busy: false, error: null, done: false });
  };

  const loadOlder = async () => {
    const last = events().at(-1);
    if (!last) return;
    setMore({ busy: true, error: null, done: false });
    try {
      const page = (await activityApi.list(projectId, { ...filter(), before: last.seq })).events;
      setOlder([...older(), ...page]);
      setMore({ busy: false, error: null, done: page.length < PAGE });
    } catch (error) {
      setMore({ busy: false, error, done: false });
    }
  };

  // Live: a change anywhere in the project brings its new events to the top.
  let pulling = false;
  const pullNew = async () => {
    if (pulling || first.loading) return;
    pulling = true;
    try {
      const top = events()[0]?.seq ?? 0;
      const page = (await activityApi.list(projectId, filter())).events;
      const newer = page.filter((e) => e.seq > top);
      if (newer.length) setFresh([...newer, ...fresh()]);
    } catch {
      // The next change or a reconnection tries again; the feed keeps what it shows.
    } finally {
      pulling = false;
    }
  };
  const onChange = (change: { projectId?: string }) => {
    if (change?.projectId === projectId) void pullNew();
  };
  const socket = appSocket();
  socket.on(APP_EVENTS.projectChanged, onChange);
  socket.on(APP_EVENTS.gateChanged, onChange);
  socket.on(APP_EVENTS.commentChanged, onChange);
  socket.io.on('reconnect', pullNew);
  onCleanup(() => {
    socket.off(APP_EVENTS.projectChanged, onChange);
    socket.off(APP_EVENTS.gateChanged, onChange);
    socket.off(APP_EVENTS.commentChanged, onChange);
    socket.io.off('reconnect', pullNew);
  });

  const criteria = createMemo(() => {
    const map = new Map<string, string>();
    const track = frameworks[0].catalogue?.frameworks.find((f) => f.id === room.project().track);
    for (const stage of track?.stages ?? []) for (const c of stage.criteria) map.set(c.id, c.text[locale()]);
    return map;
  });
  const names = (): ActivityNames => ({
    t: a(),
    milestoneTitle: (id) => room.byId().get(id)?.title ?? null,
    memberName: (id) => {
      const name = room.memberName(id);
      return name === null ? null : personName(name, t());
    },
    dimensionName: (id) => room.dimensionName(id, locale()) ?? id,
    criterionText: (id) => criteria().get(id) ?? id,
    statusName: (s) => t().room.statuses[s as keyof Messages['room']['statuses']] ?? s,
    roleName: (r) => (t().roles[r as keyof Messages['roles']] ?? r).toLowerCase(),
    outcomeName: (o) => t().gates.outcomes[o as keyof Messages['gates']['outcomes']] ?? o,
    stageName: (i) => `${formatNumber(locale(), i)} · ${stageName(room.project().track, i)}`,
    formatDate: (iso) => formatDate(locale(), iso),
    formatNumber: (n) => formatNumber(locale(), n),
  });

  // Members, and whoever else acted here (the programme office signs gates without being a member).
  // The same object per person, so the options (and the choice) survive every recount.
  const seen = new Map<string, { id: string; name: string }>();
  const people = createMemo(() => {
    const note = (id: string, name: string) => {
      if (!seen.has(id)) seen.set(id, { id, name: personName(name, t()) });
    };
    for (const m of room.members()) note(m.userId, m.name);
    for (const e of events()) if (e.actor) note(e.actor.id, e.actor.name);
    return [...seen.values()].sort((x, y) => x.name.localeCompare(y.name, locale()));
  });

  const days = createMemo(() => {
    const groups: { day: string; events: ActivityEvent[] }[] = [];
    for (const e of events()) {
      const day = calendarDay(e.at);
      const last = groups.at(-1);
      if (last?.day === day) last.events.push(e);
      else groups.push({ day, events: [e] });
    }
    return groups;
  });
  const dayLabel = (day: string) => {
    const today = calendarDay(new Date());
    const yesterday = calendarDay(new Date(Date.now() - 86_400_000));
    if (day === today) return a().today;
    if (day === yesterday) return a().yesterday;
    return formatDate(locale(), day);
  };
  const filtered = () => actorId() !== '' || entityId() !== '';

  return (
    <section class="activity" aria-labelledby="activity-title">
      <h2 id="activity-title" class="room-section-title">
        {a().title}
      </h2>
      <p class="muted room-section-intro">{a().intro}</p>
      <div class="activity-filters">
        <label class="activity-filter">
          <span>{a().filterPerson}</span>
          <select
            class="select"
            value={actorId()}
            onChange={(e) => {
              const value = e.currentTarget.value;
              reset();
              setActorId(value);
            }}
          >
            <option value="">{a().everyone}</option>
            <For each={people()}>{(person) => <option value={person.id}>{person.name}</option>}</For>
          </select>
        </label>
        <label class="activity-filter">
          <span>{a().filterMilestone}</span>
          <select
            class="select"
            value={entityId()}
            onChange={(e) => {
              const value = e.currentTarget.value;
              reset();
              setEntityId(value);
            }}
          >
            <option value="">{a().allMilestones}</option>
            <For each={room.state.milestones}>{(m) => <option value={m.id}>{m.title}</option>}</For>
          </select>
        </label>
      </div>

      <Show
        when={firstPage()}
        fallback={
          <Show when={first.error} fallback={<Loading label={a().loading} />}>
            <InlineLoadFailed message={a().error} error={first.error} onRetry={() => void refetch()} />
          </Show>
        }
      >
        <Show
          when={events().length > 0}
          fallback={
            <div class="activity-empty">
              <p class="muted">{filtered() ? a().emptyFiltered : a().empty}</p>
              <Show when={filtered()}>
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => {
                    reset();
                    setActorId('');
                    setEntityId('');
                  }}
                >
                  {a().clearFilters}
                </button>
              </Show>
            </div>
          }
        >
          <div class="activity-days" aria-busy={first.loading ? 'true' : 'false'}>
            <For each={days()}>
              {(group) => (
                <section class="activity-day" aria-label={dayLabel(group.day)}>
                  <h3 class="activity-day-title">{dayLabel(group.day)}</h3>
                  <ol class="activity-list">
                    <For each={group.events}>
                      {(e) => (
                        <li class="activity-item">
                          <time class="activity-time" datetime={e.at}>
                            {formatTime(locale(), e.at)}
                          </time>
                          <p class="activity-text">
                            <strong>{e.actor ? personName(e.actor.name, t()) : a().system}</strong>{' '}
                            {describeEvent(e, names())}
                          </p>
                        </li>
                      )}
                    </For>
                  </ol>
                </section>
              )}
            </For>
          </div>
          <Show when={!more().done && (firstPage()?.length ?? 0) >= PAGE}>
            <div class="activity-more">
              <button
                type="button"
                class="button button-small"
                disabled={more().busy}
                onClick={() => void loadOlder()}
              >
                {more().busy ? a().loadingOlder : a().older}
              </button>
              <Show when={more().error}>
                <p class="field-error" role="alert">
                  {describeError(more().error, t())}
                </p>
              </Show>
            </div>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
