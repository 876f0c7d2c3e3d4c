/**
 * The in-memory document store the engine's unit tests run on keeps the libSQL store's
 * semantics (server/collab/doc-store.ts): the same calls, on either, give the same answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DocStore, LibsqlDocStore, type LongLogs, MemoryDocStore } from '../../server/collab/index.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';

const update = (n: number) => new Uint8Array([n, n, n]);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function libsqlStore(): Promise<DocStore & LongLogs> {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-contract-'));
  const database: Database = await openDatabase(`file:${join(dir, 'jalon.db')}`);
  await applyMigrations(database.db);
  await database.writable;
  cleanups.push(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return new LibsqlDocStore(database.client);
}

/** What a store answers to one sequence of calls, ids made relative to the first. */
async function story(store: DocStore & LongLogs) {
  const a = 'project:a';
  const b = 'project:b';
  const first = await store.append(a, update(1), 'u1');
  const rel = (id: number) => id - first + 1;
  const rows = (list: { id: number; data: Uint8Array }[]) => list.map((r) => [rel(r.id), [...r.data]]);
  await store.append(b, update(2), null);
  await store.append(a, update(3), 'u1');
  await store.append(a, update(4), 'u2');
  const loaded = await store.load(a);
  const since = await store.since(a, first, new Set([first + 2]));
  const longByRows = await store.longLogs(3, 1 << 20);
  const longByBytes = await store.longLogs(100, 3);
  const compacted = await store.compact(a, update(9), first + 2);
  const stale = await store.compact(a, update(8), first + 1);
  const afterCompaction = await store.load(a);
  const all = await store.since(a, 0, new Set());
  const longAfterCompaction = await store.longLogs(2, 1 << 20);
  const ids = await store.idsSince(first);
  await store.flush();
  return {
    loaded: { ...loaded, updates: rows(loaded.updates), through: rel(loaded.through) },
    since: { rows: rows(since.rows), through: rel(since.through) },
    longByRows,
    longByBytes,
    longAfterCompaction,
    compacted,
    stale,
    afterCompaction: {
      snapshot: [...(afterCompaction.snapshot ?? [])],
      snapshotUpto: rel(afterCompaction.snapshotUpto ?? 0),
      updates: rows(afterCompaction.updates),
    },
    all: rows(all.rows),
    // (in no particular order)
    ids: {
      byDoc: [...ids.byDoc].sort().map(([doc, list]) => [doc, list.map(rel).sort((x, y) => x - y)]),
      through: rel(ids.through),
    },
  };
}

describe('the in-memory document store', () => {
  it('answers as the libSQL store does', async () => {
    const expected = await story(await libsqlStore());
    expect(await story(new MemoryDocStore())).toEqual(expected);
    expect(expected).toMatchObject({
      loaded: {
        snapshot: null,
        updates: [
          [1, [1, 1, 1]],
          [3, [3, 3, 3]],
          [4, [4, 4, 4]],
        ],
        through: 4,
      },
      since: { rows: [[4, [4, 4, 4]]], through: 4 },
      compacted: true,
      stale: false,
      longByRows: ['project:a'],
      longByBytes: ['project:a', 'project:b'],
      longAfterCompaction: [],
      afterCompaction: { snapshot: [9, 9, 9], snapshotUpto: 3, updates: [[4, [4, 4, 4]]] },
      all: [
        [1, [1, 1, 1]],
        [3, [3, 3, 3]],
        [4, [4, 4, 4]],
      ],
      ids: {
        byDoc: [
          ['project:a', [3, 4]],
          ['project:b', [2]],
        ],
        through: 4,
      },
    });
  });
});
