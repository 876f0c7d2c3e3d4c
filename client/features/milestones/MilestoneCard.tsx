import { createMemo, For, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { initials } from '../project/room/presence.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { DueDate } from './MilestoneBits.tsx';
import { MoveToMenu } from './MoveToMenu.tsx';
import { DRAG_TYPE, isOverdue, needsAttention, openDependencies } from './milestones-model.ts';

/** A milestone on the board: its title opens it; what needs attention shows at a glance. */
export function MilestoneCard(props: {
  milestone: Milestone;
  column: () => readonly Milestone[];
  dropBefore: boolean;
  dragging: boolean;
  draggable: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const m = () => props.milestone;
  const n = (x: number) => formatNumber(locale(), x);
  const owner = () => room.memberName(m().owner);
  /** its dependencies on the board, and how many of them are not done: read once per change */
  const chip = createMemo(() => {
    const byId = room.byId();
    const count = m().dependsOn.filter((id) => byId.has(id)).length;
    if (count === 0) return null;
    const waiting = openDependencies(m(), byId).length;
    const label =
      waiting > 0
        ? t().room.milestones.waitingOn(waiting, n(waiting))
        : t().room.milestones.dependencies(count, n(count));
    return { count: n(count), waiting: waiting > 0, label };
  });
  const editors = () => room.state.presence.filter((p) => !p.isSelf && p.editing.includes(m().id));
  const dimension = () => room.dimensionName(m().dimension, locale());

  return (
    <li
      class="ms-card"
      data-card-id={m().id}
      data-status={m().status}
      classList={{
        'is-overdue': isOverdue(m(), room.today()),
        'needs-attention': needsAttention(m()),
        'is-selected': room.selectedId() === m().id,
        'drop-before': props.dropBefore,
        'is-dragging': props.dragging,
      }}
      draggable={props.draggable}
      onDragStart={(e) => {
        if (!e.dataTransfer) return;
        e.dataTransfer.setData(DRAG_TYPE, m().id);
        e.dataTransfer.setData('text/plain', m().title);
        e.dataTransfer.effectAllowed = 'move';
        props.onDragStart();
      }}
      onDragEnd={() => props.onDragEnd()}
    >
      <div class="ms-card-top">
        <button
          type="button"
          class="ms-card-title"
          data-milestone-open={m().id}
          onClick={() => room.select(m().id)}
        >
          {m().title}
        </button>
        <Show when={room.canEdit()}>
          <MoveToMenu milestone={m()} column={props.column} />
        </Show>
      </div>
      <div class="ms-card-meta">
        <DueDate milestone={m()} compact />
        <Show when={chip()}>
          {(c) => (
            <span class="ms-chip" classList={{ 'is-waiting': c().waiting }} title={c().label}>
              <svg viewBox="0 0 16 16" aria-hidden="true" class="ms-chip-icon">
                <path
                  d="M6.5 9.5 9.5 6.5M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="1.4"
                />
              </svg>
              <span class="visually-hidden">{c().label}</span>
              <span aria-hidden="true">{c().count}</span>
            </span>
          )}
        </Show>
        <Show when={dimension()}>{(d) => <span class="ms-dimension">{d()}</span>}</Show>
        <span class="ms-card-people">
          <For each={editors()}>
            {(p) => (
              <span
                class="presence-dot"
                style={{ 'background-color': p.color }}
                title={t().room.presence.editingCard(p.name)}
              >
                <span class="visually-hidden">{t().room.presence.editingCard(p.name)}</span>
              </span>
            )}
          </For>
          <Show when={owner()}>
            {(name) => (
              <span class="avatar avatar-xs" title={t().room.milestones.ownedBy(name())}>
                <span aria-hidden="true">{initials(name())}</span>
                <span class="visually-hidden">{t().room.milestones.ownedBy(name())}</span>
              </span>
            )}
          </Show>
        </span>
      </div>
    </li>
  );
}
