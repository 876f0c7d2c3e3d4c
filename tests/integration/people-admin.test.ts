/**
 * The programme office's people administration: listing and searching people, one person's
 * memberships, granting and withdrawing cluster-manager rights (audited, the last manager kept,
 * open sockets told at once), and where each person's work is for their home page. Who must not
 * do these things is tested as carefully as who must.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../server/db/schema/index.ts';
import { docName } from '../../shared/doc/index.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher', 'partner', 'mentor', 'platform']) {
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
    ids[who] = (await as[who]!.get('/api/me')).body.user.id;
  }
});
afterAll(() => server?.close());

const rightsOf = (who: string, clusterManager: boolean, by = 'manager') =>
  as[by]!.request('PUT', `/api/people/${ids[who]}/cluster-manager`, { clusterManager });

describe('listing people', () => {
  it('a manager finds a person by name without accents, by address and by organisation', async () => {
    const byName = await as.manager!.get('/api/people?q=helene%20marchand');
    expect(byName.status).toBe(200);
    expect(byName.body.people.map((p: { email: string }) => p.email)).toEqual(['manager@demo.jalon']);
    expect(byName.body.people[0]).toMatchObject({ name: 'Hélène Marchand', clusterManager: true });
    const byOrg = await as.manager!.get('/api/people?q=veltricell');
    expect(byOrg.body.people.map((p: { email: string }) => p.email)).toEqual(
      expect.arrayContaining(['lead@demo.jalon', 'researcher@demo.jalon']),
    );
    const byAddress = await as.manager!.get('/api/people?q=platform@demo');
    expect(byAddress.body.people).toHaveLength(1);
  });

  it('pages through everyone, bounded', async () => {
    const first = await as.manager!.get('/api/people?limit=5');
    expect(first.body.people).toHaveLength(5);
    expect(first.body.total).toBeGreaterThan(10);
    const second = await as.manager!.get('/api/people?limit=5&offset=5');
    expect(second.body.people[0].id).not.toBe(first.body.people[0].id);
    expect((await as.manager!.get('/api/people?limit=1000')).status).toBe(400);
  });

  it('shows a person with their projects and roles', async () => {
    const lead = await as.manager!.get(`/api/people/${ids.lead}`);
    expect(lead.status).toBe(200);
    expect(lead.body.memberships.some((m: { role: string }) => m.role === 'lead')).toBe(true);
    expect(lead.body.organisations[0].name).toBeTruthy();
  });

  it('a lead or a researcher may not list people, nor see one', async () => {
    for (const who of ['lead', 'researcher']) {
      expect((await as[who]!.get('/api/people')).status).toBe(403);
      expect((await as[who]!.get(`/api/people/${ids.manager}`)).status).toBe(403);
    }
    expect((await new ApiClient(server.url).get('/api/people')).status).toBe(401);
  });
});

describe('cluster-manager rights', () => {
  it('a lead or a researcher may not grant them, not even to themselves', async () => {
    expect((await rightsOf('lead', true, 'lead')).status).toBe(403);
    expect((await rightsOf('researcher', true, 'researcher')).status).toBe(403);
    expect((await as.manager!.get(`/api/people/${ids.lead}`)).body.clusterManager).toBe(false);
  });

  it('the last manager cannot withdraw their own', async () => {
    const refused = await rightsOf('manager', false);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/last cluster manager/i);
    expect((await as.manager!.get('/api/me')).body.clusterManager).toBe(true);
  });

  it('a grant takes effect at once and is audited; a withdrawal cuts the open document off', async () => {
    const granted = await rightsOf('partner', true);
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect((await as.partner!.get('/api/me')).body.clusterManager).toBe(true);
    expect((await as.partner!.get('/api/people')).status).toBe(200);

    // as a manager, the partner opens a project they are no member of
    const projects = (await as.manager!.get('/api/projects')).body.projects as { id: string }[];
    const own = new Set(
      ((await as.partner!.get('/api/projects?mine=true')).body.projects as { id: string }[]).map((p) => p.id),
    );
    const elsewhere = projects.find((p) => !own.has(p.id))!;
    const open = await peer(server.url, 'partner@demo.jalon', docName(elsewhere.id));
    expect(open.provider.access).not.toBeNull();
    const cutOff = new Promise<number>((resolve) => {
      open.provider.on('access', (access) => access === null && resolve(Date.now()));
    });

    const at = Date.now();
    expect((await rightsOf('partner', false)).status).toBe(200);
    expect((await cutOff) - at).toBeLessThan(1000);
    expect((await as.partner!.get('/api/people')).status).toBe(403);
    open.close();

    const entries = await server.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entity, 'user'),
          eq(auditEvents.entityId, ids.partner!),
          eq(auditEvents.field, 'cluster_manager'),
        ),
      );
    expect(entries.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [ids.manager, false, true],
      [ids.manager, true, false],
    ]);
  });

  it('a manager withdraws their own rights when another manager stays', async () => {
    expect((await rightsOf('mentor', true)).status).toBe(200);
    expect((await rightsOf('mentor', false, 'mentor')).status).toBe(200);
    expect((await as.mentor!.get('/api/me')).body.clusterManager).toBe(false);
  });

  it('rights go to active accounts only', async () => {
    expect((await as.manager!.post(`/api/people/${ids.researcher}/deactivate`)).status).toBe(200);
    expect((await rightsOf('researcher', true)).status).toBe(409);
    expect((await as.manager!.post(`/api/people/${ids.researcher}/reactivate`)).status).toBe(200);
  });
});

describe('where each person works', () => {
  it('tells the home page of a service handler, a lead and a manager', async () => {
    const platform = (await as.platform!.get('/api/me/work')).body;
    expect(platform).toMatchObject({ projects: 0, handlesServices: true, clusterManager: false });
    expect((await as.lead!.get('/api/me/work')).body.projects).toBeGreaterThan(0);
    expect((await as.manager!.get('/api/me/work')).body.clusterManager).toBe(true);
    const mentor = await signedIn(server.url, 'lena.hoffmann@demo.jalon');
    expect((await mentor.get('/api/me/work')).body).toMatchObject({
      projects: 0,
      handlesServices: false,
      mentor: true,
    });
  });
});
