import { and, count, eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { auditEvents, docUpdates, milestones, readiness } from '../../server/db/schema/index.ts';
import {
  createMilestone,
  docName,
  readProjectDoc,
  setReadinessLevel,
  updateMilestone,
} from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { joinAndSync } from '../support/durability.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, connectWith, emitWithAck, type Peer, peer, until } from '../support/socket.ts';

let server: TestServer;
let lead: ApiClient;
let projectId: string;
let name: string;
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.url, 'lead@demo.jalon');
  const projects = (await lead.get('/api/projects')).body.projects as { id: string; title: string }[];
  // a project the partner observes, so that every role is present
  const partner = await signedIn(server.url, 'partner@demo.jalon');
  const observed = new Set(
    (await partner.get('/api/projects')).body.projects.map((p: { id: string }) => p.id),
  );
  projectId = projects.find((p) => observed.has(p.id))!.id;
  name = docName(projectId);
});
afterAll(async () => {
  for (const p of peers) p.close();
  await server?.close();
});

const join = async (email: string) => {
  const p = await peer(server.url, email, name);
  peers.push(p);
  return p;
};

/** A raw update made outside any writer: what a hostile or buggy client could send. */
function rawUpdate(edit: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('co-editing a project', () => {
  it('two members edit and converge; the author is acknowledged once the change is committed', async () => {
    const a = await join('lead@demo.jalon');
    const b = await join('researcher@demo.jalon');
    expect(a.provider.access).toBe('edit');
    const before = readProjectDoc(b.doc).milestones.length;
    const id = createMilestone(
      a.doc,
      { title: 'Lentiviral vector lot released', status: 'planned', stage: 3 },
      'lead',
    );
    await until(b.doc, () => readProjectDoc(b.doc).milestones.some((m) => m.id === id));
    await a.provider.whenSaved();
    const rows = await server.deps.db
      .select({ n: count() })
      .from(docUpdates)
      .where(eq(docUpdates.docName, name));
    expect(rows[0]!.n).toBeGreaterThan(0);

    updateMilestone(b.doc, id, { status: 'in_progress' }, 'researcher');
    updateMilestone(a.doc, id, { title: 'Lentiviral vector GMP lot released' }, 'lead');
    await until(
      a.doc,
      () => readProjectDoc(a.doc).milestones.find((m) => m.id === id)?.status === 'in_progress',
    );
    await until(
      b.doc,
      () =>
        readProjectDoc(b.doc)
          .milestones.find((m) => m.id === id)
          ?.title.includes('GMP') ?? false,
    );
    await Promise.all([a.provider.whenSaved(), b.provider.whenSaved()]);
    expect(readProjectDoc(a.doc)).toEqual(readProjectDoc(b.doc));
    expect(readProjectDoc(a.doc).milestones.length).toBe(before + 1);
  });

  it('a late joiner gets everything', async () => {
    const a = peers[0]!;
    const late = await join('mentor@demo.jalon');
    expect(late.provider.access).toBe('comment');
    expect(readProjectDoc(late.doc)).toEqual(readProjectDoc(a.doc));
  });

  it('projects milestones and readiness into rows, with audit events naming the author', async () => {
    const a = peers[0]!;
    const id = createMilestone(
      a.doc,
      { title: 'GLP toxicology report', status: 'planned', stage: 3 },
      'lead',
    );
    setReadinessLevel(a.doc, 'manufacturing', 5, 'lead');
    await a.provider.whenSaved();
    // Wait for the projection that carries this milestone (an earlier one may land first).
    const rowOf = async () =>
      (await server.deps.db.select().from(milestones).where(eq(milestones.id, id)))[0];
    await new Promise<void>((resolve) => {
      const check = async () => {
        if (!(await rowOf())) return;
        server.deps.events.off('project.changed', check);
        resolve();
      };
      server.deps.events.on('project.changed', check);
      void check();
    });
    const row = await rowOf();
    expect(row).toMatchObject({ projectId, title: 'GLP toxicology report', status: 'planned', stage: 3 });
    const [level] = await server.deps.db
      .select()
      .from(readiness)
      .where(and(eq(readiness.projectId, projectId), eq(readiness.dimension, 'manufacturing')));
    expect(level?.level).toBe(5);
    const events = await server.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    const me = (await lead.get('/api/me')).body.user.id;
    expect(events[0]).toMatchObject({ entity: 'milestone', action: 'create', actorId: me });
  });
  it('projects what a window touched, and every milestone once one is created or deleted', async () => {
    const a = peers[0]!;
    const rowOf = async (id: string) =>
      (await server.deps.db.select().from(milestones).where(eq(milestones.id, id)))[0];
    const first = createMilestone(a.doc, { title: 'Potency assay', status: 'planned', stage: 2 }, 'lead');
    const second = createMilestone(
      a.doc,
      { title: 'Release testing', status: 'planned', stage: 3, dependsOn: [first] },
      'lead',
    );
    await a.provider.whenSaved();
    await vi.waitFor(async () => expect((await rowOf(second))?.dependsOn).toEqual([first]), {
      timeout: 5000,
      interval: 50,
    });
    // A window that touches one milestone projects it.
    updateMilestone(a.doc, first, { title: 'Potency assay (validated)' }, 'lead');
    await a.provider.whenSaved();
    await vi.waitFor(async () => expect((await rowOf(first))?.title).toBe('Potency assay (validated)'), {
      timeout: 5000,
      interval: 50,
    });
    // A milestone deleted by a client that leaves the others' dependencies alone (a raw edit, or
    // a concurrent one): the other milestone, untouched, no longer reads as depending on it.
    a.doc.getMap('milestones').delete(first);
    await a.provider.whenSaved();
    await vi.waitFor(async () => expect(await rowOf(first)).toBeUndefined(), { timeout: 5000, interval: 50 });
    const stillListed = a.doc.getMap<Y.Map<unknown>>('milestones').get(second)!.get('dependsOn');
    expect((stillListed as Y.Array<string>).toArray()).toEqual([first]);
    expect((await rowOf(second))?.dependsOn).toEqual([]);
  });
});

describe('read-only means read-only', () => {
  for (const email of ['partner@demo.jalon', 'mentor@demo.jalon']) {
    it(`${email}'s updates are refused with forbidden and reach no one`, async () => {
      const socket = await connectAs(server.url, email);
      const doc = new Y.Doc();
      await joinAndSync(socket, doc, name);
      const watcher = peers[0]!;
      let leaked = false;
      const spy = () => {
        leaked = readProjectDoc(watcher.doc).milestones.some((m) => m.title === 'Injected');
      };
      watcher.doc.on('update', spy);
      const update = rawUpdate(
        (d) => createMilestone(d, { title: 'Injected', status: 'planned', stage: 0 }, 'x'),
        doc,
      );
      const ack = await emitWithAck(socket, DOC_EVENTS.msg, name, updateMessage(update));
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // the server still answers this socket, and a member's edit still flows
      const id = createMilestone(
        watcher.doc,
        { title: `after refusal from ${email}`, status: 'planned', stage: 0 },
        'lead',
      );
      await watcher.provider.whenSaved();
      watcher.doc.off('update', spy);
      expect(leaked).toBe(false);
      const fresh = await join('researcher@demo.jalon');
      expect(readProjectDoc(fresh.doc).milestones.some((m) => m.title === 'Injected')).toBe(false);
      expect(readProjectDoc(fresh.doc).milestones.some((m) => m.id === id)).toBe(true);
      socket.close();
    });
  }
});

describe('the handshake', () => {
  it('refuses a disallowed Origin and a missing cookie', async () => {
    const cookie = lead.cookie;
    await expect(connectWith(server.url, { cookie, origin: 'https://evil.example' })).rejects.toThrow();
    const noCookie = connectWith(server.url, { origin: server.url });
    await expect(noCookie).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });

  it('accepts an API token, and refuses an unknown one', async () => {
    const created = await lead.post('/api/me/tokens', { name: 'example client', scope: 'write' });
    expect(created.status).toBe(201);
    const socket = await connectWith(server.url, { token: created.body.token });
    expect((await emitWithAck(socket, DOC_EVENTS.join, name)).access).toBe('edit');
    socket.close();
    await expect(connectWith(server.url, { token: 'jalon_nope' })).rejects.toMatchObject({
      data: { code: 'unauthenticated' },
    });
  });

  it('answers not_found for an invisible or unknown project', async () => {
    const socket = await connectAs(server.url, 'partner@demo.jalon');
    const projects = (await lead.get('/api/projects')).body.projects as { id: string }[];
    const partner = await signedIn(server.url, 'partner@demo.jalon');
    const visible = new Set(
      (await partner.get('/api/projects')).body.projects.map((p: { id: string }) => p.id),
    );
    const hidden = projects.find((p) => !visible.has(p.id))!;
    for (const doc of [docName(hidden.id), docName(crypto.randomUUID()), 'project:../../etc', 'other:thing'])
      expect(await emitWithAck(socket, DOC_EVENTS.join, doc)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    socket.close();
  });
});
