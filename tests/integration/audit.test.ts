import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../support/client.ts';
import {
  openDatabaseFile,
  startTestServer,
  TEST_AUDIT_SIGNING_KEY,
  type TestServer,
} from '../support/server.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher', 'partner'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
});
afterAll(() => server?.close());

describe('the audit trail', () => {
  it('verifies, and reports an entry changed directly in the database file, without failing', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects[0];
    await as.lead!.patch(`/api/projects/${project.id}`, { summary: 'Audited change' });
    const clean = await as.manager!.get('/api/audit/verify');
    expect(clean.body).toMatchObject({ ok: true, breaks: [], firstBrokenAt: null });
    expect(clean.body.entries).toBeGreaterThan(12);
    expect(clean.body.checkpoints.lastGood.seq).toBe(clean.body.entries);
    expect((await as.lead!.get('/api/audit/verify')).status).toBe(403);

    const cli = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', '--json'],
      {
        env: {
          ...process.env,
          DATABASE_URL: server.databaseUrl,
          AUTH_SECRET: 'x'.repeat(32),
          AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
        },
      },
    );
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, entries: clean.body.entries });

    // Someone with the file drops the guard and rewrites history: one entry's content, and
    // another's JSON so that it no longer parses.
    const file = await openDatabaseFile(server);
    const target = Number(
      (await file.execute("SELECT seq FROM audit_events WHERE field = 'summary' ORDER BY seq DESC LIMIT 1"))
        .rows[0]?.[0],
    );
    await file.execute('DROP TRIGGER audit_events_no_update');
    await file.execute({
      sql: 'UPDATE audit_events SET after = \'"Something else"\' WHERE seq = ?',
      args: [target],
    });
    await file.execute("UPDATE audit_events SET before = '{not json' WHERE seq = 3");
    file.close();
    const tampered = await as.manager!.get('/api/audit/verify');
    expect(tampered.status).toBe(200);
    expect(tampered.body).toMatchObject({ ok: false, entries: clean.body.entries, firstBrokenAt: 3 });
    expect(tampered.body.breaks).toEqual([
      {
        seq: 3,
        kind: 'unparsable',
        detail: expect.stringMatching(/entry 3: its stored JSON does not parse/),
      },
      {
        seq: target,
        kind: 'edited',
        detail: `entry ${target} does not match its hash: its content was changed`,
      },
    ]);
    // and the server goes on serving
    expect((await as.lead!.get('/api/projects')).status).toBe(200);
  });

  it('shows a project’s activity to its team, newest first, but not to observers', async () => {
    const project = (await as.partner!.get('/api/projects')).body.projects[0];
    await as.lead!.patch(`/api/projects/${project.id}`, { title: `${project.title} (renamed)` });
    const feed = await as.researcher!.get(`/api/projects/${project.id}/activity`);
    expect(feed.status).toBe(200);
    expect(feed.body.events[0]).toMatchObject({
      actor: { name: 'Claire Dubois' },
      entity: 'project',
      field: 'title',
      before: project.title,
      after: `${project.title} (renamed)`,
    });
    expect((await as.partner!.get(`/api/projects/${project.id}/activity`)).status).toBe(403);
  });
});
