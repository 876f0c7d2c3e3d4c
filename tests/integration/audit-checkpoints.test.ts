/**
 * The checkpoints that anchor the audit chain: the signing key from the environment, gate
 * checkpoints exported beyond the database, periodic ones on a timer (to a webhook), a chain
 * without any adopted at start, and an exported file catching both tables cut back.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../server/change-set.ts';
import { loadConfig } from '../../server/config.ts';
import { DomainEvents } from '../../server/events.ts';
import { buildChain, entry, openAuditedDatabase, tamperableCopy } from '../support/audit.ts';
import { startTestServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exportedLines = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

describe('the audit signing key', () => {
  it('is required in production, with a message that says how to make one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })).toThrow(
      /AUDIT_SIGNING_KEY \(or AUDIT_SIGNING_KEY_FILE\) is required in production.*openssl rand -base64 32/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), AUDIT_SIGNING_KEY: 'c2hvcnQ=' }),
    ).toThrow(/AUDIT_SIGNING_KEY: must be the base64 of 32 random bytes/);
  });

  it('comes from a file, or outside production is made once beside the database', () => {
    const seed = randomBytes(32).toString('base64');
    writeFileSync(join(dir, 'key'), `${seed}\n`);
    const fromFile = loadConfig({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(32),
      AUDIT_SIGNING_KEY_FILE: join(dir, 'key'),
    });
    expect(fromFile.auditSigningKey.toString('base64')).toBe(seed);
    const local = { NODE_ENV: 'development', DATABASE_URL: `file:${join(dir, 'local', 'j.db')}` };
    const first = loadConfig(local).auditSigningKey;
    expect(readFileSync(join(dir, 'local', '.audit-signing-key'), 'utf8')).toBe(first.toString('base64'));
    expect(loadConfig(local).auditSigningKey).toEqual(first);
  });
});

describe('checkpoints', () => {
  it('a gate change set exports its checkpoint to the file; ordinary commits stay in the database', async () => {
    const exportFile = join(dir, 'gate-checkpoints.jsonl');
    const database = await openAuditedDatabase(join(dir, 'gate.db'), { exportFile });
    const deps = { db: database.db, events: new DomainEvents() };
    const context = { at: new Date(), actor: null, projectId: 'p1' };
    await new ChangeSet(deps, context).audit(entry(1)).commit();
    await new ChangeSet(deps, context).audit(entry(2)).audit(entry(3)).checkpoint('gate').commit();
    const stored = (await database.client.execute('SELECT seq, kind FROM audit_checkpoints ORDER BY id'))
      .rows;
    expect(stored.map((r) => [r.seq, r.kind])).toEqual([
      [1, 'commit'],
      [3, 'gate'],
    ]);
    const line = await until('the exported line', () => exportedLines(exportFile)[0]);
    expect(line).toMatchObject({ seq: 3, kind: 'gate', keyId: database.key.publicKey.keyId });
    expect(exportedLines(exportFile)).toHaveLength(1);
    expect((await database.verify()).ok).toBe(true);
    database.close();
  });

  it('an exported file catches the chain and its checkpoints both cut back to an earlier checkpoint', async () => {
    const seed = randomBytes(32);
    const exportFile = join(dir, 'cut-checkpoints.jsonl');
    const database = await openAuditedDatabase(join(dir, 'cut.db'), { seed, exportFile });
    await buildChain(database, 5, 2);
    const deps = { db: database.db, events: new DomainEvents() };
    await new ChangeSet(deps, { at: new Date(), actor: null, projectId: 'p1' })
      .audit(entry(11))
      .checkpoint('gate')
      .commit();
    await buildChain(database, 2, 2);
    await until('the exported gate checkpoint', () => exportedLines(exportFile)[0]);
    const copy = await tamperableCopy(database, 'cut-copy');
    await copy.sql.execute('DELETE FROM audit_events WHERE seq > 6');
    await copy.sql.execute('DELETE FROM audit_checkpoints WHERE seq > 6');
    copy.sql.close();
    database.close();
    const cli = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
        env: {
          ...process.env,
          DATABASE_URL: `file:${copy.path}`,
          AUDIT_SIGNING_KEY: seed.toString('base64'),
        },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (err: { code: number; stdout: string }) => err,
      );
    // The database alone looks whole: what it holds is consistent and signed up to its end.
    expect((await cli([])).code).toBe(0);
    const withExport = await cli(['--checkpoints', exportFile]);
    expect(withExport.code).toBe(1);
    expect(withExport.stdout).toMatch(/truncated\s+entries 7-11\s+entries 7 to 11 are gone/);
  });

  it('a chain with entries and no checkpoint is adopted at start; a periodic checkpoint goes to the webhook', async () => {
    const serverDir = mkdtempSync(join(dir, 'server-'));
    const old = await openAuditedDatabase(join(serverDir, 'jalon.db'));
    await buildChain(old, 3, 2);
    const copy = await tamperableCopy(old, 'without-checkpoints');
    await copy.sql.execute('DELETE FROM audit_checkpoints');
    copy.sql.close();
    old.close();
    rmSync(join(serverDir, 'jalon.db'));
    for (const suffix of ['-wal', '-shm']) rmSync(join(serverDir, `jalon.db${suffix}`), { force: true });
    writeFileSync(join(serverDir, 'jalon.db'), readFileSync(copy.path));

    const posted: unknown[] = [];
    const hook: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        posted.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const server = await startTestServer({
      dir: serverDir,
      demo: false,
      env: {
        AUDIT_CHECKPOINT_EVERY: '1s',
        AUDIT_CHECKPOINT_WEBHOOK: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/checkpoints`,
      },
    });
    try {
      const rows = (await server.deps.db.$client.execute('SELECT seq, kind FROM audit_checkpoints')).rows;
      expect(rows.map((r) => [r.seq, r.kind])).toEqual([[6, 'adopted']]);
      expect(await until('the adopted checkpoint posted', () => posted[0])).toMatchObject({
        seq: 6,
        kind: 'adopted',
      });
      // The chain moves on: the next tick signs and posts the new head.
      await new ChangeSet(server.deps, { at: new Date(), actor: null, projectId: null })
        .audit(entry(7))
        .commit();
      expect(
        await until('a periodic checkpoint', () =>
          posted.find((p) => (p as { kind: string }).kind === 'periodic'),
        ),
      ).toMatchObject({
        seq: 7,
      });
    } finally {
      await server.close();
      hook.close();
    }
  });
});
