/**
 * Two nodes' rooms over one database file (server/collab/doc-room.ts, libsql-doc-store.ts): what
 * one node misses is read from the database, compactions by both, at any moment, never drop a
 * row, even when one node compacts with an older view than the other, and updates a node
 * published but died before committing are committed by the node that holds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '../../server/auth/actor.ts';
import {
  type Connection,
  DEFAULT_ROOM_OPTIONS,
  DocRoom,
  LibsqlDocStore,
  NO_LIMITS,
  NO_PEERS,
  type Projection,
  type RoomPeers,
  SYNC_REPLY_TTL_MS,
} from '../../server/collab/index.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/log.ts';
import { decodeMessage } from '../../server/realtime/protocol.ts';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';
import type { Ack } from '../../shared/protocol/index.ts';

const log = createLogger('silent');
const projection = (): Projection => ({
  start: async () => {},
  noteTransaction: () => {},
  follow: () => {},
  flush: async () => {},
  stop: () => {},
});
const name = docName('shared-project');

let dir: string;
const databases: Database[] = [];
const rooms: DocRoom[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-shared-'));
  const first = await openDatabase(`file:${join(dir, 'jalon.db')}`);
  await applyMigrations(first.db);
  databases.push(first);
});
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.close();
  for (const d of databases.splice(0)) d.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A node: its own connection to the file, its own store, its own copy of the document. */
async function node(
  peers: RoomPeers,
  compactRows = 1000,
  remoteCommitGraceMs = 60_000,
): Promise<{ room: DocRoom; store: LibsqlDocStore }> {
  const database = await openDatabase(`file:${join(dir, 'jalon.db')}`);
  databases.push(database);
  const store = new LibsqlDocStore(database.client);
  const room = new DocRoom(
    name,
    'shared-project',
    store,
    () => {},
    projection(),
    log,
    { ...DEFAULT_ROOM_OPTIONS, compactRows, compactBytes: 1 << 30, remoteCommitGraceMs },
    peers,
  );
  await room.load();
  rooms.push(room);
  return { room, store };
}

const titles = (doc: Y.Doc) =>
  readProjectDoc(doc)
    .milestones.map((m) => m.title)
    .sort();

async function storedTitles(): Promise<string[]> {
  const stored = await new LibsqlDocStore(databases[0]!.client).load(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.data);
  return titles(doc);
}

/** A client's connection to a room, editing as the lead. */
function connection(): Connection {
  const actor: Actor = {
    id: 'lead',
    name: 'Lead',
    email: 'lead@demo.jalon',
    clusterManager: false,
    organisationId: null,
  };
  return {
    id: 'conn-1',
    actor,
    access: 'edit',
    roles: ['lead'],
    awarenessClients: new Set(),
    limits: NO_LIMITS,
    send() {},
  };
}

/** What `room` sends a new client (an empty state vector): the whole document, as step 2. */
function replyToNewcomer(room: DocRoom): Uint8Array {
  const sent: Uint8Array[] = [];
  const conn = {
    ...connection(),
    send: (_event: string, _name: unknown, message: unknown) => void sent.push(message as Uint8Array),
  };
  const stepOne = Y.encodeStateVector(new Y.Doc());
  room.handle(conn, { kind: 'sync-step1', stateVector: stepOne }, stepOne);
  return sent[0]!;
}

/** A change made on a copy of `room`'s document, as another node would publish it. */
function changeElsewhere(room: DocRoom, title: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(doc);
  createMilestone(doc, { title, status: 'planned', stage: 0 }, 'lead');
  return Y.encodeStateAsUpdate(doc, before);
}

/**
 * The client's answer to the room's state vector after it rejoins: it holds nothing the room
 * lacks, so its step 2 is empty. Resolves with the ack, and with what the log held by then.
 */
function rejoin(room: DocRoom): Promise<{ ack: Ack; stored: string[] }> {
  const stepTwo = Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(room.doc));
  return new Promise((resolve) =>
    room.handle(
      connection(),
      { kind: 'sync-step2', update: stepTwo },
      stepTwo,
      (ack) => void storedTitles().then((stored) => resolve({ ack, stored })),
    ),
  );
}

async function storedRows(): Promise<number> {
  const rows = await databases[0]!.client.execute({
    sql: 'SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?',
    args: [name],
  });
  return Number(rows.rows[0]!.n);
}

