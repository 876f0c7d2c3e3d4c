/**
 * The collaboration protocol's wire format (DESIGN §4, docs/protocol.md).
 *
 *   doc:join  (docName, ack)            → ack({ ok: true, access }) | ack({ ok: false, error })
 *   doc:leave (docName)
 *   doc:msg   (docName, message, ack?)  both directions
 *   doc:access (docName, { access } | { access: null, error })   server → client, when a
 *              member's role changes or they are removed while connected
 *
 * `message` is y-websocket framing: varUint type (0 sync, 1 awareness), then the payload.
 * Sync payloads are y-protocols/sync messages (step 1, step 2, update).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ErrorCode } from '../../shared/errors.ts';

export const EVENTS = {
  join: 'doc:join',
  leave: 'doc:leave',
  msg: 'doc:msg',
  access: 'doc:access',
} as const;

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** The largest `doc:msg` we accept; larger ones are refused with `too_large`. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/**
 * The largest frame the server reads at all; a larger one closes its connection unread. Room
 * above the largest message, so that an oversized message gets a reason (`too_large`), not a
 * dropped socket: its bytes are one binary value, read in place, and cost no more than the frame.
 */
export const MAX_FRAME_BYTES = MAX_MESSAGE_BYTES * 4;

export type RefusalCode = Extract<
  ErrorCode,
  'forbidden' | 'malformed' | 'too_large' | 'not_found' | 'rate_limited' | 'unauthenticated'
>;
/** `unavailable`: the server could not commit; the client keeps the update and resends it. */
export type AckError = { code: RefusalCode | 'unavailable'; message: string };
export type Ack = { ok: true; access?: 'edit' | 'comment' | 'view' } | { ok: false; error: AckError };
export type AckFn = (reply: Ack) => void;

export class Refusal extends Error {
  constructor(
    readonly code: AckError['code'],
    message: string,
  ) {
    super(message);
  }
  get reply(): Ack {
    return { ok: false, error: { code: this.code, message: this.message } };
  }
}

export type Decoded =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array };

/** Decodes one framed message, or throws a `malformed` refusal. Never loops on its input. */
export function decodeMessage(message: unknown): Decoded {
  if (!(message instanceof Uint8Array)) throw new Refusal('malformed', 'Message must be binary');
  if (message.byteLength > MAX_MESSAGE_BYTES)
    throw new Refusal('too_large', `Message over ${MAX_MESSAGE_BYTES} bytes`);
  if (message.byteLength === 0) throw new Refusal('malformed', 'Empty message');
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    let decoded: Decoded;
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SYNC_STEP1) decoded = { kind: 'sync-step1', stateVector: payload };
      else if (sub === SYNC_STEP2) decoded = { kind: 'sync-step2', update: payload };
      else if (sub === SYNC_UPDATE) decoded = { kind: 'sync-update', update: payload };
      else throw new Refusal('malformed', `Unknown sync message type ${sub}`);
    } else if (type === MESSAGE_AWARENESS) {
      decoded = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else {
      throw new Refusal('malformed', `Unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new Refusal('malformed', 'Trailing bytes after the message');
    return decoded;
  } catch (err) {
    if (err instanceof Refusal) throw err;
    throw new Refusal('malformed', 'Truncated or undecodable message');
  }
}

export function encodeSync(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Yjs's encoding of an update that changes nothing. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
