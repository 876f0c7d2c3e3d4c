import { DropdownMenu } from '@kobalte/core/dropdown-menu';
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import type { MilestoneStatus } from '../../../shared/domain.ts';
import { useI18n } from '../../app-context.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { STATUSES, stepMoveTarget } from './milestones-model.ts';

/**
 * The keyboard's way to do what dragging does: "Move to…" another status, up or down within
 * the column, and the card's other actions (open, delete).
 *
 * A menu costs about a millisecond to set up, and a board of 300 cards has 300 of them, so
 * each starts as a plain button that looks and reads the same. The first press of that button
 * mounts the real menu in its place, moves focus to it, and hands it the same press (pointer
 * down, or Enter / Space / an arrow key), so the menu opens exactly as if it had been there.
 * It is disabled while the board shows the server's projected rows (no document to change yet).
 */
export function MoveToMenu(props: { milestone: Milestone; column: () => readonly Milestone[] }) {
  const room = useRoom();
  const { t } = useI18n();
  const [mounted, setMounted] = createSignal(false);
  let menuTrigger: HTMLButtonElement | undefined;
  const handOver = (event: Event) => {
    setMounted(true);
    menuTrigger?.focus();
    menuTrigger?.dispatchEvent(event);
  };
  const onKeyDown: JSX.EventHandler<HTMLButtonElement, KeyboardEvent> = (e) => {
    if (!OPENING_KEYS.includes(e.key)) return;
    e.preventDefault();
    handOver(new KeyboardEvent('keydown', { key: e.key, bubbles: true, cancelable: true }));
  };
  const onPointerDown: JSX.EventHandler<HTMLButtonElement, PointerEvent> = (e) => {
    if (e.button !== 0 || e.pointerType === 'touch') return;
    handOver(new PointerEvent('pointerdown', { button: 0, pointerType: e.pointerType, bubbles: true }));
  };
  // A touch, or a screen reader's click, comes as a click with no mouse press before it:
  // the menu gets the press that opens it.
  const onClick = () =>
    handOver(new PointerEvent('pointerdown', { button: 0, pointerType: 'mouse', bubbles: true }));

  return (
    <Show
      when={mounted()}
      fallback={
        <button
          type="button"
          class="icon-button ms-menu-trigger"
          disabled={room.state.preview}
          aria-haspopup="true"
          aria-expanded="false"
          aria-label={t().room.milestones.moveToLabel(props.milestone.title)}
          title={t().room.milestones.moveTo}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onClick={onClick}
        >
          <MenuDots />
        </button>
      }
    >
      <MoveToMenuMounted
        milestone={props.milestone}
        column={props.column}
        triggerRef={(el) => {
          menuTrigger = el;
        }}
      />
    </Show>
  );
}

const OPENING_KEYS = ['Enter', ' ', 'ArrowDown', 'ArrowUp'];

const MenuDots = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true">
    <circle cx="3.5" cy="8" r="1.3" fill="currentColor" />
    <circle cx="8" cy="8" r="1.3" fill="currentColor" />
    <circle cx="12.5" cy="8" r="1.3" fill="currentColor" />
  </svg>
);

function MoveToMenuMounted(props: {
  milestone: Milestone;
  column: () => readonly Milestone[];
  triggerRef: (el: HTMLButtonElement) => void;
}) {
  const room = useRoom();
  const { t } = useI18n();
  const m = () => props.milestone;
  const up = () => stepMoveTarget(props.column(), m().id, 'up');
  const down = () => stepMoveTarget(props.column(), m().id, 'down');

  let trigger: HTMLButtonElement | undefined;
  /**
   * Focus goes back to the trigger; a card moved to another column has a new one, which exists
   * once the board has redrawn (the next frame).
   */
  const returnFocus = (event: Event) => {
    if (trigger?.isConnected) return;
    event.preventDefault();
    const id = m().id;
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"] .ms-menu-trigger`)?.focus(),
    );
  };

  const setStatus = (status: string) => {
    if (status === m().status) return;
    room.actions.setStatus(m().id, status as MilestoneStatus);
    room.announce(t().room.milestones.moved(m().title, t().room.statuses[status as MilestoneStatus]));
  };
  const step = (direction: 'up' | 'down') => {
    const target = direction === 'up' ? up() : down();
    if (target) room.actions.moveMilestone(m().id, target);
  };
  const remove = () => {
    const title = m().title;
    if (room.selectedId() === m().id) room.select(null);
    if (room.actions.deleteMilestone(m().id)) room.notify(t().room.milestones.deleted(title), { undo: true });
  };

  return (
    <DropdownMenu gutter={4} placement="bottom-end">
      <DropdownMenu.Trigger
        ref={(el: HTMLButtonElement) => {
          trigger = el;
          props.triggerRef(el);
        }}
        class="icon-button ms-menu-trigger"
        aria-label={t().room.milestones.moveToLabel(m().title)}
        title={t().room.milestones.moveTo}
      >
        <MenuDots />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="room-menu" onCloseAutoFocus={returnFocus}>
          <DropdownMenu.Group>
            <DropdownMenu.GroupLabel class="room-menu-label">
              {t().room.milestones.moveTo}
            </DropdownMenu.GroupLabel>
            <DropdownMenu.RadioGroup value={m().status} onChange={setStatus}>
              <For each={STATUSES}>
                {(status) => (
                  <DropdownMenu.RadioItem value={status} class="room-menu-item" closeOnSelect>
                    <StatusIcon status={status} />
                    <DropdownMenu.ItemLabel>{t().room.statuses[status]}</DropdownMenu.ItemLabel>
                    <DropdownMenu.ItemIndicator class="room-menu-check">✓</DropdownMenu.ItemIndicator>
                  </DropdownMenu.RadioItem>
                )}
              </For>
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Group>
          <DropdownMenu.Separator class="room-menu-separator" />
          <DropdownMenu.Item class="room-menu-item" disabled={!up()} onSelect={() => step('up')}>
            <span class="room-menu-icon" aria-hidden="true">
              ↑
            </span>
            {t().room.milestones.moveUp}
          </DropdownMenu.Item>
          <DropdownMenu.Item class="room-menu-item" disabled={!down()} onSelect={() => step('down')}>
            <span class="room-menu-icon" aria-hidden="true">
              ↓
            </span>
            {t().room.milestones.moveDown}
          </DropdownMenu.Item>
          <DropdownMenu.Separator class="room-menu-separator" />
          <DropdownMenu.Item class="room-menu-item" onSelect={() => room.select(m().id)}>
            <span class="room-menu-icon" aria-hidden="true">
              ↗
            </span>
            {t().room.milestones.openDetails}
          </DropdownMenu.Item>
          <DropdownMenu.Item class="room-menu-item room-menu-item-danger" onSelect={remove}>
            <span class="room-menu-icon" aria-hidden="true">
              ×
            </span>
            {t().room.milestones.delete}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
