/**
 * Tampering with a copy of an audited database, as someone holding the file could (triggers
 * dropped, raw SQL): verification names each kind of break and the entries concerned, and
 * nothing else. The chain: 30 audited commits of 2 entries, so a signed checkpoint at every
 * even entry, 2 to 60.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Client, createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, chainHash } from '../../server/audit/audit-chain.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { type AuditedDatabase, buildChain, openAuditedDatabase, tamperableCopy } from '../support/audit.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-tamper-'));
const seed = randomBytes(32);
let original: AuditedDatabase;

beforeAll(async () => {
  original = await openAuditedDatabase(join(dir, 'original.db'), { seed });
  await buildChain(original, 30, 2);
});
afterAll(() => {
  original?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tampered(name: string, change: (sql: Client) => Promise<unknown>) {
  const copy = await tamperableCopy(original, name);
  await change(copy.sql);
  copy.sql.close();
  const client = createClient({ url: `file:${copy.path}` });
  try {
    return { path: copy.path, report: await verifyAuditChain(client, { keys: [original.key.publicKey] }) };
  } finally {
    client.close();
  }
}

const kinds = (report: { breaks: { kind: string; seq: number; through?: number }[] }) =>
  report.breaks.map(({ kind, seq, through }) =>
    through === undefined ? { kind, seq } : { kind, seq, through },
  );

/** Entries from `from` on, each hash recomputed from the stored content: a re-chaining. */
async function rechainFrom(sql: Client, from: number) {
  const rows = (
    await sql.execute({ sql: 'SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq', args: [from] })
  ).rows;
  let prev = String(
    (await sql.execute({ sql: 'SELECT hash FROM audit_events WHERE seq = ?', args: [from - 1] })).rows[0]
      ?.hash,
  );
  for (const r of rows) {
    const hash = chainHash(prev, storedAsEntry(r));
    await sql.execute({
      sql: 'UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?',
      args: [prev, hash, Number(r.seq)],
    });
    prev = hash;
  }
}

function storedAsEntry(r: Record<string, unknown>): AuditEntry {
  const json = (v: unknown) => (v === null ? null : JSON.parse(String(v)));
  const text = (v: unknown) => (v === null ? null : String(v));
  return {
    at: new Date(Number(r.at)),
    actorId: text(r.actor_id),
    actorOrganisationId: text(r.actor_organisation_id),
    projectId: text(r.project_id),
    entity: String(r.entity),
    entityId: String(r.entity_id),
    action: String(r.action),
    field: text(r.field),
    before: json(r.before),
    after: json(r.after),
    reason: text(r.reason),
  };
}

