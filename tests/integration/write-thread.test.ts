/**
 * The write thread (server/db/write-connection.ts) runs the batches it is handed one at a time:
 * every batch sent must be run once, in the order sent, and answered with its own results,
 * however many are sent before the first answer, and one that fails must fail alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { BatchError, openWriteThread } from '../../server/db/write-connection.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-write-thread-'));
const path = join(dir, 't.db');
const INSERT = 'INSERT INTO doc_updates (doc_name, data, user_id, created_at) VALUES (?, ?, NULL, ?)';

beforeAll(async () => {
  const database = await openDatabase(`file:${path}`);
  await database.writable;
  await applyMigrations(database.db);
  database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the write thread', () => {
  it('runs batches sent all at once in the order sent, each answered with its own rows, a failing one alone refused', async () => {
    const writes = openWriteThread(path, 5000);
    try {
      const insert = (i: number) => ({ sql: INSERT, args: [`doc:${i}`, new Uint8Array([i % 256]), i] });
      // Sent before the thread has even opened its connection, none awaited.
      const sent = Array.from({ length: 300 }, (_, i) =>
        i === 150
          ? writes.batch([insert(i), { sql: 'INSERT INTO no_such_table VALUES (1)', args: [] }])
          : writes.batch([insert(i), insert(i)]),
      );
      const settled = await Promise.allSettled(sent);
      const failed = settled[150];
      expect(failed?.status).toBe('rejected');
      expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(BatchError);
      expect(((failed as PromiseRejectedResult).reason as BatchError).statementIndex).toBe(1);
      const ids = settled
        .filter((s, i) => i !== 150 && s.status === 'fulfilled')
        .flatMap((s) => (s as PromiseFulfilledResult<{ lastInsertRowid: number }[]>).value)
        .map((r) => r.lastInsertRowid);
      expect(ids).toHaveLength(598);
      // each batch's rows follow the previous batch's: run one at a time, in the order sent
      for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]!);

      const reader = await openDatabase(`file:${path}`);
      try {
        const rows = await reader.client.execute('SELECT doc_name FROM doc_updates ORDER BY id');
        const names = rows.rows.map((r) => String(r.doc_name));
        expect(names).toHaveLength(598);
        expect(names).not.toContain('doc:150');
        expect(names.slice(0, 4)).toEqual(['doc:0', 'doc:0', 'doc:1', 'doc:1']);
        expect(names.at(-1)).toBe('doc:299');
      } finally {
        reader.close();
      }
    } finally {
      writes.close();
    }
  });
});
