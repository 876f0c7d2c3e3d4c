import { createEffect, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { useRoom } from './room/room-context.tsx';

const VISIBLE_MS = 8000;

/** A short confirmation at the bottom of the screen ("… deleted." Undo), gone after a while. */
export function RoomToast() {
  const room = useRoom();
  const { t } = useI18n();
  createEffect(() => {
    const toast = room.toast();
    if (!toast) return;
    const timer = setTimeout(() => {
      if (room.toast()?.id === toast.id) room.dismissToast();
    }, VISIBLE_MS);
    onCleanup(() => clearTimeout(timer));
  });
  return (
    <div class="room-toast-region" role="status">
      <Show when={room.toast()}>
        {(toast) => (
          <div class="room-toast">
            <span>{toast().message}</span>
            <Show when={toast().undo && room.canEdit()}>
              <button
                type="button"
                class="button button-small room-toast-action"
                onClick={() => {
                  room.actions.undo();
                  room.dismissToast();
                }}
              >
                {t().room.milestones.undo}
              </button>
            </Show>
            <button
              type="button"
              class="icon-button icon-button-small room-toast-close"
              aria-label={t().room.access.dismiss}
              onClick={() => room.dismissToast()}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" stroke="currentColor" stroke-width="1.5" />
              </svg>
            </button>
          </div>
        )}
      </Show>
    </div>
  );
}
