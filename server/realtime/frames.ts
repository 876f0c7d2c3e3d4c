/**
 * What the server reads from each connection, frame by frame (DESIGN §4): no frame may make it
 * allocate more than the frame's own size justifies, and a connection that is not authenticated
 * has its CONNECT packet decoded and nothing else.
 *
 * Each connection gets its own decoder (Socket.IO makes one per connection). Its first frame must
 * be one small CONNECT packet. After it the decoder reads nothing until the handshake
 * (handshake.ts) has authenticated the connection and admitted its frames (`admitFrames`): a frame
 * before that is refused, which closes the connection. The handshake finds the decoder by the
 * auth object of the CONNECT packet, which Socket.IO hands to it as `socket.handshake.auth`: the
 * decoder makes that object itself, one per connection, so it names that connection and no other.
 *
 * A refused frame closes its own connection (Socket.IO closes a connection whose decoder throws),
 * with one log line, and never touches another.
 */
import { type Packet, PacketType } from 'socket.io-parser';
import { type FrameLimits, FrameRefused } from '../../shared/msgpack-frame.ts';
import { Decoder, Encoder } from '../../shared/socket-parser.ts';
import type { Logger } from '../log.ts';
import { MAX_FRAME_BYTES } from './protocol.ts';

/**
 * What a client may send once authenticated. Jalon's events are a packet (depth 1) of arguments
 * (2) that are strings and binary; an object among the arguments (3) with objects inside it (4) is
 * as deep as a third-party client has any reason to go. A packet has a handful of items and short
 * strings (event and document names); the one large value, a message, is binary.
 */
export const CLIENT_FRAME_LIMITS: FrameLimits = {
  maxFrameBytes: MAX_FRAME_BYTES,
  maxDepth: 4,
  maxItems: 1024,
  maxStrBytes: 4096,
};

/** A CONNECT packet holds its namespace and at most `auth: { token }`: an API token is 200 bytes at most. */
export const CONNECT_FRAME_BYTES = 1024;
const CONNECT_FRAME_LIMITS: FrameLimits = { ...CLIENT_FRAME_LIMITS, maxFrameBytes: CONNECT_FRAME_BYTES };

/** The decoders whose connection sent its CONNECT packet and waits for the handshake, by that packet's auth. */
const awaitingAdmission = new WeakMap<object, { admit(): void }>();

/**
 * Lets the connection whose CONNECT packet carried `auth` send its packets: called by the handshake
 * once that connection is authenticated. False if `auth` is no decoder's (the connection must then
 * be refused: its frames would never be read).
 */
export function admitFrames(auth: unknown): boolean {
  if (typeof auth !== 'object' || auth === null) return false;
  const decoder = awaitingAdmission.get(auth);
  if (!decoder) return false;
  awaitingAdmission.delete(auth);
  decoder.admit();
  return true;
}

/** The parser for the server's `parser` option: Jalon's encoder, and a gated decoder per connection. */
export function serverParser(log: Logger) {
  class ConnectionDecoder extends Decoder {
    private stage: 'connect' | 'authenticating' | 'open' = 'connect';

    constructor() {
      super(CLIENT_FRAME_LIMITS);
    }

    override add(frame: unknown): void {
      let packet: Packet;
      try {
        packet = this.read(frame);
      } catch (err) {
        const bytes = frame instanceof Uint8Array || frame instanceof ArrayBuffer ? frame.byteLength : null;
        const reason = err instanceof Error ? err.message : String(err);
        log.warn({ stage: this.stage, bytes, reason }, 'socket frame refused; connection closed');
        throw err;
      }
      this.emitReserved('decoded', packet);
    }

    admit(): void {
      if (this.stage === 'authenticating') this.stage = 'open';
    }

    private read(frame: unknown): Packet {
      if (this.stage === 'open') {
        const packet = this.decodePacket(frame, CLIENT_FRAME_LIMITS);
        if (packet.type === PacketType.CONNECT) throw new FrameRefused('Already connected');
        return packet;
      }
      if (this.stage === 'authenticating')
        throw new FrameRefused('A packet before the connection is authenticated');
      const packet = this.decodePacket(frame, CONNECT_FRAME_LIMITS);
      if (packet.type !== PacketType.CONNECT) throw new FrameRefused('The first packet must be CONNECT');
      // Without auth, the packet's data is undefined (Socket.IO then takes `{}`): this decoder
      // makes that object, so that every connection's auth is its own.
      const auth: object = packet.data ?? {};
      packet.data = auth;
      awaitingAdmission.set(auth, this);
      this.stage = 'authenticating';
      return packet;
    }
  }
  return { Encoder, Decoder: ConnectionDecoder };
}
