import { DropdownMenu } from '@kobalte/core/dropdown-menu';
import { For } from 'solid-js';
import type { Milestone } from '../../../shared/doc/shape.ts';
import type { MilestoneStatus } from '../../../shared/domain.ts';
import { useI18n } from '../../app-context.tsx';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { MenuDots } from './menu-dots.tsx';
import { STATUSES, stepMoveTarget } from './milestones-model.ts';

/**
 * A card's real menu (Kobalte's DropdownMenu), in a chunk of its own: MoveToMenu.tsx loads it on
 * the first press of a card's menu button, so the board's first paint does without its code.
 */
export function MoveToMenuMounted(props: {
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
