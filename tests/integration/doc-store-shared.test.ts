/**
 * Two nodes' rooms over one database file (server/realtime/doc-room.ts, doc-store.ts): what
 * one node misses is read from the database, and compactions by both, at any moment, never
 * drop a row, even when one node compacts with an older view than the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/log.ts';
import { DocRoom, NO_PEERS, type RoomPeers } from '../../server/realtime/doc-room.ts';
import { LibsqlDocStore } from '../../server/realtime/doc-store.ts';
import type { Projection } from '../../server/realtime/projection.ts';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';

const log = createLogger('silent');
const projection = (): Projection => ({
  start: async () => {},
  noteTransaction: () => {},
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
async function node(peers: RoomPeers, compactRows = 1000): Promise<{ room: DocRoom; store: LibsqlDocStore }> {
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
    {
      compactRows,
      compactBytes: 1 << 30,
    },
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

describe('two nodes sharing one database', () => {
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