describe('verifying a tampered copy of the audit trail', () => {
  it('the untouched chain verifies, every checkpoint with it', async () => {
    const report = await original.verify();
    expect(report).toMatchObject({ ok: true, entries: 60, breaks: [], firstBrokenAt: null });
    expect(report.checkpoints).toMatchObject({ total: 30, verified: 30, lastGood: { seq: 60 } });
  });

  it('an edited row: that entry, edited', async () => {
    const { report } = await tampered('edit', (sql) =>
      sql.execute("UPDATE audit_events SET reason = 'nothing happened' WHERE seq = 17"),
    );
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual([{ kind: 'edited', seq: 17 }]);
    expect(report.firstBrokenAt).toBe(17);
  });

  it('an edit with the following hashes recomputed: rechained, within the batch between two checkpoints', async () => {
    const { report } = await tampered('rechain', async (sql) => {
      await sql.execute('UPDATE audit_events SET after = \'{"title":"Forged"}\' WHERE seq = 17');
      await rechainFrom(sql, 17);
    });
    expect(kinds(report)).toEqual([{ kind: 'rechained', seq: 17, through: 18 }]);
    expect(report.breaks[0]?.detail).toMatch(/entries 17 to 18/);
    expect(report.checkpoints).toMatchObject({ verified: 8, lastGood: { seq: 16 } });
  });

  it('a row deleted from the middle: missing, naming it', async () => {
    const { report } = await tampered('delete-middle', (sql) =>
      sql.execute('DELETE FROM audit_events WHERE seq = 30'),
    );
    expect(kinds(report)).toEqual([{ kind: 'missing', seq: 30 }]);
    expect(report.entries).toBe(59);
  });

  it('the last 10 rows deleted: truncated, naming the range a checkpoint vouches for', async () => {
    const { report } = await tampered('delete-tail', (sql) =>
      sql.execute('DELETE FROM audit_events WHERE seq > 50'),
    );
    expect(kinds(report)).toEqual([{ kind: 'truncated', seq: 51, through: 60 }]);
    expect(report.breaks[0]?.detail).toMatch(/entries 51 to 60 are gone/);
  });

  it('a forged entry appended with a correct hash: unanchored', async () => {
    const { report } = await tampered('append', async (sql) => {
      const head = (await sql.execute('SELECT hash FROM audit_events WHERE seq = 60')).rows[0]?.hash;
      const forged: AuditEntry = {
        at: new Date(Date.UTC(2026, 0, 2)),
        actorId: 'user-1',
        actorOrganisationId: 'org-1',
        projectId: 'project-1',
        entity: 'gate_decision',
        entityId: 'decision-x',
        action: 'create',
        field: null,
        before: null,
        after: { outcome: 'go' },
        reason: 'backdated',
      };
      await sql.execute({
        sql: `INSERT INTO audit_events (seq, at, actor_id, actor_organisation_id, project_id, entity, entity_id, action, field, before, after, reason, prev_hash, hash)
          VALUES (61, ?, 'user-1', 'org-1', 'project-1', 'gate_decision', 'decision-x', 'create', NULL, NULL, '{"outcome":"go"}', 'backdated', ?, ?)`,
        args: [forged.at.getTime(), String(head), chainHash(String(head), forged)],
      });
    });
    expect(kinds(report)).toEqual([{ kind: 'unanchored', seq: 61 }]);
    expect(report.entries).toBe(61);
  });

  it('a row whose JSON no longer parses: unparsable, and the walk goes on to the next break', async () => {
    const { report } = await tampered('corrupt-json', async (sql) => {
      await sql.execute('UPDATE audit_events SET before = \'{"title": \' WHERE seq = 12');
      await sql.execute("UPDATE audit_events SET reason = 'later edit' WHERE seq = 40");
    });
    expect(kinds(report)).toEqual([
      { kind: 'unparsable', seq: 12 },
      { kind: 'edited', seq: 40 },
    ]);
  });

  it('two rows swapped: unlinked where the order breaks', async () => {
    const { report } = await tampered('reorder', async (sql) => {
      await sql.execute('UPDATE audit_events SET seq = -1 WHERE seq = 21');
      await sql.execute('UPDATE audit_events SET seq = 21 WHERE seq = 20');
      await sql.execute('UPDATE audit_events SET seq = 20 WHERE seq = -1');
    });
    expect(report.ok).toBe(false);
    expect(report.firstBrokenAt).toBeGreaterThanOrEqual(19);
    expect(kinds(report)).toEqual(
      expect.arrayContaining([
        { kind: 'unlinked', seq: 20 },
        { kind: 'unlinked', seq: 21 },
      ]),
    );
    expect(report.breaks.every((b) => b.seq >= 19 && b.seq <= 22)).toBe(true);
  });

  it('a checkpoint with a bad signature, or another key: reported, and not counted as verified', async () => {
    const { report } = await tampered('bad-signature', async (sql) => {
      const hash = (await sql.execute('SELECT hash FROM audit_events WHERE seq = 9')).rows[0]?.hash;
      await sql.execute({
        sql: "INSERT INTO audit_checkpoints (seq, hash, at, kind, key_id, signature) VALUES (9, ?, 0, 'gate', ?, ?)",
        args: [String(hash), original.key.publicKey.keyId, randomBytes(64).toString('base64')],
      });
      await sql.execute({
        sql: "INSERT INTO audit_checkpoints (seq, hash, at, kind, key_id, signature) VALUES (11, 'x', 0, 'gate', 'ffffffffffffffff', 'AA==')",
        args: [],
      });
    });
    expect(kinds(report)).toEqual([
      { kind: 'bad_signature', seq: 9 },
      { kind: 'unknown_key', seq: 11 },
    ]);
    expect(report.checkpoints).toMatchObject({ total: 32, verified: 30 });
  });

  it('npm run audit:verify prints a summary naming the break and exits 1', async () => {
    const { path } = await tampered('cli', (sql) => sql.execute('DELETE FROM audit_events WHERE seq > 50'));
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: `file:${path}`, AUDIT_SIGNING_KEY: seed.toString('base64') },
    });
    const failed = await run.then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/Audit trail: 50 entries/);
    expect(failed?.stdout).toMatch(/BROKEN: 1 break, the first at entry 51/);
    expect(failed?.stdout).toMatch(/truncated\s+entries 51-60/);
  });
});
