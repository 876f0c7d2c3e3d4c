import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisationMembers, organisations, projects } from '../../server/db/schema/index.ts';
import { docName, readProjectDoc } from '../../shared/doc/index.ts';
import { createAccount } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let allIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher', 'mentor', 'partner'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  allIds = (await server.deps.db.select({ id: projects.id }).from(projects)).map((p) => p.id);
});
afterAll(() => server?.close());

const titles = async (client: ApiClient, query = '') => {
  const reply = await client.get(`/api/projects${query}`);
  expect(reply.status).toBe(200);
  return (reply.body.projects as { title: string; myRole: string | null }[]).map((p) => p.title).sort();
};

describe('who sees which projects', () => {
  it('the cluster manager sees every project, as a manager and not as a member', async () => {
    const reply = await as.manager!.get('/api/projects');
    expect(reply.body.projects).toHaveLength(12);
    expect(reply.body.projects.every((p: { myRole: string | null }) => p.myRole === null)).toBe(true);
  });

  it('the lead, researcher and mentor see exactly the same five projects, each in their role', async () => {
    const lead = await titles(as.lead!);
    expect(lead).toHaveLength(5);
    expect(await titles(as.researcher!)).toEqual(lead);
    expect(await titles(as.mentor!)).toEqual(lead);
    const roles = (who: string) =>
      as[who]!.get('/api/projects').then(
        (r) => new Set(r.body.projects.map((p: { myRole: string }) => p.myRole)),
      );
    expect(await roles('lead')).toEqual(new Set(['lead']));
    expect(await roles('researcher')).toEqual(new Set(['contributor']));
    expect(await roles('mentor')).toEqual(new Set(['mentor']));
  });

  it('the pharma partner observes only the three projects Sanofi partners', async () => {
    const reply = await as.partner!.get('/api/projects');
    expect(reply.body.projects).toHaveLength(3);
    for (const p of reply.body.projects) {
      expect(p.myRole).toBe('observer');
      const detail = await as.partner!.get(`/api/projects/${p.id}`);
      expect(
        detail.body.partners.map((x: { organisation: { name: string } }) => x.organisation.name),
      ).toContain('Sanofi');
      expect(detail.body.permissions).not.toContain('doc.edit');
    }
  });

  it('filters by track, stage and organisation', async () => {
    const all = (await as.manager!.get('/api/projects')).body.projects as {
      track: string;
      stage: number;
      leadOrganisation: { id: string };
    }[];
    const diagnostics = (await as.manager!.get('/api/projects?track=diagnostics')).body.projects;
    expect(diagnostics.length).toBe(all.filter((p) => p.track === 'diagnostics').length);
    const stage3 = (await as.manager!.get('/api/projects?stage=3')).body.projects;
    expect(stage3.length).toBe(all.filter((p) => p.stage === 3).length);
    const org = all[0]!.leadOrganisation.id;
    const byOrg = (await as.manager!.get(`/api/projects?organisation=${org}`)).body.projects;
    expect(byOrg.length).toBeGreaterThanOrEqual(all.filter((p) => p.leadOrganisation.id === org).length);
    expect((await as.manager!.get('/api/projects?mine=true')).body.projects).toHaveLength(0);
    expect((await as.manager!.get('/api/projects?stage=12')).status).toBe(400);
  });
});

