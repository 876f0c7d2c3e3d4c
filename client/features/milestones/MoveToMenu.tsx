import { createSignal, type JSX, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { Milestone } from '../../../shared/doc/shape.ts';
import { useI18n } from '../../app-context.tsx';
import { useRoom } from '../project/room/room-context.tsx';
import { MenuDots } from './menu-dots.tsx';

/**
 * The keyboard's way to do what dragging does: "Move to…" another status, up or down within
 * the column, and the card's other actions (open, delete).
 *
 * A menu costs about a millisecond to set up, and a board of 300 cards has 300 of them, so
 * each starts as a plain button that looks and reads the same. The first press of that button
 * mounts the real menu in its place, moves focus to it, and hands it the same press (pointer
 * down, or Enter / Space / an arrow key), so the menu opens exactly as if it had been there.
 * It is disabled while the board shows the server's projected rows (no document to change yet).
 * The real menu's code loads on that first press (or with the room's prefetch once the document
 * has arrived); if it cannot load, the room's toast says so and the button stays as it was.
 */
type MenuComponent = typeof import('./MoveToMenuMounted.tsx').MoveToMenuMounted;
let loaded: MenuComponent | undefined;

/** The real menu's code, once fetched; also the room's prefetch. */
export function loadMoveToMenu(): Promise<MenuComponent> {
  if (loaded) return Promise.resolve(loaded);
  return import('./MoveToMenuMounted.tsx').then((m) => {
    loaded = m.MoveToMenuMounted;
    return loaded;
  });
}

export function MoveToMenu(props: { milestone: Milestone; column: () => readonly Milestone[] }) {
  const room = useRoom();
  const { t } = useI18n();
  const [menu, setMenu] = createSignal<MenuComponent | null>(null);
  let menuTrigger: HTMLButtonElement | undefined;
  let loading = false;
  const handOver = (event: Event) => {
    if (loading) return;
    loading = true;
    loadMoveToMenu().then(
      (component) => {
        setMenu(() => component);
        menuTrigger?.focus();
        menuTrigger?.dispatchEvent(event);
      },
      (err: unknown) => {
        loading = false;
        console.warn('card menu not loaded', err);
        room.notify(t().room.milestones.menuFailed);
      },
    );
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
      when={menu()}
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
      {(component) => (
        <Dynamic
          component={component()}
          milestone={props.milestone}
          column={props.column}
          triggerRef={(el: HTMLButtonElement) => {
            menuTrigger = el;
          }}
        />
      )}
    </Show>
  );
}

const OPENING_KEYS = ['Enter', ' ', 'ArrowDown', 'ArrowUp'];
