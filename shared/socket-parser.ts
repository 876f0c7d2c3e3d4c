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
 * Uint8Array; notepack's extension 0 is read as what its form stands for (shared/msgpack-frame.ts):
 * binary (what its Node build makes of a Uint8Array), undefined (a CONNECT packet without `auth`),
 * or a date. Packets are checked as the default parser checks them (socket.io-parser's
 * `isPacketValid`): a client cannot emit a reserved event such as `disconnect`.
 *
 * Every frame is checked before it is decoded (shared/msgpack-frame.ts): nothing it announces may
 * be larger than what it holds. The limits here are a browser's, reading the server it chose; the
 * server reads its clients with tighter ones, and nothing until they are authenticated
 * (server/realtime/frames.ts).
 *
 * Values travel as MessagePack: keys whose value is undefined are left out, as JSON does; a Date
 * would arrive as a Date (Jalon sends dates as ISO strings).
 */
import { ExtensionCodec, Decoder as MsgpackDecoder, Encoder as MsgpackEncoder } from '@msgpack/msgpack';
import { Emitter } from '@socket.io/component-emitter';
import { isPacketValid, type Packet } from 'socket.io-parser';
import { checkFrame, type FrameLimits, FrameRefused, type NotepackExt0 } from './msgpack-frame.ts';

const packets = new MsgpackEncoder({ ignoreUndefined: true });

/** The meaning of each extension 0 of the frame being decoded, as checkFrame found them, in order. */
interface Ext0Context {
  meanings: NotepackExt0[];
  next: number;
}
const notepackExt0 = new ExtensionCodec<Ext0Context>();
notepackExt0.register({
  type: 0,
  encode: () => null,
  decode: (data, _type, context) => {
    const meaning = context.meanings[context.next++];
    if (meaning === 'binary') return data;
    if (meaning === 'date') {
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      return new Date(view.getInt32(0) * 2 ** 32 + view.getUint32(4));
    }
    return undefined;
  },
});

/**
 * What a browser reads from the server: any size (a large document's state is one message), as
 * deep as an app event may be, and nothing announced beyond what the frame holds.
 */
export const SERVER_FRAME_LIMITS: FrameLimits = {
  maxFrameBytes: Number.POSITIVE_INFINITY,
  maxDepth: 32,
  maxItems: Number.POSITIVE_INFINITY,
  maxStrBytes: Number.POSITIVE_INFINITY,
};

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
  private readonly ext0: Ext0Context = { meanings: [], next: 0 };
  private readonly msgpack: MsgpackDecoder<Ext0Context>;

  constructor(private readonly limits: FrameLimits = SERVER_FRAME_LIMITS) {
    super();
    this.msgpack = new MsgpackDecoder({
      extensionCodec: notepackExt0,
      context: this.ext0,
      maxStrLength: limits.maxStrBytes,
      maxBinLength: limits.maxFrameBytes,
      maxExtLength: limits.maxFrameBytes,
      maxArrayLength: limits.maxItems,
      maxMapLength: limits.maxItems,
    });
  }

  /** Decodes one frame into one packet; throws (the connection is then closed) if it is not one. */
  add(frame: unknown): void {
    this.emitReserved('decoded', this.decodePacket(frame, this.limits));
  }

  /** One frame into one valid packet, within `limits`; throws if it is not one. */
  protected decodePacket(frame: unknown, limits: FrameLimits): Packet {
    const bytes = frame instanceof ArrayBuffer ? new Uint8Array(frame) : frame;
    if (!(bytes instanceof Uint8Array)) throw new FrameRefused('A Socket.IO packet must be one binary frame');
    this.ext0.meanings.length = 0;
    this.ext0.next = 0;
    checkFrame(bytes, limits, this.ext0.meanings);
    const packet = this.msgpack.decode(bytes);
    if (typeof packet !== 'object' || packet === null || !isPacketValid(packet as Packet))
      throw new FrameRefused('Invalid Socket.IO packet');
    return packet as Packet;
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
