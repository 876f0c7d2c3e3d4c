import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { vouchedAwareness } from '../../../server/collab/presence-vouch.ts';
import { colorFor, MAX_PRESENCE_NAME } from '../../../shared/presence.ts';

function awareness(...states: [clientId: number, state: unknown][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const [clientId, state] of states) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

function statesOf(update: Uint8Array): unknown[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return JSON.parse(decoding.readVarString(decoder));
  });
}

const speaker = (name = 'Claire Dubois') => ({
  id: 'conn-1',
  actor: { id: 'user-1', name },
  awarenessClients: new Set<number>(),
});
const nobody = () => null;

describe('presence as the server relays it', () => {
  it('carries the account’s name and colour and the app’s fields only', () => {
    const cursor = { anchor: { type: null, tname: 'd', item: null, assoc: 0 }, head: null };
    const { update, clientId } = vouchedAwareness(
      awareness([
        7,
        { user: { id: 'user-1', name: 'Admin', color: 'red;x:y' }, editing: 'm1', cursor, extra: 'x' },
      ]),
      speaker(),
      nobody,
    );
    expect(clientId).toBe(7);
    expect(statesOf(update)).toEqual([
      { user: { id: 'user-1', name: 'Claire Dubois', color: colorFor('user-1') }, editing: 'm1', cursor },
    ]);
  });

  it('bounds what it keeps', () => {
    const { update } = vouchedAwareness(
      awareness([7, { user: { id: 'user-1' }, editing: 'e'.repeat(65), cursor: { big: 'c'.repeat(3000) } }]),
      speaker('N'.repeat(500)),
      nobody,
    );
    const [state] = statesOf(update) as { user: { name: string }; editing?: string; cursor?: unknown }[];
    expect(state!.user.name).toHaveLength(MAX_PRESENCE_NAME);
    expect(state!.editing).toBeUndefined();
    expect(state!.cursor).toBeUndefined();
    expect(() => vouchedAwareness(awareness([7, { pad: 'p'.repeat(17_000) }]), speaker(), nobody)).toThrow(
      expect.objectContaining({ code: 'too_large' }),
    );
  });

  it('refuses another user, another client id, and a client id another connection speaks for', () => {
    const conn = speaker();
    expect(() => vouchedAwareness(awareness([7, { user: { id: 'user-2' } }]), conn, nobody)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => vouchedAwareness(awareness([7, {}], [8, {}]), conn, nobody)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => vouchedAwareness(awareness([9, {}]), conn, () => 'conn-2')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    conn.awarenessClients.add(7);
    expect(vouchedAwareness(awareness([7, null]), conn, nobody).clientId).toBe(7);
    expect(() => vouchedAwareness(awareness([8, null]), conn, nobody)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
