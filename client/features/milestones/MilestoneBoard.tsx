import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import type { MilestoneStatus } from '../../../shared/domain.ts';
import { useI18n } from '../../app-context.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { MilestoneCard } from './MilestoneCard.tsx';
import { boardColumns, DRAG_TYPE, dropMoveTarget, STATUSES } from './milestones-model.ts';
import './board.css';

interface DropSpot {
  status: MilestoneStatus;
  /** the card the dragged one would land before; null: at the column's end */
  beforeId: string | null;
}

/**
 * Five columns, one per status. Dragging a card into a column changes its status and puts it
 * where it was dropped (one undoable change); each card's menu does the same from the keyboard.
 */
export function MilestoneBoard() {
  const room = useRoom();
  const { t } = useI18n();
  const columns = createMemo(() => boardColumns(room.state.milestones));
  const [dragged, setDragged] = createSignal<string | null>(null);
  const [spot, setSpot] = createSignal<DropSpot | null>(null);

  const drop = (status: MilestoneStatus) => {
    const id = dragged();
    const at = spot();
    setDragged(null);
    setSpot(null);
    const m = id ? room.byId().get(id) : undefined;
    if (!m || !at) return;
    const target = dropMoveTarget(columns()[status], m.id, at.beforeId);
    if (status !== m.status) {
      room.actions.setStatus(m.id, status, target);
      room.announce(t().room.milestones.moved(m.title, t().room.statuses[status]));
    } else if (target) room.actions.moveMilestone(m.id, target);
  };

  return (
    <div class="board" classList={{ 'is-dragging': dragged() !== null }}>
      <Show when={room.canEdit()}>
        <p class="visually-hidden">{t().room.milestones.dragHint}</p>
      </Show>
      <For each={STATUSES}>
        {(status) => (
          <BoardColumn
            status={status}
            items={columns()[status]}
            dragged={dragged()}
            spot={spot()?.status === status ? spot() : null}
            onDragStart={setDragged}
            onDragEnd={() => {
              setDragged(null);
              setSpot(null);
            }}
            onSpot={setSpot}
            onDrop={() => drop(status)}
          />
        )}
      </For>
    </div>
  );
}

function BoardColumn(props: {
  status: MilestoneStatus;
  items: Milestone[];
  dragged: string | null;
  spot: DropSpot | null;
  onDragStart: (id: string) => void;
  onDragEnd: () => void;
  onSpot: (spot: DropSpot | null) => void;
  onDrop: () => void;
}) {
  const room = useRoom();
  const { t, locale } = useI18n();
  let list!: HTMLUListElement;
  const titleId = () => `board-column-${props.status}`;

  /** The card under the pointer's half: the drop lands before the first card below it. */
  const spotAt = (clientY: number): DropSpot => {
    for (const card of list.querySelectorAll<HTMLElement>('[data-card-id]')) {
      if (card.dataset.cardId === props.dragged) continue;
      const box = card.getBoundingClientRect();
      if (clientY < box.top + box.height / 2) return { status: props.status, beforeId: card.dataset.cardId! };
    }
    return { status: props.status, beforeId: null };
  };

  return (
    <section class="board-column" data-status={props.status} aria-labelledby={titleId()}>
      <h3 id={titleId()} class="board-column-title">
        <StatusIcon status={props.status} />
        <span>{t().room.statuses[props.status]}</span>
        <span class="board-column-count">{formatNumber(locale(), props.items.length)}</span>
      </h3>
      <ul
        ref={list}
        class="board-list"
        classList={{
          'is-target': props.spot !== null,
          'drop-end': props.spot !== null && props.spot.beforeId === null && props.items.length > 0,
        }}
        onDragOver={(e) => {
          if (!props.dragged || !e.dataTransfer?.types.includes(DRAG_TYPE)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          const next = spotAt(e.clientY);
          if (next.beforeId !== props.spot?.beforeId || !props.spot) props.onSpot(next);
        }}
        onDragLeave={(e) => {
          if (!list.contains(e.relatedTarget as Node | null)) props.onSpot(null);
        }}
        onDrop={(e) => {
          if (!props.dragged) return;
          e.preventDefault();
          props.onDrop();
        }}
      >
        <For each={props.items}>
          {(m) => (
            <MilestoneCard
              milestone={m}
              column={() => props.items}
              dropBefore={props.spot?.beforeId === m.id}
              dragging={props.dragged === m.id}
              draggable={room.canEdit() && !room.state.preview}
              onDragStart={() => props.onDragStart(m.id)}
              onDragEnd={props.onDragEnd}
            />
          )}
        </For>
        <Show when={props.items.length === 0}>
          <li class="board-empty">
            {props.dragged ? t().room.milestones.columnEmptyDrop : t().room.milestones.columnEmpty}
          </li>
        </Show>
      </ul>
    </section>
  );
}
