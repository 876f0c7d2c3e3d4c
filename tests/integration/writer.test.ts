/**
 * The writer compiles drizzle queries with their public `toSQL()`: these tests fail if drizzle
 * changes what it gives (the SQL, or the values as the columns map them: dates, booleans, JSON).
 * And a change set whose guarded write changes no row leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorAuditTrail } from '../../server/audit/checkpoints.ts';
import { loadSigningKey } from '../../server/audit/signing-key.ts';
import { ChangeSet } from '../../server/change-set.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { auditEvents, organisations } from '../../server/db/schema/index.ts';
import { BatchError } from '../../server/db/write-connection.ts';
import { commit, GUARD_FAILED, guardStatement, toSqlStatement } from '../../server/db/writer.ts';
import { AppError } from '../../server/errors.ts';
import { DomainEvents } from '../../server/events.ts';
import { createLogger } from '../../server/log.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-writer-'));
let database: Database;

beforeAll(async () => {
  database = await openDatabase(`file:${join(dir, 'w.db')}`);
  await database.writable;
  await applyMigrations(database.db);
  const log = createLogger('silent');
  anchorAuditTrail(database.db, loadSigningKey(randomBytes(32)), { file: null, webhook: null }, log);
});
afterAll(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const createdAt = new Date('2026-03-01T10:20:30.456Z');
const org = (id: string) => ({
  id,
  slug: `org-${id}`,
  name: `Org ${id}`,
  kind: 'startup',
  founder: true,
  parentId: null,
  descriptionEn: 'en',
  descriptionFr: 'fr',
  focusAreas: ['oncology', 'devices'],
  website: 'https://org.example',
  deactivatedAt: null,
  version: 1,
  createdAt,
});

describe('the writer', () => {
  it('compiles a drizzle insert to SQL and driver values as the columns map them', () => {
    const { sql, args } = toSqlStatement(database.db.insert(organisations).values(org('a')));
    expect(sql).toBe(
      'insert into "organisations" ("id", "slug", "name", "kind", "founder", "parent_id", "description_en", "description_fr", "focus_areas", "website", "deactivated_at", "version", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    expect(args).toEqual([
      'a',
      'org-a',
      'Org a',
      'startup',
      1,
      null,
      'en',
      'fr',
      '["oncology","devices"]',
      'https://org.example',
      null,
      1,
      createdAt.getTime(),
    ]);
    const update = toSqlStatement(
      database.db.update(organisations).set({ founder: false }).where(eq(organisations.id, 'a')),
    );
    expect(update).toEqual({
      sql: 'update "organisations" set "founder" = ? where "organisations"."id" = ?',
      args: [0, 'a'],
    });
  });

  it('writes rows that read back through drizzle exactly as they were given', async () => {
    await commit(database.db, [database.db.insert(organisations).values(org('b'))]);
    const [row] = await database.db.select().from(organisations).where(eq(organisations.id, 'b'));
    expect(row).toEqual(org('b'));
  });

  it('aborts the whole batch when a guarded write changes no row, naming the guard', async () => {
    const failed = await commit(database.db, [
      database.db.insert(organisations).values(org('c')),
      database.db.update(organisations).set({ name: 'x' }).where(eq(organisations.id, 'missing')),
      guardStatement,
    ]).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(BatchError);
    expect((failed as BatchError).message).toContain(GUARD_FAILED);
    expect((failed as BatchError).statementIndex).toBe(2);
    expect(await database.db.select().from(organisations).where(eq(organisations.id, 'c'))).toEqual([]);
  });
});

describe('a change set', () => {
  const auditCount = async () => (await database.db.select({ n: count() }).from(auditEvents))[0]!.n;

  it('commits rows and audit together, then emits its events', async () => {
    const events = new DomainEvents();
    const heard: string[] = [];
    events.on('project.changed', (e) => heard.push(e.projectId));
    const before = await auditCount();
    await new ChangeSet({ db: database.db, events }, { at: createdAt, actor: null, projectId: null })
      .guarded(
        database.db.update(organisations).set({ name: 'Renamed' }).where(eq(organisations.id, 'b')),
        'gone',
      )
      .audit({ entity: 'organisation', entityId: 'b', action: 'update', field: 'name', after: 'Renamed' })
      .emit('project.changed', { projectId: 'p' })
      .commit();
    expect(heard).toEqual(['p']);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses as a conflict, with nothing written, audited or emitted, when a guarded write changes no row', async () => {
    const events = new DomainEvents();
    const heard: string[] = [];
    events.on('project.changed', (e) => heard.push(e.projectId));
    const before = await auditCount();
    const refused = await new ChangeSet(
      { db: database.db, events },
      { at: createdAt, actor: null, projectId: null },
    )
      .write(database.db.insert(organisations).values(org('d')))
      .guarded(
        database.db.update(organisations).set({ name: 'x' }).where(eq(organisations.id, 'missing')),
        'That organisation was removed meanwhile',
      )
      .audit({ entity: 'organisation', entityId: 'd', action: 'create' })
      .emit('project.changed', { projectId: 'p' })
      .commit()
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'conflict', message: 'That organisation was removed meanwhile' });
    expect(heard).toEqual([]);
    expect(await auditCount()).toBe(before);
    expect(await database.db.select().from(organisations).where(eq(organisations.id, 'd'))).toEqual([]);
  });
});
