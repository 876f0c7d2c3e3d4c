/**
 * Frames that announce more than they hold. Every Socket.IO packet is one MessagePack frame, and
 * MessagePack states each array's, map's, string's and binary's length before its content: a few
 * bytes can announce billions. The decoder (shared/socket-parser.ts, and the server's gated
 * decoder in server/realtime/frames.ts) must refuse such a frame in time and memory that its
 * own size justifies, and still read every packet a client may send.
 */
import { encode } from '@msgpack/msgpack';
import fc from 'fast-check';
import msgpackParser from 'socket.io-msgpack-parser';
import type { Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.ts';
import { admitFrames, CONNECT_FRAME_BYTES, serverParser } from '../../server/realtime/frames.ts';
import { MAX_FRAME_BYTES } from '../../server/realtime/protocol.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { asBytes, Decoder, Encoder } from '../../shared/socket-parser.ts';

const CONNECT = 0;
const EVENT = 2;
const { Decoder: ServerDecoder } = serverParser(createLogger('silent'));

/** Headers of MessagePack containers and strings, each announcing far more than will follow. */
const u16 = (head: number, n: number) => [head, (n >> 8) & 0xff, n & 0xff];
const u32 = (head: number, n: number) => [
  head,
  (n >>> 24) & 0xff,
  (n >>> 16) & 0xff,
  (n >>> 8) & 0xff,
  n & 0xff,
];
const HUGE_HEADERS: number[][] = [
  u16(0xdc, 0xffff), // array 16
  u32(0xdd, 0xffffffff), // array 32
  u16(0xde, 0xffff), // map 16
  u32(0xdf, 0xffffffff), // map 32
  [0x9f], // fixarray of 15
  [0x8f], // fixmap of 15
  [0xa0 | 31], // fixstr of 31
  [0xd9, 0xff], // str 8
  u16(0xda, 0xffff), // str 16
  u32(0xdb, 0xffffffff), // str 32
  [0xc4, 0xff], // bin 8
  u16(0xc5, 0xffff), // bin 16
  u32(0xc6, 0xffffffff), // bin 32
  [0xc7, 0xff, 0], // ext 8, type 0
  [...u16(0xc8, 0xffff), 5], // ext 16
  [...u32(0xc9, 0xffffffff), 0], // ext 32
];

const hugeHeader = fc.constantFrom(...HUGE_HEADERS);
/** what a client may put between headers: a key, a small value */
const filler = fc.uint8Array({ maxLength: 4 });
/**
 * Nested headers announcing up to 4 billion items each, in runs of the same header: the known
 * attack is a run of array headers announcing 65,535 items, each level pre-allocated.
 */
const nestedAnnouncements = fc
  .array(fc.tuple(hugeHeader, fc.integer({ min: 1, max: 400 }), filler), { minLength: 1, maxLength: 8 })
  .map((runs) =>
    Uint8Array.from(
      runs.flatMap(([h, times, f]) => [...Array.from({ length: times }, () => h).flat(), ...f]),
    ),
  );
/** arrays in arrays, one byte each level: deep nesting */
const deepNesting = fc
  .tuple(fc.integer({ min: 5, max: 20_000 }), fc.constantFrom(0x91, 0x81), fc.uint8Array({ maxLength: 8 }))
  .map(([depth, head, tail]) => {
    const frame = new Uint8Array(depth * (head === 0x81 ? 2 : 1) + tail.length);
    // a fixmap of one needs a key: 0 (a positive fixint) before each nested value
    for (let i = 0; i < depth; i++)
      if (head === 0x81) frame.set([0x81, 0x00], i * 2);
      else frame[i] = 0x91;
    frame.set(tail, frame.length - tail.length);
    return frame;
  });
/** a valid packet cut short anywhere */
const truncated = fc
  .tuple(fc.jsonValue({ maxDepth: 3 }), fc.double({ min: 0, max: 1, maxExcluded: true }))
  .map(([value, cut]) => {
    const frame = encode({ type: EVENT, nsp: '/', data: [DOC_EVENTS.msg, value, new Uint8Array(64)] });
    return frame.subarray(0, Math.floor(frame.length * cut));
  });
/** an empty map announcing more: the frame is a packet, then its claims go on past the end */
const packetThenClaims = fc
  .tuple(hugeHeader, fc.uint8Array({ maxLength: 16 }))
  .map(([h, tail]) =>
    Uint8Array.from([0x83, 0xa4, ...'type'.split('').map((c) => c.charCodeAt(0)), 2, ...h, ...tail]),
  );

const adversarial = fc.oneof(nestedAnnouncements, deepNesting, truncated, packetThenClaims);

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
}

