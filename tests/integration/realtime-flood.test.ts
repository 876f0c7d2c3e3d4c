/**
 * What one connection can make the server send or store (server/realtime/limits.ts,
 * backpressure.ts) and who it can pass itself off as in presence (presence.ts).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createMilestone, docName, milestoneDescription, readProjectDoc } from '../../shared/doc/index.ts';
import { replaceFragmentText } from '../../shared/doc/rich-text.ts';
import { colorFor } from '../../shared/presence.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { signedIn } from '../support/client.ts';
import { rawSocketAs } from '../support/raw-socket.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, emitWithAck, peer, until } from '../support/socket.ts';

const KB = 1024;
const MB = 1024 * KB;

/** A step 1 with an empty state vector: "send me the whole document". */
const ASK_FOR_ALL = new Uint8Array([0, 0, 1, 0]);

function frameUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function frameAwareness(clientId: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** The sync sub-type of a `doc:msg` (0 step 1, 1 step 2, 2 update), or null for awareness. */
function syncKind(message: Uint8Array): number | null {
  const decoder = decoding.createDecoder(message);
  return decoding.readVarUint(decoder) === 0 ? decoding.readVarUint(decoder) : null;
}

/** Applies a `doc:msg` sync step 2 or update to `doc`. */
function applySync(doc: Y.Doc, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 0) return;
  const sub = decoding.readVarUint(decoder);
  if (sub === 0) return;
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
}

/** The id of a project the partner (an observer) and the lead both see. */
async function observedProject(server: TestServer): Promise<string> {
  const partner = await signedIn(server.url, 'partner@demo.jalon');
  return (await partner.get('/api/projects')).body.projects[0].id as string;
}

/** Grows the project's document by `bytes` of description text, as the server (no client limit applies). */
async function growDocument(server: TestServer, projectId: string, bytes: number, seed = 'x'): Promise<void> {
  await server.realtime.documents.change(projectId, null, (doc) => {
    const id = readProjectDoc(doc).milestones[0]!.id;
    const paragraph = `${seed} ${'lorem ipsum dolor sit amet '.repeat(40)}`;
    const text = Array.from({ length: Math.ceil(bytes / paragraph.length) }, () => paragraph).join('\n');
    replaceFragmentText(milestoneDescription(doc, id)!, text);
  });
}