describe('two nodes sharing one database', () => {
  it('updates whose node died before committing them are committed by the node that holds them', async () => {
    // B holds an update A published, then A dies: its rows never come.
    const b = (await node(NO_PEERS, 1000, 50)).room;
    b.applyRemote('dead-node:1', changeElsewhere(b, 'Published, never committed'));
    expect(titles(b.doc)).toContain('Published, never committed');
    expect(await storedTitles()).not.toContain('Published, never committed');
    // The author rejoins through B. Its step 2 is empty (B has the change), yet the ack that
    // tells it the change is saved waits until the change is in the log.
    const { ack, stored } = await rejoin(b);
    expect(ack).toEqual({ ok: true });
    expect(stored).toContain('Published, never committed');
  });

  it('a rejoining client is acknowledged once those updates are announced committed, with no second row', async () => {
    const b = (await node(NO_PEERS)).room;
    // A's rows announcement is held until the test lets it through.
    let announce: () => void = () => {};
    const announced = new Promise<void>((resolve) => {
      announce = resolve;
    });
    const a = await node({
      updates: (_doc, tag, update) => b.applyRemote(tag, update),
      committed: (_doc, rows) => void announced.then(() => b.noteRemoteRows(rows)),
      awareness() {},
    });
    await a.room.applyServerChange(
      (doc) => createMilestone(doc, { title: 'Committed by its node', status: 'planned', stage: 0 }, 'lead'),
      'lead',
    );
    const answered = rejoin(b);
    announce();
    // B's grace is a minute: the ack came from the announcement, not from B writing a copy.
    const { ack, stored } = await answered;
    expect(ack).toEqual({ ok: true });
    expect(stored).toContain('Committed by its node');
    expect(await storedRows()).toBe(1);
  });

  it('a document loaded with a long log is compacted at once, and the next load reads one snapshot', async () => {
    const store = new LibsqlDocStore(databases[0]!.client);
    const source = new Y.Doc();
    const written: string[] = [];
    source.on('update', (u: Uint8Array) => void store.append(name, u, 'lead'));
    for (let i = 0; i < 12; i++) {
      written.push(`Logged ${i}`);
      createMilestone(source, { title: `Logged ${i}`, status: 'planned', stage: 0 }, 'lead');
    }
    await store.flush();
    expect((await store.load(name)).updates).toHaveLength(12);
    // Compaction every 5 rows: loading 12 folds them, though nobody writes.
    const { room } = await node(NO_PEERS, 5);
    expect(titles(room.doc)).toEqual([...written].sort());
    await room.compacted();
    const after = await store.load(name);
    expect(after.snapshot).not.toBeNull();
    expect(after.updates).toHaveLength(0);
    expect(await storedTitles()).toEqual([...written].sort());
  });

  it('shares one sync reply among the joins of a storm, and lets it go once the storm is over', async () => {
    const { room } = await node(NO_PEERS);
    await room.applyServerChange(
      (doc) => createMilestone(doc, { title: 'Worth sending', status: 'planned', stage: 0 }, 'lead'),
      'lead',
    );
    const replyTo = () => replyToNewcomer(room);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = replyTo();
      expect(replyTo()).toBe(first);
      vi.advanceTimersByTime(SYNC_REPLY_TTL_MS - 1);
      expect(replyTo()).toBe(first);
      // Past its time the reply is dropped (a whole document held for nobody) and made again.
      vi.advanceTimersByTime(1);
      const again = replyTo();
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers newcomers at a dormant room with its stored state as kept, never a copy', async () => {
    // A document whose rows reflect its log (its mark): the room loads it dormant.
    const stored = new Y.Doc();
    createMilestone(stored, { title: 'Stored before the load', status: 'planned', stage: 0 }, 'lead');
    const id = await new LibsqlDocStore(databases[0]!.client).append(
      name,
      Y.encodeStateAsUpdate(stored),
      'lead',
    );
    await databases[0]!.client.execute({
      sql: 'INSERT INTO doc_projection_marks (doc_name, upto) VALUES (?, ?)',
      args: [name, id],
    });
    const { room } = await node(NO_PEERS);
    expect(room.isDormant).toBe(true);
    const replyTo = () => replyToNewcomer(room);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = replyTo();
      vi.advanceTimersByTime(SYNC_REPLY_TTL_MS * 10);
      // The same message however late: nothing is made (nor kept) for each newcomer.
      expect(replyTo()).toBe(first);
      expect(room.isDormant).toBe(true);
      const decoded = decodeMessage(first);
      expect(decoded.kind).toBe('sync-step2');
      const received = new Y.Doc();
      Y.applyUpdate(received, (decoded as { update: Uint8Array }).update);
      expect(titles(received)).toEqual(['Stored before the load']);
      // Awake, the room answers from its document.
      await room.applyServerChange(
        (doc) => createMilestone(doc, { title: 'Written once awake', status: 'planned', stage: 0 }, 'lead'),
        'lead',
      );
      const awake = decodeMessage(replyTo()) as { update: Uint8Array };
      const later = new Y.Doc();
      Y.applyUpdate(later, awake.update);
      expect(titles(later)).toEqual(['Stored before the load', 'Written once awake']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a node that lost messages from the other reads the rows from the database', async () => {
    // Node B hears only every third of A's changes (neither the update nor its rows).
    let sent = 0;
    const lost = new Set<string>();
    let b: DocRoom | null = null;
    const a = await node({
      updates: (_doc, tag, update) => {
        if (sent++ % 3 === 0) b?.applyRemote(tag, update);
        else lost.add(tag);
      },
      committed: (_doc, rows) => b?.noteRemoteRows(rows.filter(([tag]) => !lost.has(tag))),
      awareness() {},
    });
    b = (await node(NO_PEERS)).room;
    const written: string[] = [];
    for (let i = 0; i < 12; i++) {
      const title = `Written on A ${i}`;
      written.push(title);
      await a.room.applyServerChange(
        (doc) => createMilestone(doc, { title, status: 'planned', stage: 0 }, 'lead'),
        'lead',
      );
      // let each commit's publication go out on its own
      await new Promise((r) => setImmediate(r));
    }
    expect(titles(b.doc)).not.toEqual([...written].sort());
    // The nodes' periodic check finds the gap from one query over every open document...
    const { byDoc, through } = await a.store.idsSince(b.heldThrough);
    expect(b.holdsAll(byDoc.get(name) ?? [], through)).toBe(false);
    // ...and catching up closes it, after which the check passes and moves the mark on.
    await b.catchUp();
    expect(titles(b.doc)).toEqual([...written].sort());
    const again = await a.store.idsSince(b.heldThrough);
    expect(b.holdsAll(again.byDoc.get(name) ?? [], again.through)).toBe(true);
    expect(b.heldThrough).toBe(again.through);
  });

  it('a node that lost an update but hears its rows reads it from the database at once', async () => {
    let b: DocRoom | null = null;
    const a = await node({
      updates() {}, // every early message lost
      committed: (_doc, rows) => b?.noteRemoteRows(rows),
      awareness() {},
    });
    b = (await node(NO_PEERS)).room;
    const caughtUp = new Promise<void>((resolve) => b!.doc.on('update', () => resolve()));
    await a.room.applyServerChange(
      (doc) => createMilestone(doc, { title: 'Only in the database', status: 'planned', stage: 0 }, 'lead'),
      'lead',
    );
    await caughtUp;
    expect(titles(b.doc)).toContain('Only in the database');
  });

  it('compactions by both nodes, one with an older view, lose no row', async () => {
    const linked: DocRoom[] = [];
    // Every message is delivered, late: only when the test says so.
    const inbox: { to: number; deliver: (room: DocRoom) => void }[] = [];
    const peersOf = (me: number): RoomPeers => ({
      updates: (_doc, tag, update) => inbox.push({ to: 1 - me, deliver: (r) => r.applyRemote(tag, update) }),
      committed: (_doc, rows) => inbox.push({ to: 1 - me, deliver: (r) => r.noteRemoteRows(rows) }),
      awareness() {},
    });
    const a = await node(peersOf(0), 5);
    const b = await node(peersOf(1), 5);
    linked.push(a.room, b.room);
    const written: string[] = [];
    for (let round = 0; round < 6; round++) {
      for (const [k, n] of [a, b].entries()) {
        const title = `Round ${round} on ${k === 0 ? 'A' : 'B'}`;
        written.push(title);
        await n.room.applyServerChange(
          (doc) => createMilestone(doc, { title, status: 'planned', stage: 0 }, 'lead'),
          'lead',
        );
      }
      // Both compact now, each before hearing the other's latest.
      await Promise.all([a.room.compact(), b.room.compact()]);
      if (round % 2 === 1) for (const m of inbox.splice(0)) m.deliver(linked[m.to]!);
    }
    // A stale snapshot is refused: B's view before anything above is newer than what it covers.
    expect(await b.store.compact(name, new Uint8Array([0, 0]), 1)).toBe(false);
    expect(await storedTitles()).toEqual([...written].sort());
    for (const n of [a, b]) {
      await n.room.catchUp();
      expect(titles(n.room.doc)).toEqual([...written].sort());
    }
    const snapshots = await databases[0]!.client.execute({
      sql: 'SELECT count(*) AS n FROM doc_snapshots WHERE doc_name = ?',
      args: [name],
    });
    expect(Number(snapshots.rows[0]!.n)).toBeGreaterThan(0);
  });
});