/** Decodes one frame; returns whether it was refused, how long it took and what it allocated. */
function attempt(decoder: { add(frame: unknown): void }, frame: Uint8Array) {
  const before = memory();
  const started = performance.now();
  let refused = false;
  try {
    decoder.add(frame);
  } catch {
    refused = true;
  }
  return { refused, ms: performance.now() - started, bytes: memory() - before };
}

// Generous bounds, so that a loaded machine does not make them flaky: the decoder before the
// fix took 2.3 s and 0.9 GB for a 6 KB frame.
const MS_PER_FRAME = 200;
const BYTES_PER_FRAME = 16 * 1024 * 1024;

describe('a frame that announces more than it holds', () => {
  it('is refused by the decoder both sides use, within a fixed time and memory', () => {
    fc.assert(
      fc.property(adversarial, (frame) => {
        const decoder = new Decoder();
        decoder.on('decoded', () => {
          throw new Error('an adversarial frame was decoded into a packet');
        });
        const { refused, ms, bytes } = attempt(decoder, frame);
        expect(refused).toBe(true);
        expect(ms).toBeLessThan(MS_PER_FRAME);
        expect(bytes).toBeLessThan(BYTES_PER_FRAME);
      }),
      { numRuns: 300 },
    );
  });

  it('is refused by the server, authenticated or not, within a fixed time and memory', () => {
    fc.assert(
      fc.property(adversarial, fc.boolean(), (frame, authenticated) => {
        const decoder = authenticated ? admittedDecoder() : new ServerDecoder();
        const { refused, ms, bytes } = attempt(decoder, frame);
        expect(refused).toBe(true);
        expect(ms).toBeLessThan(MS_PER_FRAME);
        expect(bytes).toBeLessThan(BYTES_PER_FRAME);
      }),
      { numRuns: 300 },
    );
  });

  it('is refused whatever its bytes, or read as one valid packet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8192 }), (frame) => {
        for (const decoder of [new Decoder(), admittedDecoder()]) {
          const { ms, bytes } = attempt(decoder, frame);
          expect(ms).toBeLessThan(MS_PER_FRAME);
          expect(bytes).toBeLessThan(BYTES_PER_FRAME);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is refused by the server above the size of the largest legitimate message', () => {
    const decoder = admittedDecoder();
    const message = new Uint8Array(MAX_FRAME_BYTES);
    const packet = (m: Uint8Array) =>
      new Encoder().encode({ type: EVENT, nsp: '/', data: [DOC_EVENTS.msg, 'd', m] })[0]!;
    expect(() => decoder.add(packet(message.subarray(0, MAX_FRAME_BYTES - 64)))).not.toThrow();
    expect(() => decoder.add(packet(message))).toThrow();
  });
});

describe('the server, before a connection is authenticated', () => {
  const connectFrame = (auth?: object) =>
    new Encoder().encode({ type: CONNECT, nsp: '/', ...(auth ? { data: auth } : {}) })[0]!;
  const eventFrame = new Encoder().encode({
    type: EVENT,
    nsp: '/',
    data: [DOC_EVENTS.join, 'project:p'],
  })[0]!;

  it('decodes one small CONNECT packet, then nothing until the connection is admitted', () => {
    const decoder = new ServerDecoder();
    const decoded: Packet[] = [];
    decoder.on('decoded', (p: Packet) => decoded.push(p));
    decoder.add(connectFrame({ token: 'jalon_x' }));
    expect(decoded).toMatchObject([{ type: CONNECT, data: { token: 'jalon_x' } }]);
    expect(() => decoder.add(eventFrame)).toThrow();
    expect(decoded).toHaveLength(1);
  });

  it('refuses anything but a CONNECT first, and a CONNECT over its size', () => {
    expect(() => new ServerDecoder().add(eventFrame)).toThrow();
    const big = connectFrame({ token: 'x'.repeat(CONNECT_FRAME_BYTES) });
    expect(() => new ServerDecoder().add(big)).toThrow();
  });

  it('once admitted, reads events and no second CONNECT', () => {
    const decoder = admittedDecoder();
    const decoded: Packet[] = [];
    decoder.on('decoded', (p: Packet) => decoded.push(p));
    decoder.add(eventFrame);
    expect(decoded).toMatchObject([{ type: EVENT, data: [DOC_EVENTS.join, 'project:p'] }]);
    expect(() => decoder.add(connectFrame())).toThrow();
  });

  it('admits a connection by the auth of its own CONNECT packet only', () => {
    const one = new ServerDecoder();
    const other = new ServerDecoder();
    let auth: unknown;
    one.on('decoded', (p: Packet) => {
      auth = p.data;
    });
    one.add(connectFrame());
    other.add(connectFrame());
    expect(auth).toEqual({});
    expect(admitFrames(auth)).toBe(true);
    expect(admitFrames({})).toBe(false);
    expect(() => one.add(eventFrame)).not.toThrow();
    expect(() => other.add(eventFrame)).toThrow();
  });
});

