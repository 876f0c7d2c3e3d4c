/**
 * Presence (awareness) as the server relays it: the server vouches for who is shown. A
 * connection speaks for one awareness client id, its own (the first it sends, if no other
 * connection here speaks for it); its states are rewritten so that the name and colour others
 * see come from the account (shared/presence.ts), whatever the client wrote; the fields the app
 * uses are kept, bounded, and nothing else is.
 *
 * An awareness update is y-protocols' encoding: varUint count, then per state varUint client id,
 * varUint clock, varString JSON (null: the state is removed).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { colorFor, MAX_PRESENCE_NAME } from '../../shared/presence.ts';
import type { Actor } from '../auth/actor.ts';
import { Refusal } from './refusal.ts';

/** a presence state as a client sends it, at most (a y-prosemirror cursor is a few hundred bytes) */
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** the milestone someone has open (an id) */
const MAX_EDITING_LENGTH = 64;
/** y-prosemirror's cursor: two relative positions */
const MAX_CURSOR_BYTES = 2 * 1024;
const MAX_STATES_PER_MESSAGE = 16;

/** What the checks need of a connection. */
export interface PresenceSpeaker {
  id: string;
  actor: Pick<Actor, 'id' | 'name'>;
  /** the awareness client id it speaks for (one at most) */
  awarenessClients: Set<number>;
}

/**
 * Checks a connection's awareness update and returns it as others may see it, with the client id
 * it speaks for. Throws a refusal (nothing applied) for another's client id or user, or if too large.
 * `ownerOf`: which connection here speaks for a client id, if any.
 */
export function vouchedAwareness(
  update: Uint8Array,
  conn: PresenceSpeaker,
  ownerOf: (clientId: number) => string | null,
): { update: Uint8Array; clientId: number } {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  let own: number | null = null;
  for (const id of conn.awarenessClients) own = id;
  try {
    const count = decoding.readVarUint(decoder);
    if (count === 0 || count > MAX_STATES_PER_MESSAGE)
      throw new Refusal('malformed', 'An awareness update holds one presence state');
    encoding.writeVarUint(encoder, count);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > MAX_AWARENESS_STATE_BYTES)
        throw new Refusal('too_large', 'Awareness state too large');
      if (own === null) {
        const owner = ownerOf(clientId);
        if (owner && owner !== conn.id)
          throw new Refusal('forbidden', 'That presence belongs to another connection');
        own = clientId;
      } else if (clientId !== own) {
        throw new Refusal('forbidden', 'A connection speaks for one presence, its own');
      }
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(vouchedState(JSON.parse(json), conn.actor)));
    }
    if (decoding.hasContent(decoder))
      throw new Refusal('malformed', 'Trailing bytes after the presence states');
  } catch (err) {
    if (err instanceof Refusal) throw err;
    throw new Refusal('malformed', 'Undecodable awareness update');
  }
  return { update: encoding.toUint8Array(encoder), clientId: own! };
}

/** The state others are shown: the account's name and colour, and the app's fields, bounded. */
function vouchedState(state: unknown, actor: Pick<Actor, 'id' | 'name'>): Record<string, unknown> | null {
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state))
    throw new Refusal('malformed', 'A presence state is an object');
  const claimed = state as { user?: { id?: unknown }; editing?: unknown; cursor?: unknown };
  if (claimed.user !== undefined && claimed.user?.id !== actor.id)
    throw new Refusal('forbidden', 'Presence must be your own');
  const vouched: Record<string, unknown> = {
    user: { id: actor.id, name: actor.name.slice(0, MAX_PRESENCE_NAME), color: colorFor(actor.id) },
  };
  if (typeof claimed.editing === 'string' && claimed.editing.length <= MAX_EDITING_LENGTH)
    vouched.editing = claimed.editing;
  if (claimed.cursor === null) vouched.cursor = null;
  else if (
    typeof claimed.cursor === 'object' &&
    claimed.cursor !== undefined &&
    JSON.stringify(claimed.cursor).length <= MAX_CURSOR_BYTES
  )
    vouched.cursor = claimed.cursor;
  return vouched;
}
