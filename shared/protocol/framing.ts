/**
 * The y-websocket framing of a `doc:msg` message (docs/protocol.md § Messages), encoded and
 * decoded here once for the server, the browser and the example client:
 *
 *   message     = varUint type, then its payload
 *   0 sync      = varUint sub-type (0 step 1, 1 step 2, 2 update), varUint8Array payload
 *                 (step 1: a Yjs state vector; step 2 and update: a Yjs update)
 *   1 awareness = varUint8Array update (a y-protocols/awareness update)
 *
 * A varUint is lib0's: 7 bits a byte, least significant first, the high bit set on every byte
 * but the last; a varUint8Array is its length as a varUint, then the bytes. They are written here
 * without lib0 so that the app's first script (client/realtime/early-join.ts) frames its step 1
 * for a few hundred bytes rather than a share of lib0; tests/unit/protocol-framing.test.ts holds
 * the bytes to lib0's and y-protocols'. Decoding is in decode.ts, which that first script does
 * not need.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Yjs's state vector of an empty document (no clients): a step 1 with it asks for everything. */
export const EMPTY_STATE_VECTOR: Uint8Array = Uint8Array.of(0);

export type Decoded =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array };

/** A sync message: `sub` is SYNC_STEP1 (a state vector), SYNC_STEP2 or SYNC_UPDATE (an update). */
export function encodeSync(sub: number, payload: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, sub, payload);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_AWARENESS, null, update);
}

/** Yjs's encoding of an update that changes nothing. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** One allocation and one copy of the payload: a relayed update is framed once per room. */
function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const length = payload.byteLength;
  const size = varUintSize(type) + (sub === null ? 0 : varUintSize(sub)) + varUintSize(length) + length;
  const out = new Uint8Array(size);
  let pos = writeVarUint(out, 0, type);
  if (sub !== null) pos = writeVarUint(out, pos, sub);
  pos = writeVarUint(out, pos, length);
  out.set(payload, pos);
  return out;
}

function varUintSize(n: number): number {
  let size = 1;
  for (let rest = Math.floor(n / 128); rest > 0; rest = Math.floor(rest / 128)) size++;
  return size;
}

function writeVarUint(out: Uint8Array, start: number, n: number): number {
  let pos = start;
  let rest = n;
  while (rest > 0x7f) {
    out[pos++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 128);
  }
  out[pos++] = rest & 0x7f;
  return pos;
}
