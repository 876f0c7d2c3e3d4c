/**
 * The document log's group commit (server/collab/libsql-doc-store.ts): an append after a quiet
 * spell is committed at once; appends that follow a commit closely wait for its window and
 * then share one commit; none resolves before its row is committed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibsqlDocStore } from '../../server/collab/libsql-doc-store.ts';
import { type Database, openDatabase, writeConnectionOf } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';

const name = 'project:commit-window';
const update = (n: number) => new Uint8Array([n, n, n]);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let dir: string;
let database: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-store-'));
  database = await openDatabase(`file:${join(dir, 'jalon.db')}`);
  await applyMigrations(database.db);
  await database.writable;
});
afterEach(() => {
  vi.restoreAllMocks();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the document log commit window', () => {
  it('commits an append after a quiet spell at once, however long the window', async () => {
    const store = new LibsqlDocStore(database.client, undefined, { commitWindowMs: 60_000 });
    const id = await store.append(name, update(1), 'u1');
    expect((await store.load(name)).updates.map((u) => u.id)).toEqual([id]);
  });

  it('holds appends that follow a commit within its window, then commits them together', async () => {
    const store = new LibsqlDocStore(database.client, undefined, { commitWindowMs: 60_000 });
    const batch = vi.spyOn(writeConnectionOf(database.client), 'batch');
    const first = await store.append(name, update(1), 'u1');
    expect(batch).toHaveBeenCalledTimes(1);

    const settled: number[] = [];
    const noted = (id: number) => {
      settled.push(id);
      return id;
    };
    const second = store.append(name, update(2), 'u2').then(noted);
    await nextTurn();
    const third = store.append(name, update(3), 'u3').then(noted);
    for (let i = 0; i < 3; i++) await nextTurn();
    // Within the window: nothing committed, nothing acknowledged.
    expect(batch).toHaveBeenCalledTimes(1);
    expect(settled).toEqual([]);
    expect((await store.load(name)).updates.map((u) => u.id)).toEqual([first]);

    // A flush (unloading, shutting down) does not wait for the window.
    await store.flush();
    const ids = await Promise.all([second, third]);
    expect(batch).toHaveBeenCalledTimes(2);
    expect(batch.mock.calls[1]![0]).toHaveLength(2);
    expect((await store.load(name)).updates.map((u) => u.id)).toEqual([first, ...ids]);
  });

  it('commits what waits once the window is over, without a flush', async () => {
    const windowMs = 40;
    const store = new LibsqlDocStore(database.client, undefined, { commitWindowMs: windowMs });
    const batch = vi.spyOn(writeConnectionOf(database.client), 'batch');
    const first = await store.append(name, update(1), 'u1');
    const committedAt = performance.now();
    const [second, third] = await Promise.all([
      store.append(name, update(2), 'u2'),
      store.append(name, update(3), 'u3'),
    ]);
    expect(performance.now() - committedAt).toBeGreaterThanOrEqual(windowMs * 0.9);
    expect(batch).toHaveBeenCalledTimes(2);
    expect((await store.load(name)).updates.map((u) => u.id)).toEqual([first, second, third]);
  });

  it('with a window of 0, commits every turn that appended', async () => {
    const store = new LibsqlDocStore(database.client, undefined, { commitWindowMs: 0 });
    const batch = vi.spyOn(writeConnectionOf(database.client), 'batch');
    await store.append(name, update(1), 'u1');
    await store.append(name, update(2), 'u2');
    expect(batch).toHaveBeenCalledTimes(2);
  });
});
