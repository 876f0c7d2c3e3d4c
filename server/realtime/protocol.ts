/**
 * The server's side of the wire contract (shared/protocol/ is the contract itself, and
 * docs/protocol.md its description): the limits on what the server reads, the `Refusal` that
 * a handler throws to answer an ack with an error, and the decoding of a received message into
 * either a decoded message or a refusal.
 */
import {
  type Ack,
  type AckErrorCode,
  type Decoded,
  decodeMessage as decodeFrame,
  MalformedMessage,
} from '../../shared/protocol/index.ts';

// What the document engine (doc-room.ts) takes from the contract, beside Refusal: one import.
export {
  type Ack,
  type AckFn,
  type Decoded,
  DOC_EVENTS as EVENTS,
  encodeAwareness,
  encodeSync,
  isEmptyUpdate,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../../shared/protocol/index.ts';

/** The largest `doc:msg` we accept; larger ones are refused with `too_large`. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/**
 * The largest frame the server reads at all; a larger one closes its connection unread. Room
 * above the largest message, so that an oversized message gets a reason (`too_large`), not a
 * dropped socket: its bytes are one binary value, read in place, and cost no more than the frame.
 */
export const MAX_FRAME_BYTES = MAX_MESSAGE_BYTES * 4;

export class Refusal extends Error {
  constructor(
    readonly code: AckErrorCode,
    message: string,
  ) {
    super(message);
  }
  get reply(): Ack {
    return { ok: false, error: { code: this.code, message: this.message } };
  }
}

/** Decodes one received message, or throws a `malformed` or `too_large` refusal. */
export function decodeMessage(message: unknown): Decoded {
  if (!(message instanceof Uint8Array)) throw new Refusal('malformed', 'Message must be binary');
  if (message.byteLength > MAX_MESSAGE_BYTES)
    throw new Refusal('too_large', `Message over ${MAX_MESSAGE_BYTES} bytes`);
  try {
    return decodeFrame(message);
  } catch (err) {
    if (err instanceof MalformedMessage) throw new Refusal('malformed', err.message);
    throw err;
  }
}
