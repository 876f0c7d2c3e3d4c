/**
 * Jalon's Socket.IO parser (shared/socket-parser.ts): one frame per packet, binary as binary,
 * packets checked as the default parser checks them, and the wire format of the Socket.IO
 * team's socket.io-msgpack-parser, which third-party clients may use.
 */
import { encode } from '@msgpack/msgpack';
import msgpackParser from 'socket.io-msgpack-parser';
import type { Packet } from 'socket.io-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { asBytes, Decoder, Encoder } from '../../shared/socket-parser.ts';

const EVENT = 2;
const ACK = 3;

function decodeAll(frames: unknown[]): Packet[] {
  const decoder = new Decoder();
  const out: Packet[] = [];
  decoder.on('decoded', (p) => out.push(p));
  for (const f of frames) decoder.add(f);
  return out;
}

describe('the Socket.IO parser', () => {
  it('sends a packet with binary content as one frame, and the bytes arrive as bytes', () => {
    const update = new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]);
    const frames = new Encoder().encode({
      type: EVENT,
      nsp: '/',
      data: [DOC_EVENTS.msg, 'project:p1', update],
      id: 7,
    });
    expect(frames).toHaveLength(1);
    const [packet] = decodeAll(frames);
    expect(packet).toEqual({
      type: EVENT,
      nsp: '/',
      data: [DOC_EVENTS.msg, 'project:p1', expect.any(Uint8Array)],
      id: 7,
    });
    expect([...(packet!.data[2] as Uint8Array)]).toEqual([...update]);
  });

  it('takes binary from a Buffer or from a view into a larger buffer', () => {
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    for (const value of [Buffer.from([1, 2, 3]), whole.subarray(2, 5)]) {
      const [packet] = decodeAll(
        new Encoder().encode({ type: EVENT, nsp: '/', data: [DOC_EVENTS.msg, 'd', value] }),
      );
      expect([...asBytes(packet!.data[2])!]).toEqual([1, 2, 3]);
    }
  });

  it('leaves out keys whose value is undefined, as JSON does', () => {
    const [packet] = decodeAll(
      new Encoder().encode({ type: ACK, nsp: '/', data: [{ ok: true, access: undefined }], id: 1 }),
    );
    expect(packet!.data).toEqual([{ ok: true }]);
    expect(packet).not.toHaveProperty('data.0.access');
  });

  it('refuses a frame that is not one valid packet', () => {
    const refused = [
      'text frame',
      new Uint8Array([0xc1]), // never used in MessagePack
      encode({ type: EVENT, nsp: '/', data: [DOC_EVENTS.msg] }).subarray(0, 5), // truncated
      new Uint8Array([...encode({ type: EVENT, nsp: '/', data: ['x'] }), 0]), // trailing byte
      encode({ type: 9, nsp: '/', data: ['x'] }), // no such packet type
      encode({ type: EVENT, nsp: 42, data: ['x'] }), // namespace not a string
      encode({ type: EVENT, nsp: '/', data: 'x' }), // an event is an array
      encode({ type: EVENT, nsp: '/', data: ['x'], id: 1.5 }), // ack ids are integers
      encode({ type: EVENT, nsp: '/', data: ['disconnect'] }), // a reserved event
      encode({ type: EVENT, nsp: '/', data: [{ __proto__: 1 }] }),
      encode([EVENT, '/']),
    ];
    for (const frame of refused) expect(() => decodeAll([frame])).toThrow();
  });

  it('reads what socket.io-msgpack-parser sends from Node, a Uint8Array included', () => {
    const update = new Uint8Array([0, 2, 3, 7, 7, 7]);
    const frames = new msgpackParser.Encoder().encode({
      type: EVENT,
      nsp: '/',
      data: [DOC_EVENTS.msg, 'project:p1', update, Buffer.from([1, 2])],
      id: 3,
    });
    // Its type declaration says one ArrayBuffer; it returns the frames, one Buffer.
    const [packet] = decodeAll(frames as unknown as unknown[]);
    expect([...asBytes(packet!.data[2])!]).toEqual([...update]);
    expect([...asBytes(packet!.data[3])!]).toEqual([1, 2]);
    expect(packet!.id).toBe(3);
  });

  it('is read by socket.io-msgpack-parser, binary as binary', () => {
    const frames = new Encoder().encode({
      type: EVENT,
      nsp: '/',
      data: [DOC_EVENTS.msg, 'd', new Uint8Array([4, 5])],
    });
    const decoder = new msgpackParser.Decoder();
    const out: Packet[] = [];
    decoder.on('decoded', (p: Packet) => out.push(p));
    decoder.add(Buffer.from(frames[0]!)); // as a WebSocket frame arrives in Node
    expect([...asBytes(out[0]!.data[2])!]).toEqual([4, 5]);
  });
});

describe('a large binary value sent to many sockets', () => {
  // Its frame is kept on a timer: each test starts with none kept and leaves none.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.runOnlyPendingTimers();
    vi.useRealTimers();
  });

  it('is encoded once for the same packet, and again for another', () => {
    const state = new Uint8Array(64 * 1024).fill(3);
    const encoder = new Encoder();
    const packet = { type: EVENT, nsp: '/', data: [DOC_EVENTS.msg, 'project:p1', state] };
    const [first] = encoder.encode(packet);
    const [second] = encoder.encode({ ...packet, data: [...packet.data] });
    expect(second).toBe(first);
    const [other] = encoder.encode({ ...packet, data: [DOC_EVENTS.msg, 'project:p2', state] });
    expect(other).not.toBe(first);
    expect(decodeAll([other])[0]!.data[1]).toBe('project:p2');
    const [acked] = encoder.encode({ ...packet, id: 4 });
    expect(decodeAll([acked])[0]!.id).toBe(4);
  });

  it('is not kept past a second: a value kept for long does not keep its frame too', () => {
    const reply = new Uint8Array(32 * 1024).fill(5);
    const encoder = new Encoder();
    const packet = { type: EVENT, nsp: '/', data: [DOC_EVENTS.msg, 'project:p1', reply] };
    const [first] = encoder.encode(packet);
    vi.advanceTimersByTime(999);
    expect(encoder.encode({ ...packet })[0]).toBe(first);
    vi.advanceTimersByTime(1);
    const [later] = encoder.encode({ ...packet });
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
  });
});
