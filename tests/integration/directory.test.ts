import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docName } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, emitWithAck } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
type Org = { id: string; slug: string; name: string; kind: string; founder: boolean; focusAreas: string[] };

beforeAll(async () => {
  server = await startTestServer();
  for (const [key, email] of Object.entries({
    manager: 'manager@demo.jalon',
    lead: 'lead@demo.jalon',
    researcher: 'researcher@demo.jalon',
    partner: 'partner@demo.jalon',
    clinician: 'amina.diallo@demo.jalon',
    cmc: 'lena.hoffmann@demo.jalon',
    ip: 'antoine.rousseau@demo.jalon',
  }))
    as[key] = await signedIn(server.url, email);
});
afterAll(() => server?.close());

const orgs = async (query: string) => {
  const reply = await as.partner!.get(`/api/organisations${query}`);
  expect(reply.status).toBe(200);
  return reply.body.organisations as Org[];
};

describe('the cluster directory', () => {
  it('has the scale of the cluster, with industrial partners and public agencies', async () => {
    const all = await orgs('');
    expect(all.filter((o) => o.founder)).toHaveLength(5);
    expect(all.filter((o) => o.kind === 'hospital').length).toBe(8); // the seven hospitals and Gustave Roussy
    expect(all.filter((o) => o.kind === 'research_team')).toHaveLength(48);
    expect(all.filter((o) => o.kind === 'startup')).toHaveLength(31);
    expect((await orgs('?category=founders')).map((o) => o.name).sort()).toEqual([
      'Gustave Roussy',
      'Inserm',
      'Institut Polytechnique de Paris',
      'Sanofi',
      'Université Paris-Saclay',
    ]);
    const industry = await orgs('?category=industry');
    expect(industry.every((o) => o.kind === 'pharma' || o.kind === 'sme')).toBe(true);
    expect(industry.map((o) => o.slug)).toEqual(expect.arrayContaining(['sanofi', 'oncovia-diagnostics']));
    expect((await orgs('?category=agencies')).length).toBeGreaterThanOrEqual(3);
  });

  it('filters by focus area and searches in French and English, accents or not', async () => {
    const cell = await orgs('?focus=cell_therapy');
    expect(cell.length).toBeGreaterThan(3);
    expect(cell.every((o) => o.focusAreas.includes('cell_therapy'))).toBe(true);
    const fr = await orgs(`?q=${encodeURIComponent('thérapie cellulaire')}`);
    const en = await orgs('?q=cell%20therapy');
    const bare = await orgs('?q=therapie%20cellulaire');
    for (const o of cell) {
      expect(fr.map((x) => x.id)).toContain(o.id);
      expect(en.map((x) => x.id)).toContain(o.id);
    }
    expect(bare.map((o) => o.id)).toEqual(fr.map((o) => o.id));
    expect((await orgs('?q=Bicetre')).map((o) => o.slug)).toContain('hopital-bicetre-sud');
    const startupsInImaging = await orgs('?category=startups&focus=imaging');
    expect(startupsInImaging.every((o) => o.kind === 'startup' && o.focusAreas.includes('imaging'))).toBe(
      true,
    );
    expect(await orgs('?q=zzzz-nothing')).toEqual([]);
    expect((await as.partner!.get('/api/organisations?focus=astrology')).status).toBe(400);
  });

  it('shows a profile with its listed contacts, its publicly listed projects and the services it handles', async () => {
    const profile = await as.partner!.get('/api/organisations/veltricell');
    expect(profile.status).toBe(200);
    expect(profile.body.contacts.map((c: { name: string }) => c.name)).toEqual(['Claire Dubois']);
    expect(profile.body.contacts[0]).toMatchObject({ email: 'lead@demo.jalon', title: expect.any(String) });
    const projects = profile.body.projects as { title: string; role: string }[];
    const listed = (await as.manager!.get('/api/projects')).body.projects.filter(
      (p: { listedInDirectory: boolean; leadOrganisation: { name: string } }) =>
        p.listedInDirectory && p.leadOrganisation.name === 'Veltricell Therapeutics',
    );
    expect(projects.map((p) => p.title).sort()).toEqual(listed.map((p: { title: string }) => p.title).sort());
    expect(profile.body).toMatchObject({ isMember: false, listedAsContact: false });

    const platform = await as.partner!.get('/api/organisations/team-cell-manufacturing');
    expect(platform.body.services.map((s: { slug: string }) => s.slug).sort()).toEqual([
      'cell-therapy-process-development',
      'cell-therapy-production-slot',
    ]);
    expect(platform.body.parent.slug).toBe('hopital-saint-aurele');
    expect((await as.partner!.get('/api/organisations/no-such-org')).status).toBe(404);
  });

  it('lists a member as a contact only when they agree, and only in their own organisation', async () => {
    expect(
      (await as.partner!.request('PUT', '/api/organisations/veltricell/contacts/me', { listed: true }))
        .status,
    ).toBe(403);
    const listed = await as.researcher!.request('PUT', '/api/organisations/veltricell/contacts/me', {
      listed: true,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.contacts.map((c: { name: string }) => c.name)).toEqual([
      'Claire Dubois',
      'Karim Benali',
    ]);
    const unlisted = await as.researcher!.request('PUT', '/api/organisations/veltricell/contacts/me', {
      listed: false,
    });
    expect(unlisted.body.contacts.map((c: { name: string }) => c.name)).toEqual(['Claire Dubois']);
  });
});

describe('the mentors directory', () => {
  it('lists mentors with expertise, languages and availability, filtered and searched', async () => {
    const all = (await as.partner!.get('/api/mentors')).body.mentors;
    expect(all.length).toBe(6);
    expect(all.find((m: { name: string }) => m.name === 'Dr. Lena Hoffmann')).toMatchObject({
      availability: 'unavailable',
      languages: ['en', 'de'],
      expertise: expect.arrayContaining(['manufacturing']),
    });
    const german = (await as.partner!.get('/api/mentors?language=de')).body.mentors.map(
      (m: { name: string }) => m.name,
    );
    expect(german.sort()).toEqual(['Antoine Rousseau', 'Dr. Lena Hoffmann']);
    const available = (await as.partner!.get('/api/mentors?expertise=cell_therapy&available=true')).body
      .mentors;
    expect(available.map((m: { name: string }) => m.name).sort()).toEqual([
      'Antoine Rousseau',
      'Dr. Sophie Laurent',
    ]);
    const fr = (await as.partner!.get(`/api/mentors?q=${encodeURIComponent('essais précoces')}`)).body
      .mentors;
    expect(fr.map((m: { name: string }) => m.name)).toEqual(['Dr. Amina Diallo']);
  });

  it('lets a lead ask a mentor, who accepts and becomes the project’s mentor with comment access', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects[0];
    const mentors = (await as.lead!.get('/api/mentors')).body.mentors as { userId: string; name: string }[];
    const clinician = mentors.find((m) => m.name === 'Dr. Amina Diallo')!;
    const cmc = mentors.find((m) => m.name === 'Dr. Lena Hoffmann')!;
    const body = {
      mentorId: clinician.userId,
      message: 'Help us choose the endpoints of the first-in-human trial.',
    };

    expect((await as.researcher!.post(`/api/projects/${project.id}/mentor-requests`, body)).status).toBe(403);
    expect((await as.partner!.post(`/api/projects/${project.id}/mentor-requests`, body)).status).toBe(403);
    expect(
      (await as.lead!.post(`/api/projects/${project.id}/mentor-requests`, { ...body, mentorId: cmc.userId }))
        .status,
    ).toBe(409);
    const asked = await as.lead!.post(`/api/projects/${project.id}/mentor-requests`, body);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', mentor: { name: 'Dr. Amina Diallo' } });
    expect((await as.lead!.post(`/api/projects/${project.id}/mentor-requests`, body)).status).toBe(409);

    // Before accepting, the mentor cannot see the project.
    expect((await as.clinician!.get(`/api/projects/${project.id}`)).status).toBe(404);
    const inbox = (await as.clinician!.get('/api/me/mentor-requests')).body.requests;
    expect(inbox.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);
    expect(
      (await as.lead!.post(`/api/mentor-requests/${asked.body.id}/response`, { decision: 'accept' })).status,
    ).toBe(404);

    const accepted = await as.clinician!.post(`/api/mentor-requests/${asked.body.id}/response`, {
      decision: 'accept',
      response: 'With pleasure.',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const members = (await as.lead!.get(`/api/projects/${project.id}/members`)).body.members;
    expect(members.find((m: { name: string }) => m.name === 'Dr. Amina Diallo')?.role).toBe('mentor');
    const socket = await connectAs(server.url, 'amina.diallo@demo.jalon');
    const join = await emitWithAck(socket, DOC_EVENTS.join, docName(project.id));
    expect(join).toMatchObject({ ok: true, access: 'comment' });
    socket.close();
    expect(
      (await as.clinician!.post(`/api/mentor-requests/${asked.body.id}/response`, { decision: 'decline' }))
        .status,
    ).toBe(409);
    const history = (await as.lead!.get(`/api/projects/${project.id}/mentor-requests`)).body.requests;
    expect(history[0]).toMatchObject({ status: 'accepted', response: 'With pleasure.' });
  });

  it('records a declined request without adding anyone', async () => {
    const project = (await as.lead!.get('/api/projects')).body.projects[1];
    const ip = (await as.lead!.get('/api/mentors?expertise=intellectual_property')).body.mentors[0];
    const asked = await as.lead!.post(`/api/projects/${project.id}/mentor-requests`, {
      mentorId: ip.userId,
      message: 'A freedom-to-operate review before our seed round.',
    });
    const declined = await as.ip!.post(`/api/mentor-requests/${asked.body.id}/response`, {
      decision: 'decline',
    });
    expect(declined.body.status).toBe('declined');
    const members = (await as.lead!.get(`/api/projects/${project.id}/members`)).body.members;
    expect(members.some((m: { userId: string }) => m.userId === ip.userId)).toBe(false);
  });
});
