import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher', 'partner'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
});
afterAll(() => server?.close());

describe('the audit trail', () => {
  it('verifies, and detects an entry changed directly in the database file', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects[0];
    await as.lead!.patch(`/api/projects/${project.id}`, { summary: 'Audited change' });
    const clean = await as.manager!.get('/api/audit/verify');
    expect(clean.body).toMatchObject({ ok: true, firstBrokenAt: null });
    expect(clean.body.entries).toBeGreaterThan(12);
    expect((await as.lead!.get('/api/audit/verify')).status).toBe(403);

    const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl, AUTH_SECRET: 'x'.repeat(32) },
    });
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, entries: clean.body.entries });

    // Someone with the file drops the guard and rewrites history.
    const file = createClient({ url: server.databaseUrl });
    const target = Number(
      (await file.execute("SELECT seq FROM audit_events WHERE field = 'summary' ORDER BY seq DESC LIMIT 1"))
        .rows[0]?.[0],
    );
    await file.execute('DROP TRIGGER audit_events_no_update');
    await file.execute({
      sql: 'UPDATE audit_events SET after = \'"Something else"\' WHERE seq = ?',
      args: [target],
    });
    file.close();
    const tampered = await as.manager!.get('/api/audit/verify');
    expect(tampered.body).toEqual({ ok: false, entries: target - 1, firstBrokenAt: target });
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
