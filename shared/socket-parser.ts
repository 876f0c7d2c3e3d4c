/**
 * How Jalon's Socket.IO packets are encoded, on both sides of every connection: each packet is
 * one MessagePack value in one binary WebSocket frame.
 *
 * Socket.IO's default parser sends a packet with binary content as two frames: a text frame that
 * announces the attachment, then the attachment. A document update is such a packet, and the
 * server relays each one to everyone in the room: one frame each instead of two halves the
 * frames, the writes to the network and the work around them (docs/performance.md).
 *
 * The wire format is that of the Socket.IO team's socket.io-msgpack-parser, which any client may
 * use instead (docs/protocol.md). It is built here on @msgpack/msgpack rather than notepack.io,
 * whose browser build cannot encode a Uint8Array (it sends a map of its indices) and decodes the
 * binary that its Node build sends as an array. Binary goes out as MessagePack's `bin` (from a
 * Uint8Array or a Buffer; an ArrayBuffer must be wrapped in a Uint8Array) and arrives as a
 * Uint8Array; notepack's own binary (extension 0, what its Node build makes of a Uint8Array) is
 * read as binary too. Packets are checked as the default parser checks them (socket.io-parser's
 * `isPacketValid`): a client cannot emit a reserved event such as `disconnect`.
 *
 * Values travel as MessagePack: keys whose value is undefined are left out, as JSON does; a Date
 * would arrive as a Date (Jalon sends dates as ISO strings).
 */
import { ExtensionCodec, Decoder as MsgpackDecoder, Encoder as MsgpackEncoder } from '@msgpack/msgpack';
import { Emitter } from '@socket.io/component-emitter';
import { isPacketValid, type Packet } from 'socket.io-parser';

const packets = new MsgpackEncoder({ ignoreUndefined: true });
/** notepack.io's binary (extension 0), as socket.io-msgpack-parser sends a Uint8Array from Node */
const notepackBinary = new ExtensionCodec();
notepackBinary.register({ type: 0, encode: () => null, decode: (data) => data });

/** Binary content from this size up is worth encoding once for every socket it is sent to. */
const LARGE_BINARY = 16 * 1024;

/**
 * The frame last encoded for a large binary value, by the value, for a second: the same step 2
 * (a document's whole state, a megabyte or more) sent to each of 150 clients joining at once is
 * encoded once, not copied 150 times. The default parser shared such a buffer among sockets the
 * same way. So binary content must not be changed once sent (Jalon's never is: each message is a
 * new array, or a dormant room's reply, kept as it is).
 *
 * Kept for a storm of sends, not for the value's life: a dormant room keeps its reply for as long
 * as it stays loaded, and a frame kept beside it would double what each idle document costs.
 */
const LARGE_FRAME_TTL_MS = 1000;
/** distinct large values whose frames are kept at once (more within a second: start afresh) */
const MAX_LARGE_FRAMES = 64;
let framesOfLargeBinary = new Map<Uint8Array, { packet: Packet; frame: Uint8Array }>();
let framesExpiry: ReturnType<typeof setTimeout> | null = null;

function keepFrame(large: Uint8Array, packet: Packet, frame: Uint8Array): void {
  if (framesOfLargeBinary.size >= MAX_LARGE_FRAMES) framesOfLargeBinary = new Map();
  framesOfLargeBinary.set(large, { packet, frame });
  if (framesExpiry) return;
  framesExpiry = setTimeout(() => {
    framesExpiry = null;
    framesOfLargeBinary = new Map();
  }, LARGE_FRAME_TTL_MS);
  // In Node, a kept frame is no reason to stay alive (browsers have no such method).
  (framesExpiry as { unref?: () => void }).unref?.();
}

function samePacket(a: Packet, b: Packet): boolean {
  return (
    a.type === b.type &&
    a.nsp === b.nsp &&
    a.id === b.id &&
    a.data.length === b.data.length &&
    a.data.every((value: unknown, i: number) => value === b.data[i])
  );
}

export class Encoder {
  /** One frame per packet. */
  encode(packet: Packet): Uint8Array[] {
    const data: unknown[] | null = Array.isArray(packet.data) ? packet.data : null;
    const large = data?.find((v): v is Uint8Array => v instanceof Uint8Array && v.byteLength >= LARGE_BINARY);
    if (!data || !large) return [packets.encode(packet)];
    const cached = framesOfLargeBinary.get(large);
    if (cached && samePacket(cached.packet, packet)) return [cached.frame];
    const frame = packets.encode(packet);
    keepFrame(large, { ...packet, data: [...data] }, frame);
    return [frame];
  }
}

interface DecoderEvents {
  decoded: (packet: Packet) => void;
}

export class Decoder extends Emitter<Record<never, never>, Record<never, never>, DecoderEvents> {
  private readonly msgpack = new MsgpackDecoder({ extensionCodec: notepackBinary });

  /** Decodes one frame into one packet; throws (the connection is then closed) if it is not one. */
  add(frame: unknown): void {
    if (!(frame instanceof Uint8Array || frame instanceof ArrayBuffer))
      throw new Error('A Socket.IO packet must be one binary frame');
    const packet = this.msgpack.decode(frame);
    if (typeof packet !== 'object' || packet === null || !isPacketValid(packet as Packet))
      throw new Error('Invalid Socket.IO packet');
    this.emitReserved('decoded', packet as Packet);
  }

  destroy(): void {}
}

export const socketParser = { Encoder, Decoder };

/** A binary value as received (a Uint8Array, a Buffer, or an ArrayBuffer), as bytes; null if not binary. */
export function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}
