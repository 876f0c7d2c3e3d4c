/**
 * The stand-alone verifier printed in docs/audit.md ("Verifying independently") run as an
 * auditor would: against dumps of a real server's two audit tables, untouched and tampered.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Client, createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../server/audit/signing-key.ts';
import { signedIn } from '../support/client.ts';
import {
  openDatabaseFile,
  startTestServer,
  TEST_AUDIT_SIGNING_KEY,
  type TestServer,
} from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'jalon-independent-'));
const script = join(dir, 'verify-audit.mjs');
const publicKey = loadSigningKey(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64')).publicKey.raw;
let server: TestServer;

beforeAll(async () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/audit.md'), 'utf8');
  const block = doc.match(/```js\n(\/\/ verify-audit\.mjs[\s\S]*?)```/)?.[1];
  if (!block) throw new Error('docs/audit.md has no verify-audit.mjs block');
  writeFileSync(script, block);
  server = await startTestServer();
  const lead = await signedIn(server.url, 'lead@demo.jalon');
  const project = (await lead.get('/api/projects')).body.projects[0];
  await lead.patch(`/api/projects/${project.id}`, { summary: 'Reviewed \ud800 by the board' });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What `sqlite3 -json` prints for the two documented queries. */
async function dump(client: Client, name: string) {
  const rows = async (sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }));
  const entries = join(dir, `${name}-entries.json`);
  const checkpoints = join(dir, `${name}-checkpoints.json`);
  writeFileSync(entries, JSON.stringify(await rows('SELECT * FROM audit_events ORDER BY seq')));
  writeFileSync(checkpoints, JSON.stringify(await rows('SELECT * FROM audit_checkpoints ORDER BY seq')));
  return promisify(execFile)(process.execPath, [script, entries, checkpoints, publicKey]).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  );
}

describe('the documented stand-alone verifier', () => {
  it('agrees with the server on a real chain, and names what was cut or edited', async () => {
    const live = await openDatabaseFile(server);
    const entries = Number((await live.execute('SELECT count(*) AS n FROM audit_events')).rows[0]?.n);
    expect(await dump(live, 'live')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(`ok: ${entries} entries`),
    });

    const copyPath = join(dir, 'copy.db');
    await live.execute({ sql: 'VACUUM INTO ?', args: [copyPath] });
    live.close();
    const copy = createClient({ url: `file:${copyPath}` });
    await copy.execute('DROP TRIGGER audit_events_no_update');
    await copy.execute('DROP TRIGGER audit_events_no_delete');
    await copy.execute("UPDATE audit_events SET reason = 'quietly changed' WHERE seq = 5");
    await copy.execute(`DELETE FROM audit_events WHERE seq > ${entries - 3}`);
    const found = await dump(copy, 'tampered');
    copy.close();
    expect(found.code).toBe(1);
    expect(found.stdout).toContain('entry 5 does not match its hash');
    expect(found.stdout).toContain(`entries ${entries - 2} to ${entries} are gone`);
  });
});