describe('what cannot be seen does not exist', () => {
  it('an observer asking for a project outside their three gets 404, the same as for a made-up id', async () => {
    const visible = new Set(
      (await as.partner!.get('/api/projects')).body.projects.map((p: { id: string }) => p.id),
    );
    const hidden = allIds.filter((id) => !visible.has(id));
    expect(hidden.length).toBe(9);
    for (const id of hidden) {
      for (const path of [`/api/projects/${id}`, `/api/projects/${id}/members`]) {
        const reply = await as.partner!.get(path);
        expect(reply.status, path).toBe(404);
        expect(reply.body).toEqual({ error: { code: 'not_found', message: 'Project not found' } });
      }
      const write = await as.partner!.patch(`/api/projects/${id}`, { title: 'Mine now' });
      expect(write.status).toBe(404);
    }
    const madeUp = await as.partner!.get(`/api/projects/${crypto.randomUUID()}`);
    expect(madeUp.body).toEqual({ error: { code: 'not_found', message: 'Project not found' } });
  });

  it('belonging to the lead organisation grants nothing on its projects', async () => {
    const lead = (await as.lead!.get('/api/projects')).body.projects[0];
    const colleague = new ApiClient(server.url);
    const colleagueId = await createAccount(server, {
      name: 'Nouvelle Collègue',
      email: 'colleague@veltricell.example',
      password: 'a-long-enough-password',
    });
    expect((await colleague.signIn('colleague@veltricell.example', 'a-long-enough-password')).status).toBe(
      200,
    );
    await server.deps.db
      .insert(organisationMembers)
      .values({ organisationId: lead.leadOrganisation.id, userId: colleagueId });
    const me = await colleague.get('/api/me');
    expect(me.body.organisations.map((o: { id: string }) => o.id)).toContain(lead.leadOrganisation.id);
    expect((await colleague.get('/api/projects')).body.projects).toEqual([]);
    expect((await colleague.get(`/api/projects/${lead.id}`)).status).toBe(404);
  });
});

describe("a project's milestones as projected", () => {
  it("are the document's milestones, in board order, to every member", async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects[0] as { id: string };
    const lead = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    try {
      const fromDoc = readProjectDoc(lead.doc).milestones;
      expect(fromDoc.length).toBeGreaterThan(2);
      const expected = fromDoc.map((m) => ({ ...m, createdBy: null, createdAt: null }));
      for (const who of ['lead', 'researcher', 'mentor']) {
        const reply = await as[who]!.get(`/api/projects/${project.id}/milestones`);
        expect(reply.status, who).toBe(200);
        expect(reply.body.milestones, who).toEqual(expected);
      }
    } finally {
      lead.close();
    }
  });

  it('are not found for anyone who may not see the project, nor without a session', async () => {
    const visible = new Set(
      (await as.partner!.get('/api/projects')).body.projects.map((p: { id: string }) => p.id),
    );
    const hidden = allIds.find((id) => !visible.has(id))!;
    const reply = await as.partner!.get(`/api/projects/${hidden}/milestones`);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ error: { code: 'not_found', message: 'Project not found' } });
    expect(JSON.stringify(reply.body)).not.toContain('milestones');
    const anonymous = await new ApiClient(server.url).get(`/api/projects/${hidden}/milestones`);
    expect(anonymous.status).toBe(401);
  });
});

