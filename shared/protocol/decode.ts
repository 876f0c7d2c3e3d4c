/**
 * The decoding of a framed `doc:msg` message (framing.ts specifies the format). It never loops
 * on its input and never reads past it: a message that is empty, truncated, of an unknown type
 * or followed by more bytes throws `MalformedMessage`.
 */
import {
  type Decoded,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from './framing.ts';

export class MalformedMessage extends Error {}

/** Decodes one framed message (views into `message`, not copies), or throws `MalformedMessage`. */
export function decodeMessage(message: Uint8Array): Decoded {
  if (message.byteLength === 0) throw new MalformedMessage('Empty message');
  const reader: Reader = { bytes: message, pos: 0 };
  const type = readVarUint(reader);
  let decoded: Decoded;
  if (type === MESSAGE_SYNC) {
    const sub = readVarUint(reader);
    const payload = readVarUint8Array(reader);
    if (sub === SYNC_STEP1) decoded = { kind: 'sync-step1', stateVector: payload };
    else if (sub === SYNC_STEP2) decoded = { kind: 'sync-step2', update: payload };
    else if (sub === SYNC_UPDATE) decoded = { kind: 'sync-update', update: payload };
    else throw new MalformedMessage(`Unknown sync message type ${sub}`);
  } else if (type === MESSAGE_AWARENESS) {
    decoded = { kind: 'awareness', update: readVarUint8Array(reader) };
  } else {
    throw new MalformedMessage(`Unknown message type ${type}`);
  }
  if (reader.pos < message.byteLength) throw new MalformedMessage('Trailing bytes after the message');
  return decoded;
}

interface Reader {
  bytes: Uint8Array;
  pos: number;
}

const TRUNCATED = 'Truncated or undecodable message';

/** As lib0's readVarUint: at most 53 bits, so that the number stays exact. */
function readVarUint(reader: Reader): number {
  let n = 0;
  let weight = 1;
  const { bytes } = reader;
  while (reader.pos < bytes.byteLength) {
    const byte = bytes[reader.pos++]!;
    n += (byte & 0x7f) * weight;
    weight *= 128;
    if (byte < 0x80) return n;
    if (n > Number.MAX_SAFE_INTEGER) throw new MalformedMessage(TRUNCATED);
  }
  throw new MalformedMessage(TRUNCATED);
}

function readVarUint8Array(reader: Reader): Uint8Array {
  const length = readVarUint(reader);
  if (length > reader.bytes.byteLength - reader.pos) throw new MalformedMessage(TRUNCATED);
  const view = reader.bytes.subarray(reader.pos, reader.pos + length);
  reader.pos += length;
  return view;
}
