import { eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { milestones } from '../../server/db/schema/index.ts';
import { createMilestone, docName, readProjectDoc, validateDoc } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { joinAndSync } from '../support/durability.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, emitWithAck, type Peer, peer, until } from '../support/socket.ts';

let server: TestServer;
let lead: ApiClient;
let projectId: string;
let name: string;
let watcher: Peer;

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.url, 'lead@demo.jalon');
  projectId = (await lead.get('/api/projects')).body.projects[0].id;
  name = docName(projectId);
  watcher = await peer(server.url, 'lead@demo.jalon', name);
});
afterAll(async () => {
  watcher?.close();
  await server?.close();
});

function frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An update made by a raw Yjs client on top of the server's state, bypassing the writers. */
async function rawEdit(edit: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(watcher.doc));
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The server still serves others: a member's edit is relayed and acknowledged. */
async function serverStillServes(label: string) {
  const other = await peer(server.url, 'researcher@demo.jalon', name);
  const id = createMilestone(
    other.doc,
    { title: `still serving after ${label}`, status: 'planned', stage: 0 },
    'r',
  );
  await other.provider.whenSaved();
  await until(watcher.doc, () => readProjectDoc(watcher.doc).milestones.some((m) => m.id === id));
  other.close();
}

describe('bad input is refused with a reason, and nothing is applied', () => {
  it.each([
    ['an empty message', () => new Uint8Array(0), 'malformed'],
    ['a truncated message', () => frame(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])).slice(0, 5), 'malformed'],
    ['garbage', () => new Uint8Array([0, 2, 9, 255, 255, 255, 255, 15, 1, 1, 1]), 'malformed'],
    ['an unknown message type', () => new Uint8Array([7, 0]), 'malformed'],
    ['text instead of binary', () => 'hello', 'malformed'],
    ['an oversized message', () => new Uint8Array(3 * 1024 * 1024), 'too_large'],
  ])('%s', async (label, make, code) => {
    const socket = await connectAs(server.url, 'lead@demo.jalon');
    await joinAndSync(socket, new Y.Doc(), name);
    const before = Y.encodeStateVector(watcher.doc);
    const ack = await emitWithAck(socket, DOC_EVENTS.msg, name, make());
    expect(ack).toMatchObject({ ok: false, error: { code } });
    expect(ack.error!.message.length).toBeGreaterThan(3);
    expect(Y.encodeStateVector(watcher.doc)).toEqual(before);
    // the same socket is still served
    expect((await emitWithAck(socket, DOC_EVENTS.join, name)).ok).toBe(true);
    socket.close();
    await serverStillServes(label);
  });

  it.each([
    [
      'an unknown status',
      (d: Y.Doc) => {
        const m = new Y.Map();
        d.getMap('milestones').set('evil-1', m);
        m.set('title', 'Looks fine');
        m.set('status', 'late');
      },
      'status',
    ],
    [
      'a level of 12',
      (d: Y.Doc) => {
        const m = new Y.Map();
        d.getMap('readiness').set('technology', m);
        m.set('level', 12);
      },
      'level',
    ],
    ['an unknown top-level type', (d: Y.Doc) => d.getMap('evil').set('x', 1), 'evil'],
    [
      'an unknown field',
      (d: Y.Doc) => {
        const m = new Y.Map();
        d.getMap('milestones').set('evil-2', m);
        m.set('title', 'T');
        m.set('status', 'planned');
        m.set('owner_password', 'hunter2');
      },
      'owner_password',
    ],
    [
      'a nested map where a string belongs',
      (d: Y.Doc) => {
        const m = new Y.Map();
        d.getMap('milestones').set('evil-3', m);
        m.set('title', new Y.Map());
        m.set('status', 'planned');
      },
      'title',
    ],
  ])('an update with %s is malformed and reaches no one', async (_label, edit, where) => {
    const socket = await connectAs(server.url, 'researcher@demo.jalon');
    await joinAndSync(socket, new Y.Doc(), name);
    const before = Y.encodeStateVector(watcher.doc);
    const ack = await emitWithAck(socket, DOC_EVENTS.msg, name, frame(await rawEdit(edit)));
    expect(ack).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(ack.error!.message).toContain(where);
    expect(Y.encodeStateVector(watcher.doc)).toEqual(before);
    socket.close();
    await serverStillServes(`invalid ${where}`);
  });

  it('an update whose dependencies the server lacks is malformed', async () => {
    const socket = await connectAs(server.url, 'researcher@demo.jalon');
    await joinAndSync(socket, new Y.Doc(), name);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(watcher.doc));
    const id = createMilestone(offline, { title: 'first', status: 'planned', stage: 0 }, 'r');
    const sv = Y.encodeStateVector(offline);
    offline.getMap('milestones').get(id); // the second change builds on the first
    createMilestone(offline, { title: 'second', status: 'planned', stage: 0 }, 'r');
    const onlySecond = Y.encodeStateAsUpdate(offline, sv);
    const ack = await emitWithAck(socket, DOC_EVENTS.msg, name, frame(onlySecond));
    expect(ack).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(readProjectDoc(watcher.doc).milestones.some((m) => m.title === 'second')).toBe(false);
    socket.close();
  });

  it('after a refusal the document is as it was: every valid change kept, none of the refused', async () => {
    // The server validates an update on its document itself, and puts the document back when
    // it refuses one (server/collab/checked-apply.ts): the valid changes before and after must
    // survive it, in the document, for newcomers, and in the projected rows.
    const writer = await peer(server.url, 'researcher@demo.jalon', name);
    const before = createMilestone(
      writer.doc,
      { title: 'kept before a refusal', status: 'planned', stage: 0 },
      'r',
    );
    await writer.provider.whenSaved();
    const socket = await connectAs(server.url, 'researcher@demo.jalon');
    await joinAndSync(socket, new Y.Doc(), name);
    const invalid = await rawEdit((d) => {
      const m = new Y.Map();
      d.getMap('milestones').set('evil-after', m);
      m.set('title', 'refused');
      m.set('status', 'late');
    });
    expect(await emitWithAck(socket, DOC_EVENTS.msg, name, frame(invalid))).toMatchObject({
      ok: false,
      error: { code: 'malformed' },
    });
    // and one that would leave the document waiting for changes it does not have
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(watcher.doc));
    createMilestone(offline, { title: 'first offline', status: 'planned', stage: 0 }, 'r');
    const sv = Y.encodeStateVector(offline);
    createMilestone(offline, { title: 'pending offline', status: 'planned', stage: 0 }, 'r');
    expect(
      await emitWithAck(socket, DOC_EVENTS.msg, name, frame(Y.encodeStateAsUpdate(offline, sv))),
    ).toMatchObject({ ok: false, error: { code: 'malformed' } });
    socket.close();
    const after = createMilestone(
      writer.doc,
      { title: 'kept after a refusal', status: 'planned', stage: 0 },
      'r',
    );
    await writer.provider.whenSaved();

    const newcomer = await peer(server.url, 'lead@demo.jalon', name);
    const titles = readProjectDoc(newcomer.doc).milestones.map((m) => m.title);
    expect(titles).toEqual(expect.arrayContaining(['kept before a refusal', 'kept after a refusal']));
    expect(titles).not.toContain('refused');
    expect(titles).not.toContain('pending offline');
    expect(newcomer.doc.getMap('milestones').has('evil-after')).toBe(false);
    expect(validateDoc(newcomer.doc)).toEqual([]);
    newcomer.close();

    // the projection, within about a second
    const ids = await vi.waitFor(
      async () => {
        const rows = await server.deps.db
          .select({ id: milestones.id })
          .from(milestones)
          .where(eq(milestones.projectId, projectId));
        const ids = rows.map((r) => r.id);
        expect(ids).toEqual(expect.arrayContaining([before, after]));
        return ids;
      },
      { timeout: 5000, interval: 100 },
    );
    expect(ids).not.toContain('evil-after');
    writer.close();
  });

  it('a flood from one socket is rate-limited; others are unaffected', async () => {
    const socket = await connectAs(server.url, 'lead@demo.jalon');
    await joinAndSync(socket, new Y.Doc(), name);
    const sv = new Uint8Array([0, 0, 0]); // a sync step 1 with an empty state vector
    const acks = await Promise.all(
      Array.from({ length: 400 }, () => emitWithAck(socket, DOC_EVENTS.msg, name, sv)),
    );
    const limited = acks.filter((a) => !a.ok && a.error?.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    socket.close();
    await serverStillServes('a flood');
  });

  it('a message for a document not joined is forbidden', async () => {
    const socket = await connectAs(server.url, 'lead@demo.jalon');
    const ack = await emitWithAck(socket, DOC_EVENTS.msg, name, new Uint8Array([0, 0, 0]));
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    socket.close();
  });

  it('presence may only be one’s own', async () => {
    const socket = await connectAs(server.url, 'partner@demo.jalon');
    const projects = (await (await signedIn(server.url, 'partner@demo.jalon')).get('/api/projects')).body
      .projects;
    const observed = docName(projects[0].id);
    await joinAndSync(socket, new Y.Doc(), observed);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // awareness
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 424242);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, JSON.stringify({ user: { id: 'someone-else', name: 'Spoof' } }));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    const ack = await emitWithAck(socket, DOC_EVENTS.msg, observed, encoding.toUint8Array(encoder));
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    socket.close();
  });
});

describe('revocation', () => {
  it('a member removed mid-session loses access within a second', async () => {
    const me = await signedIn(server.url, 'researcher@demo.jalon');
    const researcherId = (await me.get('/api/me')).body.user.id;
    const researcher = await peer(server.url, 'researcher@demo.jalon', name);
    const revoked = new Promise<number>((resolve) => {
      researcher.provider.on('access', (access) => access === null && resolve(Date.now()));
    });
    const removedAt = Date.now();
    expect((await lead.delete(`/api/projects/${projectId}/members/${researcherId}`)).status).toBe(204);
    expect((await revoked) - removedAt).toBeLessThan(1000);
    // what they send now is refused and reaches no one
    const raw = researcher.socket;
    const ack = await emitWithAck(
      raw,
      DOC_EVENTS.msg,
      name,
      frame(
        await rawEdit((d) =>
          createMilestone(d, { title: 'after removal', status: 'planned', stage: 0 }, 'r'),
        ),
      ),
    );
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readProjectDoc(watcher.doc).milestones.some((m) => m.title === 'after removal')).toBe(false);
    expect(await emitWithAck(raw, DOC_EVENTS.join, name)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    researcher.close();
  });
});