describe('extension 0, as socket.io-msgpack-parser sends it from Node', () => {
  const fromNode = (packet: object) =>
    (new msgpackParser.Encoder().encode(packet as never) as unknown as Uint8Array[])[0]!;
  const decodeOne = (frame: Uint8Array, decoder: Decoder = new Decoder()) => {
    let packet: Packet | undefined;
    decoder.on('decoded', (p: Packet) => {
      packet = p;
    });
    decoder.add(frame);
    return packet!;
  };

  it('is undefined where it stands for undefined: a CONNECT packet without auth is valid', () => {
    const frame = fromNode({ type: CONNECT, nsp: '/', data: undefined });
    expect(decodeOne(frame)).toMatchObject({ type: CONNECT, nsp: '/' });
    expect(decodeOne(frame).data).toBeUndefined();
    expect(decodeOne(frame, new ServerDecoder()).data).toEqual({});
    const event = decodeOne(fromNode({ type: EVENT, nsp: '/', data: [DOC_EVENTS.leave, 'd', undefined] }));
    expect(event.data).toEqual([DOC_EVENTS.leave, 'd', undefined]);
  });

  it('is binary where it stands for binary, of any length, one byte and eight included', () => {
    for (const length of [0, 1, 2, 8, 300, 70_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => i % 251);
      const packet = decodeOne(fromNode({ type: EVENT, nsp: '/', data: [DOC_EVENTS.msg, 'd', bytes] }));
      expect([...asBytes(packet.data[2])!]).toEqual([...bytes]);
    }
  });

  it('is a date where it stands for a date', () => {
    const when = new Date('2026-12-06T21:40:13.123Z');
    const packet = decodeOne(fromNode({ type: EVENT, nsp: '/', data: ['e', when] }));
    expect(packet.data[1]).toEqual(when);
  });
});

describe('every packet a client may send', () => {
  const scalar = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ minLength: 32, maxLength: 300 }),
    fc.integer(),
    fc.maxSafeInteger(),
    // notepack writes an integral double as an integer, exact within the safe range only
    fc
      .double({ noNaN: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
      .filter((x) => !Object.is(x, -0)),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.oneof(
    scalar,
    fc.dictionary(
      fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'),
      scalar,
      { maxKeys: 4 },
    ),
    fc.array(scalar, { maxLength: 4 }),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  );
  const packet = fc.record({
    type: fc.constant(EVENT),
    nsp: fc.constant('/'),
    data: fc.tuple(
      fc.constantFrom(DOC_EVENTS.join, DOC_EVENTS.msg, DOC_EVENTS.leave),
      fc.array(value, { maxLength: 3 }),
    ),
    id: fc.option(fc.nat(), { nil: undefined }),
  });

  it('is read by the server as it was sent, from Jalon’s encoder and from socket.io-msgpack-parser', () => {
    fc.assert(
      fc.property(packet, ({ type, nsp, data, id }) => {
        const sent = { type, nsp, data: [data[0], ...data[1]], ...(id === undefined ? {} : { id }) };
        for (const frame of [
          new Encoder().encode(sent)[0]!,
          (new msgpackParser.Encoder().encode(sent as never) as unknown as Uint8Array[])[0]!,
        ]) {
          const decoder = admittedDecoder();
          let got: Packet | undefined;
          decoder.on('decoded', (p: Packet) => {
            got = p;
          });
          decoder.add(frame);
          expect(normalise(got!)).toEqual(normalise(sent));
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A server decoder past its CONNECT packet, as for a connection whose credentials were accepted. */
function admittedDecoder(): InstanceType<typeof ServerDecoder> {
  const decoder = new ServerDecoder();
  let auth: unknown;
  const grab = (p: Packet) => {
    auth = p.data;
  };
  decoder.on('decoded', grab);
  decoder.add(new Encoder().encode({ type: CONNECT, nsp: '/' })[0]!);
  decoder.off('decoded', grab);
  if (!admitFrames(auth)) throw new Error('could not admit the test decoder');
  return decoder;
}

/** binary as plain arrays, so that a Buffer sent equals the Uint8Array received */
function normalise(value: unknown): unknown {
  const bytes = asBytes(value);
  if (bytes) return { bytes: [...bytes] };
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}
