import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, writeConnectionOf } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { auditEvents, frameworks, organisations, projects, user } from '../../server/db/schema/index.ts';
import { startTestServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the database', () => {
  it('migrates an empty file, then an already-migrated one, with WAL and synchronous=FULL', async () => {
    const url = `file:${join(dir, 'm.db')}`;
    const first = await openDatabase(url);
    await applyMigrations(first.db);
    await first.db
      .insert(frameworks)
      .values({ id: 'x', nameEn: 'X', nameFr: 'X', descriptionEn: '', descriptionFr: '' });
    first.close();
    const second = await openDatabase(url);
    await applyMigrations(second.db);
    expect((await second.db.select({ n: count() }).from(frameworks))[0]?.n).toBe(1);
    expect((await second.client.execute('PRAGMA journal_mode')).rows[0]?.[0]).toBe('wal');
    expect(Number((await second.client.execute('PRAGMA synchronous')).rows[0]?.[0])).toBe(2);
    second.close();
  });

  it('writes on a thread of its own; once that thread is gone, writes fail and the node says it is not ready', async () => {
    const server = await startTestServer();
    try {
      const ready = () => fetch(`${server.url}/api/ready`);
      expect((await ready()).status).toBe(200);
      const writes = writeConnectionOf(server.deps.db.$client);
      const [written] = await writes.batch([
        {
          sql: "INSERT INTO frameworks (id, name_en, name_fr, description_en, description_fr) VALUES ('t', 'T', 'T', '', '')",
          args: [],
        },
      ]);
      expect(written?.rowsAffected).toBe(1);
      // committed, and visible to the server's other connections at once
      expect(
        (await server.deps.db.$client.execute("SELECT id FROM frameworks WHERE id = 't'")).rows,
      ).toHaveLength(1);

      writes.close();
      await vi.waitFor(() => expect(writes.problem()).toMatch(/write thread stopped/), { timeout: 5000 });
      const after = await ready();
      expect(after.status).toBe(503);
      expect(await after.json()).toMatchObject({
        ready: false,
        checks: { writes: 'The database write thread stopped' },
      });
      await expect(writes.batch([{ sql: 'DELETE FROM frameworks', args: [] }])).rejects.toThrow(
        /write thread stopped/,
      );
    } finally {
      await server.close();
    }
  });

  it('refuses to change or delete audit entries', async () => {
    const server = await startTestServer();
    try {
      const { client } = await openDatabase(server.databaseUrl);
      await expect(client.execute("UPDATE audit_events SET reason = 'edited'")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.execute('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await expect(
        client.execute(
          "INSERT INTO audit_events (at, entity, entity_id, action, prev_hash, hash) VALUES (0, 'x', 'x', 'create', 'forged', 'h')",
        ),
      ).rejects.toThrow(/audit_chain_conflict/);
      client.close();
    } finally {
      await server.close();
    }
  });

  it('seeds the demo cluster once, and never with JALON_DEMO=0', async () => {
    const demo = await startTestServer();
    const counts = async () => ({
      orgs: (await demo.deps.db.select({ n: count() }).from(organisations))[0]?.n,
      projects: (await demo.deps.db.select({ n: count() }).from(projects))[0]?.n,
      users: (await demo.deps.db.select({ n: count() }).from(user))[0]?.n,
      audit: (await demo.deps.db.select({ n: count() }).from(auditEvents))[0]?.n,
    });
    const seeded = await counts();
    expect(seeded.projects).toBe(12);
    expect(seeded.orgs).toBeGreaterThanOrEqual(5 + 7 + 48 + 31);
    await demo.close();

    const production = await startTestServer({ demo: false });
    expect((await production.deps.db.select({ n: count() }).from(projects))[0]?.n).toBe(0);
    expect((await production.deps.db.select({ n: count() }).from(user))[0]?.n).toBe(0);
    expect((await production.deps.db.select({ n: count() }).from(frameworks))[0]?.n).toBe(3);
    await production.close();
  });
});
