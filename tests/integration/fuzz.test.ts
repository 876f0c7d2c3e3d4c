import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { signedIn } from '../support/client.ts';
import { joinAndSync } from '../support/durability.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, emitWithAck, peer } from '../support/socket.ts';

let server: TestServer;
let name: string;
const codes = new Set(['malformed', 'too_large', 'forbidden', 'rate_limited']);

beforeAll(async () => {
  server = await startTestServer();
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  name = docName((await lead.get('/api/projects')).body.projects[0].id);
});
afterAll(() => server?.close());

/** Valid messages to mutate: a real update, a step 1, an awareness frame. */
function seeds(): Uint8Array[] {
  const doc = new Y.Doc();
  createMilestone(doc, { title: 'Seed milestone', status: 'planned', stage: 1 }, 'fuzz');
  const update = Y.encodeStateAsUpdate(doc);
  const msg = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    write(e);
    return encoding.toUint8Array(e);
  };
  return [
    msg((e) => syncProtocol.writeUpdate(e, update)),
    msg((e) => syncProtocol.writeSyncStep2(e, doc)),
    msg((e) => syncProtocol.writeSyncStep1(e, doc)),
  ];
}

const mutated = fc
  .tuple(
    fc.constantFrom(...seeds()),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('flip', 'insert', 'delete', 'cut'),
      ),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  )
  .map(([seed, edits]) => {
    let bytes = Array.from(seed);
    for (const [at, value, kind] of edits) {
      const i = bytes.length ? at % bytes.length : 0;
      if (kind === 'flip') bytes[i] = value;
      else if (kind === 'insert') bytes.splice(i, 0, value);
      else if (kind === 'delete') bytes.splice(i, 1);
      else bytes = bytes.slice(0, i);
    }
    return new Uint8Array(bytes);
  });

const payload = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 400 }),
  mutated,
  fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0, 2, ...b])),
  fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([1, ...b])),
);

describe('random and mutated doc:msg payloads', () => {
  it('never crash or hang the server; every message gets an answer', async () => {
    let socket: Socket | null = null;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (bytes) => {
        // A fresh socket every few messages, so the rate limit does not hide the decoder.
        if (!socket || sent++ % 15 === 0) {
          socket?.close();
          socket = await connectAs(server.url, 'lead@demo.jalon');
          await joinAndSync(socket, new Y.Doc(), name);
        }
        const ack = await emitWithAck(socket, DOC_EVENTS.msg, name, bytes);
        if (!ack.ok) expect(codes).toContain(ack.error!.code);
      }),
      { numRuns: 300 },
    );
    (socket as Socket | null)?.close();
    // the server still answers, and a member's edit still flows and is kept
    expect((await fetch(`${server.url}/api/health`)).ok).toBe(true);
    const a = await peer(server.url, 'researcher@demo.jalon', name);
    const id = createMilestone(a.doc, { title: 'after the fuzz', status: 'planned', stage: 0 }, 'r');
    await a.provider.whenSaved();
    const b = await peer(server.url, 'mentor@demo.jalon', name);
    expect(readProjectDoc(b.doc).milestones.some((m) => m.id === id)).toBe(true);
    a.close();
    b.close();
  }, 120_000);
});
