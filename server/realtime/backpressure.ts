/**
 * How far behind a socket's writes are, measured through engine.io's public API only: the bytes
 * of the packets made for it (the engine socket's `packetCreate` event) that its transport has
 * not written out yet. Those wait in the engine's write buffer until the transport takes the
 * buffer (`flush`), and are then being written until the transport's `drain` (the last of the
 * batch handed to the kernel). A client that stops reading fills the kernel's buffers, its
 * transport stays busy, and packets pile up in this process: past `limit`, the socket is
 * `behind` (its rooms stop sending it document messages: DocRoom.pause); once its transport has
 * drained with less than half the limit waiting, it has `caughtUp` (DocRoom.resume resyncs it).
 *
 * Per packet, a counter added to: nothing allocated.
 */
import type { Socket } from 'socket.io';

type EngineSocket = Socket['conn'];
type Transport = EngineSocket['transport'];

export interface OutgoingWatch {
  /** whether the socket is behind now */
  readonly behind: boolean;
}

export function watchOutgoing(
  conn: EngineSocket,
  limit: number,
  on: { behind(): void; caughtUp(): void },
): OutgoingWatch {
  /** bytes in the write buffer, and in the batch the transport is writing */
  let waiting = 0;
  let writing = 0;
  let behind = false;
  const created = (packet: { data?: unknown }) => {
    const data = packet.data;
    waiting +=
      typeof data === 'string'
        ? data.length
        : data instanceof Uint8Array || data instanceof ArrayBuffer
          ? data.byteLength
          : 0;
    if (!behind && waiting + writing > limit) {
      behind = true;
      on.behind();
    }
  };
  const taken = () => {
    writing += waiting;
    waiting = 0;
  };
  const drained = () => {
    writing = 0;
    if (behind && waiting <= limit / 2) {
      behind = false;
      on.caughtUp();
    }
  };
  let transport: Transport = conn.transport;
  transport.on('drain', drained);
  conn.on('packetCreate', created);
  conn.on('flush', taken);
  conn.on('upgrade', (upgraded: Transport) => {
    transport.off('drain', drained);
    transport = upgraded;
    transport.on('drain', drained);
  });
  conn.once('close', () => transport.off('drain', drained));
  return {
    get behind() {
      return behind;
    },
  };
}
