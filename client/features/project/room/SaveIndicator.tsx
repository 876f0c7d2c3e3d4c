import { createMemo, Show } from 'solid-js';
import { useI18n } from '../../../app-context.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useRoom } from './room-context.tsx';
import { type SaveView, saveLabel, saveView } from './save-view.ts';

/**
 * Always in the header: Saved, Saving…, Offline — N changes waiting, Connecting…. It is not a
 * live region, as it flips on every keystroke; going offline and losing access are announced
 * by the banners instead.
 */
export function SaveIndicator() {
  const room = useRoom();
  const { t, locale } = useI18n();
  const view = createMemo(() =>
    saveView(room.state.save, room.state.access, {
      revoked: room.state.revoked,
      refused: room.state.refused !== null,
    }),
  );
  const label = () => saveLabel(view(), t(), (n) => formatNumber(locale(), n));
  return (
    <p class="save-state" data-kind={view().kind}>
      <span class="visually-hidden">{t().room.save.label}: </span>
      <Show
        when={view().kind === 'saving' || view().kind === 'connecting'}
        fallback={<SaveIcon kind={view().kind} />}
      >
        <span class="spinner save-spinner" aria-hidden="true" />
      </Show>
      <span class="save-text">{label()}</span>
    </p>
  );
}

function SaveIcon(props: { kind: SaveView['kind'] }) {
  const path = () => {
    switch (props.kind) {
      case 'saved':
        return 'M3.5 8.5l3 3 6-7';
      case 'live':
        return 'M2 8h2.5l1.5-4 3 8 1.5-4H14';
      case 'offline':
        return 'M2 2l12 12M5.5 11.5a3.5 3.5 0 0 1 5 0M3 9a7 7 0 0 1 4-2M9.5 7.2A7 7 0 0 1 13 9M8 14h0';
      default:
        return 'M8 2.5 14.5 13.5h-13L8 2.5ZM8 6.5v3M8 11.6v.3';
    }
  };
  return (
    <svg class="save-icon" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={path()}
        fill="none"
        stroke="currentColor"
        stroke-width="1.6"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