describe('what an observer can make the server send', () => {
  let server: TestServer;
  let projectId: string;
  let name: string;

  beforeAll(async () => {
    server = await startTestServer({
      realtime: {
        flow: {
          connectionBytesPerSecond: 256 * KB,
          connectionByteBurst: 2 * MB,
          userBytesPerSecond: 512 * KB,
          userByteBurst: 2 * MB,
        },
      },
    });
    projectId = await observedProject(server);
    name = docName(projectId);
    await growDocument(server, projectId, 1.5 * MB);
  });
  afterAll(() => server?.close());

  it('repeated requests for the whole document are refused past a budget, and writers keep being acknowledged', async () => {
    const writer = await peer(server.url, 'lead@demo.jalon', name);
    const docBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
    expect(docBytes).toBeGreaterThan(1.5 * MB);
    // Two sockets of the same observer, each asking for the whole document forty times.
    let received = 0;
    const sockets = await Promise.all([1, 2].map(() => connectAs(server.url, 'partner@demo.jalon')));
    for (const socket of sockets) {
      expect(await emitWithAck(socket, DOC_EVENTS.join, name)).toMatchObject({ ok: true, access: 'view' });
      socket.on(DOC_EVENTS.msg, (_doc: string, message: Uint8Array) => {
        received += message.byteLength;
      });
    }
    const started = Date.now();
    const flood = sockets.flatMap((socket) =>
      Array.from({ length: 40 }, () => emitWithAck(socket, DOC_EVENTS.msg, name, ASK_FOR_ALL)),
    );
    // Meanwhile, another member edits: each edit is acknowledged promptly.
    const ackTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      createMilestone(writer.doc, { title: `during the flood ${i}`, status: 'planned', stage: 0 }, 'w');
      const sent = Date.now();
      await writer.provider.whenSaved(5000);
      ackTimes.push(Date.now() - sent);
    }
    const acks = await Promise.all(flood);
    const seconds = (Date.now() - started) / 1000;
    const limited = acks.filter((a) => !a.ok && a.error?.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(60);
    expect(limited[0]!.error!.message).toMatch(/again/);
    // What went out: each socket's first reply, the user's burst, what it refills meanwhile, and
    // the one reply that may overdraw it; not eighty documents.
    const allowed = 2 * MB + seconds * 512 * KB + 3 * docBytes;
    expect(received).toBeLessThan(allowed);
    expect(Math.max(...ackTimes)).toBeLessThan(2000);
    for (const socket of sockets) socket.close();
    writer.close();
  }, 60_000);

  it('a request without an ack over the budget is answered once the budget allows, not refused silently', async () => {
    const socket = await connectAs(server.url, 'partner@demo.jalon');
    expect((await emitWithAck(socket, DOC_EVENTS.join, name)).ok).toBe(true);
    const doc = new Y.Doc();
    const replies: Uint8Array[] = [];
    socket.on(DOC_EVENTS.msg, (_doc: string, message: Uint8Array) => {
      if (syncKind(message) !== 0) replies.push(new Uint8Array(message));
      applySync(doc, new Uint8Array(message));
    });
    for (let i = 0; i < 6; i++) socket.emit(DOC_EVENTS.msg, name, ASK_FOR_ALL);
    const writer = await peer(server.url, 'lead@demo.jalon', name);
    await until(
      doc,
      () => readProjectDoc(doc).milestones.length === readProjectDoc(writer.doc).milestones.length,
    );
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(writer.doc));
    // Six asked, fewer answered: those over the budget were folded into the latest.
    expect(replies.filter((m) => syncKind(m) === 1).length).toBeLessThan(6);
    socket.close();
    writer.close();
  }, 30_000);
});

describe('a socket that stops reading', () => {
  let server: TestServer;
  let projectId: string;
  let name: string;

  beforeAll(async () => {
    server = await startTestServer({ realtime: { flow: { outgoingBufferBytes: 256 * KB } } });
    projectId = await observedProject(server);
    name = docName(projectId);
  });
  afterAll(() => server?.close());

  it('is sent nothing more of the document past the limit, and converges once it reads again', async () => {
    const stalled = await rawSocketAs(server.url, 'partner@demo.jalon');
    expect(await stalled.emitWithAck(DOC_EVENTS.join, name)).toMatchObject({ ok: true });
    stalled.emit(DOC_EVENTS.msg, name, ASK_FOR_ALL);
    await stalled.until(() => stalled.messages.some((m) => syncKind(m.message) === 1));
    const before = stalled.messages.length;
    stalled.pause();
    // 64 changes of a quarter of a megabyte each: 16 MB, more than the network buffers hold.
    const changes = 64;
    for (let i = 0; i < changes; i++) await growDocument(server, projectId, 256 * KB, `version ${i}`);
    // Another member is served meanwhile.
    const writer = await peer(server.url, 'lead@demo.jalon', name);
    createMilestone(writer.doc, { title: 'while one reader stalls', status: 'planned', stage: 0 }, 'w');
    await writer.provider.whenSaved(5000);

    stalled.resume();
    // It catches up: a sync reply for what it missed (so it was cut off), after which it holds
    // what the writer holds.
    const doc = new Y.Doc();
    let applied = 0;
    const caughtUp = () => {
      for (; applied < stalled.messages.length; applied++) applySync(doc, stalled.messages[applied]!.message);
      const resynced = stalled.messages.slice(before).some((m) => syncKind(m.message) === 1);
      return resynced && readProjectDoc(doc).milestones.some((m) => m.title === 'while one reader stalls');
    };
    await stalled.until(caughtUp);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(writer.doc));
    // Not every change was queued for it: those past the limit were left out and resynced.
    const updates = stalled.messages.slice(before).filter((m) => syncKind(m.message) === 2).length;
    expect(updates).toBeLessThan(changes);
    stalled.close();
    writer.close();
  }, 90_000);
});

