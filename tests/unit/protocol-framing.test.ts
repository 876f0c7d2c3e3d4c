/**
 * The message framing of shared/protocol/ is written without lib0, for the browser's first
 * script: its bytes must be exactly those of lib0 and y-protocols (what y-websocket clients,
 * and the server's earlier versions, read and write), and its decoding must refuse what is not
 * one whole message.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeMessage,
  EMPTY_STATE_VECTOR,
  encodeAwareness,
  encodeSync,
  MalformedMessage,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../../shared/protocol/index.ts';

/** lib0's framing of a sync message, as y-websocket writes it. */
function lib0Sync(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);
/** lengths on each side of a varUint's byte boundaries */
const LENGTHS = [0, 1, 127, 128, 129, 16_383, 16_384, 70_000, 2_097_151, 2_097_152];
/** byte-for-byte (vitest's deep equality takes seconds on megabytes) */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

describe('the framing of document messages', () => {
  it('writes a step 1, a step 2 and an update as y-protocols does', () => {
    const doc = new Y.Doc();
    doc.getMap('milestones').set('a', 'b');
    const stateVector = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(encodeSync(SYNC_STEP1, stateVector)).toEqual(lib0Sync((e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(encodeSync(SYNC_STEP2, update)).toEqual(lib0Sync((e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(encodeSync(SYNC_UPDATE, update)).toEqual(lib0Sync((e) => syncProtocol.writeUpdate(e, update)));
  });

  it('writes every payload length as lib0 does, and reads it back in place', () => {
    for (const length of LENGTHS) {
      const payload = bytes(length);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, payload);
      const framed = encodeAwareness(payload);
      expect(same(framed, encoding.toUint8Array(encoder))).toBe(true);
      const decoded = decodeMessage(framed);
      expect(decoded.kind).toBe('awareness');
      expect(same((decoded as { update: Uint8Array }).update, payload)).toBe(true);
      expect((decoded as { update: Uint8Array }).update.buffer).toBe(framed.buffer);
    }
  });

  it('reads what lib0 writes, sub-types included', () => {
    for (const [sub, kind] of [
      [SYNC_STEP2, 'sync-step2'],
      [SYNC_UPDATE, 'sync-update'],
    ] as const) {
      const payload = bytes(300);
      const framed = lib0Sync((e) => {
        encoding.writeVarUint(e, sub);
        encoding.writeVarUint8Array(e, payload);
      });
      expect(decodeMessage(framed)).toEqual({ kind, update: payload });
    }
  });

  it("asks for the whole document with an empty document's state vector", () => {
    expect(EMPTY_STATE_VECTOR).toEqual(Y.encodeStateVector(new Y.Doc()));
    const step1 = encodeSync(SYNC_STEP1, EMPTY_STATE_VECTOR);
    expect(step1).toEqual(new Uint8Array([0, 0, 1, 0]));
    const decoder = decoding.createDecoder(step1);
    expect(decoding.readVarUint(decoder)).toBe(0);
    expect(decodeMessage(step1)).toEqual({ kind: 'sync-step1', stateVector: EMPTY_STATE_VECTOR });
  });

  it('refuses what is not exactly one message', () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array([]), 'Empty message'],
      [new Uint8Array([0, 0, 5, 1, 2]), 'Truncated or undecodable message'],
      [new Uint8Array([0, 0, 0x80]), 'Truncated or undecodable message'],
      [
        new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
        'Truncated or undecodable message',
      ],
      [new Uint8Array([0, 7, 0]), 'Unknown sync message type 7'],
      [new Uint8Array([2, 0]), 'Unknown message type 2'],
      [new Uint8Array([0, 2, 1, 9, 9]), 'Trailing bytes after the message'],
    ];
    for (const [message, reason] of cases) {
      expect(() => decodeMessage(message)).toThrow(MalformedMessage);
      expect(() => decodeMessage(message)).toThrow(reason);
    }
  });

  it('never reads past the view it is given, even when its buffer goes on', () => {
    const whole = new Uint8Array([0, 2, 4, 1, 2, 3, 4]);
    expect(() => decodeMessage(whole.subarray(0, 5))).toThrow('Truncated or undecodable message');
  });
});
