/**
 * The server's side of the wire contract (shared/protocol/ is the contract itself, and
 * docs/protocol.md its description): the limits on what the server reads, the `Refusal` that
 * a handler throws to answer an ack with an error, and the decoding of a received message into
 * either a decoded message or a refusal.
 */
import { type Decoded, decodeMessage as decodeFrame, MalformedMessage } from '../../shared/protocol/index.ts';
import { Refusal } from '../collab/refusal.ts';

export { Refusal };

/** The largest `doc:msg` we accept; larger ones are refused with `too_large`. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/**
 * The largest frame the server reads at all; a larger one closes its connection unread. Room
 * above the largest message, so that an oversized message gets a reason (`too_large`), not a
 * dropped socket: its bytes are one binary value, read in place, and cost no more than the frame.
 */
export const MAX_FRAME_BYTES = MAX_MESSAGE_BYTES * 4;

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