describe("an editor's hourly growth of a document's history", () => {
  let server: TestServer;
  let name: string;

  beforeAll(async () => {
    server = await startTestServer({ realtime: { flow: { historyBytesPerHour: 64 * KB } } });
    name = docName(await observedProject(server));
  });
  afterAll(() => server?.close());

  it('is refused past the hour’s cap, with a reason, and nothing refused is applied', async () => {
    const watcher = await peer(server.url, 'researcher@demo.jalon', name);
    const socket = await connectAs(server.url, 'lead@demo.jalon');
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(watcher.doc));
    expect((await emitWithAck(socket, DOC_EVENTS.join, name)).ok).toBe(true);
    const edit = async (title: string) => {
      const before = Y.encodeStateVector(mine);
      createMilestone(mine, { title, status: 'planned', stage: 0 }, 'l');
      const id = readProjectDoc(mine).milestones.find((m) => m.title === title)!.id;
      replaceFragmentText(milestoneDescription(mine, id)!, 'notes '.repeat(4000));
      return emitWithAck(socket, DOC_EVENTS.msg, name, frameUpdate(Y.encodeStateAsUpdate(mine, before)));
    };
    // About 24 KB each: two fit in 64 KB, the third does not.
    expect(await edit('growth 1')).toEqual({ ok: true });
    expect(await edit('growth 2')).toEqual({ ok: true });
    const refused = await edit('growth 3');
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(refused.error!.message).toMatch(/hour/);
    await until(watcher.doc, () =>
      readProjectDoc(watcher.doc).milestones.some((m) => m.title === 'growth 2'),
    );
    expect(readProjectDoc(watcher.doc).milestones.some((m) => m.title === 'growth 3')).toBe(false);
    // The cap is the editor's: another member still writes.
    createMilestone(watcher.doc, { title: 'another editor', status: 'planned', stage: 0 }, 'r');
    await watcher.provider.whenSaved(5000);
    socket.close();
    watcher.close();
  }, 30_000);
});

describe('presence is vouched for by the server', () => {
  let server: TestServer;
  let name: string;

  beforeAll(async () => {
    server = await startTestServer();
    name = docName(await observedProject(server));
  });
  afterAll(() => server?.close());

  it('shows others the account’s name and colour, whatever the client wrote', async () => {
    const me = (await (await signedIn(server.url, 'lead@demo.jalon')).get('/api/me')).body.user;
    const lead = await peer(server.url, 'lead@demo.jalon', name);
    const other = await peer(server.url, 'researcher@demo.jalon', name);
    lead.provider.awareness.setLocalState({
      user: {
        id: me.id,
        name: 'Cluster Manager (official)',
        color: 'red; background: url(https://evil.test/x)',
      },
      editing: 'm1',
    });
    const seen = () =>
      [...other.provider.awareness.getStates().values()].find(
        (s) => (s as { user?: { id?: string } }).user?.id === me.id,
      ) as { user: { name: string; color: string }; editing?: string } | undefined;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('presence not relayed')), 5000);
      const check = () => {
        if (!seen()) return;
        clearTimeout(timer);
        resolve();
      };
      other.provider.awareness.on('change', check);
      check();
    });
    expect(seen()!.user.name).toBe(me.name);
    expect(seen()!.user.color).toBe(colorFor(me.id));
    expect(seen()!.editing).toBe('m1');
    lead.close();
    other.close();
  });

  it('refuses presence for an awareness client id other than the connection’s own', async () => {
    const me = (await (await signedIn(server.url, 'lead@demo.jalon')).get('/api/me')).body.user;
    const socket = await connectAs(server.url, 'lead@demo.jalon');
    expect((await emitWithAck(socket, DOC_EVENTS.join, name)).ok).toBe(true);
    const state = { user: { id: me.id, name: me.name } };
    expect(await emitWithAck(socket, DOC_EVENTS.msg, name, frameAwareness(1111, state))).toEqual({
      ok: true,
    });
    expect(await emitWithAck(socket, DOC_EVENTS.msg, name, frameAwareness(2222, state))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Nor may it remove someone else's presence.
    expect(await emitWithAck(socket, DOC_EVENTS.msg, name, frameAwareness(3333, null))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    socket.close();
  });
});
