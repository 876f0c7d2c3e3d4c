import type { Messages } from '../../i18n/messages.ts';
import type { SaveView } from './room-model.ts';

/** The words for a save state, in the interface's language. */
export function saveLabel(view: SaveView, t: Messages, format: (n: number) => string): string {
  const s = t.room.save;
  switch (view.kind) {
    case 'saved':
      return s.saved;
    case 'live':
      return s.live;
    case 'saving':
      return s.saving;
    case 'offline':
      return s.offline(view.pending, format(view.pending));
    case 'connecting':
      return s.connecting;
    case 'revoked':
      return s.revoked;
    case 'refused':
      return s.refused;
  }
}
