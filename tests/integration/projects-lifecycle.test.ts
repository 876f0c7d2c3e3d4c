/**
 * A project's life on screen, through the API: who may start one (the cluster's setting), what a
 * new one takes (its starting stage, partners, first members), and archiving: read-only for
 * everyone, out of the default portfolio, still found by search, restored by a manager only.
 */
import { count, eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  auditEvents,
  organisations,
  projectInvitations,
  projectMembers,
  projects,
} from '../../server/db/schema/index.ts';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { emitWithAck, peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let orgOfLead: string;
let sanofi: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher', 'partner'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  orgOfLead = (await as.lead!.get('/api/me')).body.organisations[0].id;
  sanofi = (await server.deps.db.select().from(organisations).where(eq(organisations.slug, 'sanofi')))[0]!.id;
});
afterAll(() => server?.close());

const tally = async () => {
  const [[p], [a], [i]] = await Promise.all([
    server.deps.db.select({ n: count() }).from(projects),
    server.deps.db.select({ n: count() }).from(auditEvents),
    server.deps.db.select({ n: count() }).from(projectInvitations),
  ]);
  return { projects: p!.n, audit: a!.n, invitations: i!.n };
};

/** A project the lead starts, with the researcher as contributor. */
async function leadsProject(title: string) {
  const created = await as.lead!.post('/api/projects', {
    title,
    track: 'therapeutics',
    leadOrganisationId: orgOfLead,
    members: [{ email: 'researcher@demo.jalon', role: 'contributor' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('who may start a project', () => {
  it('tells each person whether they may, and refuses one who leads no project', async () => {
    expect((await as.manager!.get('/api/me')).body.mayStartProject).toBe(true);
    expect((await as.lead!.get('/api/me')).body.mayStartProject).toBe(true);
    expect((await as.researcher!.get('/api/me')).body.mayStartProject).toBe(false);
    const before = await tally();
    const researcherOrg = (await as.researcher!.get('/api/me')).body.organisations[0].id;
    const reply = await as.researcher!.post('/api/projects', {
      title: 'Not a lead',
      track: 'therapeutics',
      leadOrganisationId: researcherOrg,
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toMatch(/cluster managers and the leads/);
    expect(await tally()).toEqual(before);
  });

  it("with 'managers', refuses leads too; only a manager changes the setting, and it is audited", async () => {
    expect((await as.lead!.put('/api/settings', { projectCreation: 'managers' })).status).toBe(403);
    expect((await as.lead!.get('/api/settings')).status).toBe(403);
    expect((await as.manager!.get('/api/settings')).body).toEqual({
      projectCreation: 'leads',
      twoFactor: 'optional',
    });
    const set = await as.manager!.put('/api/settings', { projectCreation: 'managers' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    try {
      expect(set.body).toEqual({ projectCreation: 'managers', twoFactor: 'optional' });
      const [entry] = await server.deps.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entity, 'cluster_setting'));
      expect(entry).toMatchObject({ field: 'projectCreation', before: 'leads', after: 'managers' });
      expect((await as.lead!.get('/api/me')).body.mayStartProject).toBe(false);
      const reply = await as.lead!.post('/api/projects', {
        title: 'Refused',
        track: 'therapeutics',
        leadOrganisationId: orgOfLead,
      });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toMatch(/Only cluster managers start projects/);
      expect((await as.manager!.get('/api/me')).body.mayStartProject).toBe(true);
      expect((await as.manager!.put('/api/settings', { projectCreation: 'everyone' })).status).toBe(400);
    } finally {
      await as.manager!.put('/api/settings', { projectCreation: 'leads' });
    }
  });
});

describe('starting a project', () => {
  it('a manager starts one at a later stage with first members, without joining its team', async () => {
    const created = await as.manager!.post('/api/projects', {
      title: 'Organoid screening',
      track: 'diagnostics',
      stage: 2,
      leadOrganisationId: orgOfLead,
      partners: [{ organisationId: sanofi, role: 'funder' }],
      members: [
        { email: 'lead@demo.jalon', role: 'lead' },
        { email: 'newcomer@hospital.example', role: 'observer' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ stage: 2, myRole: null, track: 'diagnostics' });
    expect(created.body.partners).toMatchObject([{ organisation: { id: sanofi }, role: 'funder' }]);
    expect(created.body.firstMembers).toHaveLength(2);
    const members = await server.deps.db
      .select()
      .from(projectMembers)
      .where(eq(projectMembers.projectId, created.body.id));
    expect(members.map((m) => m.role)).toEqual(['lead']);
    const [invitation] = await server.deps.db
      .select()
      .from(projectInvitations)
      .where(eq(projectInvitations.projectId, created.body.id));
    expect(invitation).toMatchObject({ email: 'newcomer@hospital.example', role: 'observer' });
    const ledByLead = (await as.lead!.get(`/api/projects/${created.body.id}`)).body;
    expect(ledByLead.myRole).toBe('lead');
  });

  it('refuses an address listed twice, or the lead listing themselves, and writes nothing', async () => {
    const before = await tally();
    for (const members of [
      [
        { email: 'a@example.org', role: 'observer' },
        { email: 'A@example.org', role: 'contributor' },
      ],
      [{ email: 'lead@demo.jalon', role: 'contributor' }],
    ]) {
      const reply = await as.lead!.post('/api/projects', {
        title: 'Twice',
        track: 'therapeutics',
        leadOrganisationId: orgOfLead,
        members,
      });
      expect(reply.status, JSON.stringify(members)).toBe(400);
      expect(reply.body.error.code).toBe('invalid_input');
    }
    expect(await tally()).toEqual(before);
  });

  it('refuses a deactivated lead or partner organisation, and a stage the track does not have', async () => {
    const [spare] = await server.deps.db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, 'hopital-saint-aurele'));
    await server.deps.db
      .update(organisations)
      .set({ deactivatedAt: new Date() })
      .where(eq(organisations.id, spare!.id));
    try {
      const before = await tally();
      const asLead = await as.manager!.post('/api/projects', {
        title: 'Led by a closed hospital',
        track: 'therapeutics',
        leadOrganisationId: spare!.id,
      });
      expect(asLead.status).toBe(400);
      expect(asLead.body.error.message).toMatch(/deactivated/);
      const asPartner = await as.manager!.post('/api/projects', {
        title: 'Partnered by a closed hospital',
        track: 'therapeutics',
        leadOrganisationId: orgOfLead,
        partners: [{ organisationId: spare!.id, role: 'clinical_site' }],
      });
      expect(asPartner.status).toBe(400);
      const badStage = await as.manager!.post('/api/projects', {
        title: 'Too far',
        track: 'therapeutics',
        stage: 9,
        leadOrganisationId: orgOfLead,
      });
      expect(badStage.status).toBe(400);
      expect(await tally()).toEqual(before);
    } finally {
      await server.deps.db
        .update(organisations)
        .set({ deactivatedAt: null })
        .where(eq(organisations.id, spare!.id));
    }
  });
});

describe('archiving and restoring', () => {
  it('a contributor neither edits the settings nor archives', async () => {
    const id = await leadsProject('Contributor-proof');
    expect((await as.researcher!.patch(`/api/projects/${id}`, { title: 'Mine now' })).status).toBe(403);
    expect((await as.researcher!.patch(`/api/projects/${id}`, { archived: true })).status).toBe(403);
    const detail = (await as.researcher!.get(`/api/projects/${id}`)).body;
    expect(detail).toMatchObject({ title: 'Contributor-proof', archived: false });
    expect(detail.permissions).not.toContain('project.edit');
  });

  it('a lead archives but cannot restore; the project leaves the default portfolio; a manager restores', async () => {
    const id = await leadsProject('Archived then restored');
    const archived = await as.lead!.patch(`/api/projects/${id}`, { archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect(archived.body.permissions).toEqual([
      'project.view',
      'members.view',
      'comment.read_team',
      'audit.view',
    ]);
    const listed = async (query: string) =>
      ((await as.lead!.get(`/api/projects${query}`)).body.projects as { id: string }[]).map((p) => p.id);
    expect(await listed('')).not.toContain(id);
    expect(await listed('?archived=true')).toContain(id);

    const restoreByLead = await as.lead!.patch(`/api/projects/${id}`, { archived: false });
    expect(restoreByLead.status).toBe(403);
    const managerView = (await as.manager!.get(`/api/projects/${id}`)).body;
    expect(managerView.permissions).toContain('project.restore');
    expect(managerView.permissions).not.toContain('project.edit');

    const restored = await as.manager!.patch(`/api/projects/${id}`, { archived: false });
    expect(restored.status).toBe(200);
    expect(restored.body.archived).toBe(false);
    expect(await listed('')).toContain(id);
    expect((await as.lead!.patch(`/api/projects/${id}`, { title: 'Back at work' })).status).toBe(200);
  });

  it('an archived project refuses edits to its card, comments, gate requests and members, with 409', async () => {
    const id = await leadsProject('Frozen');
    expect((await as.lead!.patch(`/api/projects/${id}`, { archived: true })).status).toBe(200);
    const refusals = [
      await as.lead!.patch(`/api/projects/${id}`, { title: 'Thawed' }),
      await as.manager!.patch(`/api/projects/${id}`, { summary: 'Edited while archived' }),
      await as.manager!.patch(`/api/projects/${id}`, { archived: false, title: 'Both at once' }),
      await as.lead!.post(`/api/projects/${id}/comments`, { milestoneId: 'm1', body: 'Still here?' }),
      await as.lead!.post(`/api/projects/${id}/gates`),
      await as.lead!.post(`/api/projects/${id}/members`, { email: 'late@example.org', role: 'observer' }),
    ];
    for (const reply of refusals) {
      expect(reply.status, JSON.stringify(reply.body)).toBe(409);
      expect(reply.body.error.message).toMatch(/archived/);
    }
    const [row] = await server.deps.db.select().from(projects).where(eq(projects.id, id));
    expect(row).toMatchObject({ title: 'Frozen', archived: true });
  });

  it('search still finds an archived project, marked, for those who could see it, and no one else', async () => {
    const id = await leadsProject('Quokka immunotherapy');
    await as.lead!.patch(`/api/projects/${id}`, { archived: true });
    const hits = (await as.lead!.get('/api/search?q=quokka')).body.hits as {
      projectId: string;
      archived: boolean;
    }[];
    expect(hits.find((h) => h.projectId === id)).toMatchObject({ archived: true });
    expect((await as.manager!.get('/api/search?q=quokka')).body.hits.length).toBeGreaterThan(0);
    expect((await as.partner!.get('/api/search?q=quokka')).body.hits).toEqual([]);
  });

  it('an editing socket becomes read-only the moment the project is archived; its edit is refused and not applied', async () => {
    const id = await leadsProject('Live archive');
    const name = docName(id);
    const editor = await peer(server.url, 'researcher@demo.jalon', name);
    try {
      expect(editor.provider.access).toBe('edit');
      const readOnly = new Promise<void>((resolve) =>
        editor.provider.on('access', (access) => access === 'view' && resolve()),
      );
      expect((await as.lead!.patch(`/api/projects/${id}`, { archived: true })).status).toBe(200);
      await readOnly;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(editor.doc));
      const before = Y.encodeStateVector(doc);
      createMilestone(doc, { title: 'Written after the archive', status: 'planned', stage: 0 }, 'x');
      const ack = await emitWithAck(
        editor.socket,
        DOC_EVENTS.msg,
        name,
        updateMessage(Y.encodeStateAsUpdate(doc, before)),
      );
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const stored = readProjectDoc(await server.deps.documents.read(id));
      expect(stored.milestones.map((m) => m.title)).not.toContain('Written after the archive');
    } finally {
      editor.close();
    }
  });
});
