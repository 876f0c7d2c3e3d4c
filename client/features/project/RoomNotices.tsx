import { Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { useRoom } from './room/room-context.tsx';

/**
 * What the user must know about this room, in plain words: that they can only watch (and
 * why), that their access was removed, that the document could not be opened, or that a
 * change was refused.
 */
export function RoomNotices() {
  const room = useRoom();
  const { t } = useI18n();
  const readOnlyNote = () => {
    // An archived project's banner says why nothing can change (settings/ArchivedBanner.tsx).
    if (room.project().archived) return null;
    const access = room.state.access ?? (room.canEdit() ? 'edit' : 'view');
    if (access === 'edit') return null;
    if (access === 'comment') return t().room.access.comment;
    return room.project().myRole ? t().room.access.view : t().room.access.manager;
  };
  return (
    <div class="room-notices">
      <Switch>
        <Match when={room.state.revoked}>
          <p class="notice room-notice" role="alert">
            {t().room.access.revoked}
          </p>
        </Match>
        <Match when={room.state.refused}>
          {(e) => (
            <p class="form-error room-notice" role="alert">
              {t().room.access.refused(e().message)}
            </p>
          )}
        </Match>
        <Match when={readOnlyNote()}>
          {(note) => (
            <p class="room-access-note">
              <svg viewBox="0 0 16 16" aria-hidden="true" class="room-access-icon">
                <path
                  d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8Z M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="1.3"
                />
              </svg>
              {note()}
            </p>
          )}
        </Match>
      </Switch>
      <Show when={room.state.rejected ?? (room.state.writeError ? { message: room.state.writeError } : null)}>
        {(e) => (
          <p class="form-error room-notice room-notice-dismissable" role="alert">
            <span>
              {room.state.rejected
                ? t().room.access.rejected(e().message)
                : t().room.access.writeError(e().message)}
            </span>
            <button
              type="button"
              class="button button-ghost button-small"
              onClick={() => room.actions.clearErrors()}
            >
              {t().room.access.dismiss}
            </button>
          </p>
        )}
      </Show>
    </div>
  );
}
