/**
 * Whatever a user can type round-trips through the hash: an entry is stored exactly as it was
 * hashed, even where a text column would change it (a lone surrogate becomes U+FFFD, a NUL
 * cuts the driver's read), so the chain still verifies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAudited } from '../../server/audit/audited-commit.ts';
import { type AuditedDatabase, entry, openAuditedDatabase } from '../support/audit.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-hashed-form-'));
let database: AuditedDatabase;

beforeAll(async () => {
  database = await openAuditedDatabase(join(dir, 'chain.db'));
});
afterAll(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the hashed form of an audit entry', () => {
  it('an entry whose reason has a lone surrogate verifies, and is stored as hashed', async () => {
    await commitAudited(database.db, [], [entry(1, { reason: 'Reply \ud83d to the mentor' })]);
    expect(await database.verify()).toMatchObject({ ok: true, entries: 1, breaks: [] });
    const stored = await database.client.execute('SELECT reason FROM audit_events WHERE seq = 1');
    expect(stored.rows[0]?.reason).toBe('Reply \ufffd to the mentor');
  });

  it('odd Unicode in every string of an entry, keys of before/after included, verifies', async () => {
    const odd = ['\udc00', 'a\u0000b', '\u202eevil\u202c', '👩🏽‍🔬', 'e\u0301\u0327', '\ud800\ud800x'];
    await commitAudited(
      database.db,
      [],
      odd.map((s, i) =>
        entry(10 + i, {
          entityId: `m-${s}`,
          field: `f${s}`,
          reason: s,
          actorId: `u${s}`,
          before: { [s]: s, list: [s, { [`k${s}`]: s }] },
          after: s,
        }),
      ),
    );
    const report = await database.verify();
    expect(report).toMatchObject({ ok: true, entries: 1 + odd.length, breaks: [] });
    expect(report.checkpoints).toMatchObject({ total: 2, verified: 2 });
  });
});
