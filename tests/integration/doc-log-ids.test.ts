/**
 * The document log's row ids are never reused (libsql-doc-store.ts): a row's id is its place in
 * history (doc_history keeps it), what other nodes and the projection's mark count up to, and a
 * snapshot's `upto`. A compaction that moves the newest rows out of the log must not let the
 * next append take one of their ids again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LibsqlDocStore } from '../../server/collab/index.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';

let dir: string;
let database: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-log-ids-'));
  database = await openDatabase(`file:${join(dir, 'jalon.db')}`);
  await database.writable;
  await applyMigrations(database.db);
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An update setting `key` in a document of its own. */
function update(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, 1);
  return Y.encodeStateAsUpdate(doc);
}

it('gives a row appended after a compaction an id above every row the compaction moved', async () => {
  const store = new LibsqlDocStore(database.client);
  const ids: number[] = [];
  for (const key of ['a', 'b', 'c']) ids.push(await store.append('doc:one', update(key), 'u1'));
  // The compaction folds every row, the newest included, into a snapshot and moves them to history.
  const doc = new Y.Doc();
  for (const key of ['a', 'b', 'c']) Y.applyUpdate(doc, update(key));
  expect(await store.compact('doc:one', Y.encodeStateAsUpdate(doc), Math.max(...ids))).toBe(true);
  const after = await store.load('doc:one');
  expect(after.updates).toEqual([]);

  const next = await store.append('doc:one', update('d'), 'u1');
  expect(next).toBeGreaterThan(Math.max(...ids));
  // Read again, the document holds the snapshot and the new row, and knows every id given.
  const loaded = await store.load('doc:one');
  expect(loaded.updates.map((u) => u.id)).toEqual([next]);
  expect(loaded.through).toBe(next);
  await store.flush();
});