describe('changing projects and members', () => {
  const auditCount = async () => (await server.deps.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;

  it('a contributor cannot change members; a mentor cannot edit the project', async () => {
    const project = (await as.researcher!.get('/api/projects')).body.projects[0];
    const before = await as.lead!.get(`/api/projects/${project.id}/members`);
    const add = await as.researcher!.post(`/api/projects/${project.id}/members`, {
      email: 'someone@example.org',
      role: 'contributor',
    });
    expect(add.status).toBe(403);
    expect(add.body.error.code).toBe('forbidden');
    const mentorId = before.body.members.find((m: { role: string }) => m.role === 'mentor').userId;
    expect(
      (await as.researcher!.patch(`/api/projects/${project.id}/members/${mentorId}`, { role: 'lead' }))
        .status,
    ).toBe(403);
    expect((await as.researcher!.delete(`/api/projects/${project.id}/members/${mentorId}`)).status).toBe(403);
    expect((await as.mentor!.patch(`/api/projects/${project.id}`, { title: 'Renamed' })).status).toBe(403);
    expect((await as.lead!.get(`/api/projects/${project.id}/members`)).body).toEqual(before.body);
  });

  it('refuses malformed bodies with 400 and the error shape, and writes nothing', async () => {
    const org = (await as.lead!.get('/api/me')).body.organisations[0].id;
    const [{ n: projectsBefore } = { n: 0 }] = await server.deps.db.select({ n: count() }).from(projects);
    const auditBefore = await auditCount();
    const bad: [unknown, string][] = [
      [{ title: '', track: 'therapeutics', leadOrganisationId: org }, 'title'],
      [{ title: 'X', track: 'therapeutics' }, 'leadOrganisationId'],
      [{ title: 'X', track: 'therapeutics', leadOrganisationId: org, surprise: true }, ''],
      [{ title: 'X', track: 'astrology', leadOrganisationId: org }, ''],
      ['{"title": "unterminated', ''],
      [[1, 2, 3], ''],
    ];
    for (const [body, field] of bad) {
      const reply = await as.lead!.post('/api/projects', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('invalid_input');
      expect(reply.body.error.message.length).toBeGreaterThan(5);
      if (field) expect(reply.body.error.message).toContain(field);
    }
    const [{ n: projectsAfter } = { n: 0 }] = await server.deps.db.select({ n: count() }).from(projects);
    expect(projectsAfter).toBe(projectsBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses a body over the size limit', async () => {
    const org = (await as.lead!.get('/api/me')).body.organisations[0].id;
    const reply = await as.lead!.post('/api/projects', {
      title: 'Big',
      track: 'therapeutics',
      leadOrganisationId: org,
      summary: 'x'.repeat(400_000),
    });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe('too_large');
  });

  it('refuses a cross-site write even with a valid session', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects[0];
    const reply = await as.lead!.request(
      'PATCH',
      `/api/projects/${project.id}`,
      { title: 'Hijacked' },
      { origin: 'https://evil.example' },
    );
    expect(reply.status).toBe(403);
    expect((await as.lead!.get(`/api/projects/${project.id}`)).body.title).toBe(project.title);
  });

  it('a lead starts a project, edits it, and every change is audited', async () => {
    const org = (await as.lead!.get('/api/me')).body.organisations[0].id;
    const sanofi = (
      await server.deps.db.select().from(organisations).where(eq(organisations.slug, 'sanofi'))
    )[0]!;
    const created = await as.lead!.post('/api/projects', {
      title: 'Mesothelin CAR-T',
      track: 'therapeutics',
      leadOrganisationId: org,
      partners: [{ organisationId: sanofi.id, role: 'industrial_partner' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Mesothelin CAR-T', stage: 0, myRole: 'lead' });
    const id = created.body.id;
    const patched = await as.lead!.patch(`/api/projects/${id}`, {
      summary: 'Solid tumours',
      listedInDirectory: true,
    });
    expect(patched.body).toMatchObject({ summary: 'Solid tumours', listedInDirectory: true });
    const events = await server.deps.db.select().from(auditEvents).where(eq(auditEvents.projectId, id));
    expect(events.map((e) => [e.action, e.field])).toEqual([
      ['create', null],
      ['create', 'role'],
      ['update', 'summary'],
      ['update', 'listedInDirectory'],
    ]);
    expect(events[2]).toMatchObject({ before: '', after: 'Solid tumours' });
    // the researcher is not a member of the new project: it does not exist for them
    expect((await as.researcher!.get(`/api/projects/${id}`)).status).toBe(404);
  });

  it('a lead cannot start a project for an organisation they do not belong to', async () => {
    const sanofi = (
      await server.deps.db.select().from(organisations).where(eq(organisations.slug, 'sanofi'))
    )[0]!;
    const reply = await as.lead!.post('/api/projects', {
      title: 'Not mine',
      track: 'device',
      leadOrganisationId: sanofi.id,
    });
    expect(reply.status).toBe(403);
  });

  it('a lead adds an existing user at once, invites a newcomer by link, and keeps a lead', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects[1];
    const added = await as.lead!.post(`/api/projects/${project.id}/members`, {
      email: 'manager@demo.jalon',
      role: 'mentor',
    });
    expect(added.status).toBe(201);
    expect(added.body.added).toMatchObject({ email: 'manager@demo.jalon', role: 'mentor' });
    const again = await as.lead!.post(`/api/projects/${project.id}/members`, {
      email: 'manager@demo.jalon',
      role: 'observer',
    });
    expect(again.status).toBe(409);

    const invited = await as.lead!.post(`/api/projects/${project.id}/members`, {
      email: 'Newcomer@Example.org',
      role: 'contributor',
    });
    expect(invited.status).toBe(201);
    const link: string = invited.body.invitation.link;
    expect(link).toMatch(new RegExp(`^${server.config.publicUrl}/invitations/`));
    const token = link.split('/').pop()!;
    const listed = await as.lead!.get(`/api/projects/${project.id}/members`);
    expect(listed.body.invitations.map((i: { email: string }) => i.email)).toEqual(['newcomer@example.org']);
    expect(listed.body.invitations[0].link).toBeUndefined();
    // the invitation is not visible to members who do not manage the team
    expect((await as.researcher!.get(`/api/projects/${project.id}/members`)).body.invitations).toEqual([]);

    const preview = await new ApiClient(server.url).get(`/api/invitations/${token}`);
    expect(preview.body).toMatchObject({
      project: { title: project.title },
      role: 'contributor',
      invitedBy: 'Claire Dubois',
    });
    // someone else cannot use the link
    expect((await as.partner!.post(`/api/invitations/${token}/accept`)).status).toBe(403);
    const newcomer = new ApiClient(server.url);
    await createAccount(server, {
      name: 'New Comer',
      email: 'newcomer@example.org',
      password: 'tulip-harbour-lantern',
    });
    await newcomer.signIn('newcomer@example.org', 'tulip-harbour-lantern');
    expect((await newcomer.get(`/api/projects/${project.id}`)).status).toBe(404);
    expect((await newcomer.post(`/api/invitations/${token}/accept`)).body).toEqual({ projectId: project.id });
    expect((await newcomer.get(`/api/projects/${project.id}`)).body.myRole).toBe('contributor');
    expect((await newcomer.post(`/api/invitations/${token}/accept`)).status).toBe(404);

    const members = (await as.lead!.get(`/api/projects/${project.id}/members`)).body.members as {
      userId: string;
      role: string;
      email: string;
    }[];
    const lead = members.find((m) => m.email === 'lead@demo.jalon')!;
    const demote = await as.lead!.patch(`/api/projects/${project.id}/members/${lead.userId}`, {
      role: 'contributor',
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('conflict');
    const manager = members.find((m) => m.email === 'manager@demo.jalon')!;
    expect(
      (await as.lead!.patch(`/api/projects/${project.id}/members/${manager.userId}`, { role: 'observer' }))
        .body.role,
    ).toBe('observer');
    expect((await as.lead!.delete(`/api/projects/${project.id}/members/${manager.userId}`)).status).toBe(204);
  });
});

describe('the API describes itself', () => {
  it('serves an OpenAPI document generated from the routes', async () => {
    const reply = await new ApiClient(server.url).get('/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining([
        '/projects',
        '/projects/{id}',
        '/projects/{id}/members',
        '/me',
        '/organisations',
        '/frameworks',
      ]),
    );
  });

  it('sends security headers with a content security policy', async () => {
    const reply = await new ApiClient(server.url).get('/api/health');
    expect(reply.body).toEqual({ ok: true, demo: true, signup: 'invite', mail: false });
    expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lists organisations and the frameworks catalogue to signed-in users', async () => {
    const orgs = (await as.partner!.get('/api/organisations')).body.organisations as {
      kind: string;
      founder: boolean;
    }[];
    expect(orgs.filter((o) => o.founder)).toHaveLength(5);
    expect(orgs.filter((o) => o.kind === 'startup')).toHaveLength(31);
    expect(orgs.filter((o) => o.kind === 'research_team')).toHaveLength(48);
    const fw = (await as.partner!.get('/api/frameworks')).body;
    expect(fw.frameworks.map((f: { id: string }) => f.id)).toEqual(['therapeutics', 'diagnostics', 'device']);
    expect(fw.frameworks[0].stages).toHaveLength(6);
    expect(fw.dimensions).toHaveLength(9);
  });
});
