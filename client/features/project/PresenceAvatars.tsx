import { For, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { initials, type PresenceEntry } from './room/presence.ts';
import { useRoom } from './room/room-context.tsx';

const SHOWN = 5;

/** Who is here now, you first; each says what they are editing. */
export function PresenceAvatars() {
  const room = useRoom();
  const { t, locale } = useI18n();
  const shown = () => room.state.presence.slice(0, SHOWN);
  const hidden = () => room.state.presence.slice(SHOWN);
  const describe = (p: PresenceEntry) => {
    const name = p.isSelf ? t().room.presence.you(p.name) : p.name;
    const title = p.editing.map((id) => room.byId().get(id)?.title).find(Boolean);
    return title ? t().room.presence.editing(name, title) : t().room.presence.here(name);
  };
  return (
    <section class="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" class="visually-hidden">
        {t().room.presence.label}
      </h2>
      <ul class="presence-list">
        <For each={shown()}>
          {(p) => (
            <li
              class="presence-avatar"
              classList={{ 'is-editing': p.editing.length > 0, 'is-self': p.isSelf }}
              style={{ 'background-color': p.color }}
              title={describe(p)}
            >
              <span aria-hidden="true">{initials(p.name)}</span>
              <span class="visually-hidden">{describe(p)}</span>
            </li>
          )}
        </For>
        <Show when={hidden().length > 0}>
          <li class="presence-avatar presence-more" title={hidden().map(describe).join('\n')}>
            <span aria-hidden="true">{t().room.presence.more(formatNumber(locale(), hidden().length))}</span>
            <span class="visually-hidden">{hidden().map(describe).join(', ')}</span>
          </li>
        </Show>
      </ul>
    </section>
  );
}
