import type { Messages } from '../../../i18n/messages.ts';
import type { Access, SaveState } from '../../../realtime/provider.ts';

/** What the save indicator shows; read-only people have nothing to save, so they are "live". */
export type SaveView =
  | { kind: 'saved' | 'live' | 'revoked' | 'refused' }
  | { kind: 'saving' | 'offline' | 'connecting'; pending: number };

export function saveView(
  state: SaveState,
  access: Access | null | undefined,
  flags: { revoked: boolean; refused: boolean },
): SaveView {
  if (flags.revoked) return { kind: 'revoked' };
  if (flags.refused) return { kind: 'refused' };
  const canSave = access === 'edit' || access === undefined;
  if (state.kind === 'saved') return { kind: canSave ? 'saved' : 'live' };
  if (!canSave && state.kind === 'saving') return { kind: 'live' };
  return { kind: state.kind, pending: canSave ? state.pending : 0 };
}

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
