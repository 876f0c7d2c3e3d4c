import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../server/db/schema/index.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { bearerClient, createToken } from './api-tokens.fixtures.ts';

let server: TestServer;
let manager: ApiClient;
let lead: ApiClient;
let researcher: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  manager = await signedIn(server.url, 'manager@demo.jalon');
  lead = await signedIn(server.url, 'lead@demo.jalon');
  researcher = await signedIn(server.url, 'researcher@demo.jalon');
});
afterAll(() => server?.close());

const hospital = {
  name: 'Hôpital Saint-Éloi',
  kind: 'hospital',
  founder: false,
  description: { en: 'A teaching hospital.', fr: 'Un CHU.' },
  website: 'https://saint-eloi.example.org',
  focusAreas: ['imaging'],
};

const auditOf = (id: string) =>
  server.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'organisation'), eq(auditEvents.entityId, id)))
    .orderBy(auditEvents.seq);

const directorySlugs = async (client: ApiClient) =>
  ((await client.get('/api/organisations')).body.organisations as { slug: string }[]).map((o) => o.slug);

describe('onboarding an organisation', () => {
  it('a cluster manager creates one; its address comes from its name; the creation is audited', async () => {
    const reply = await manager.post('/api/organisations', hospital);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      slug: 'hopital-saint-eloi',
      name: 'Hôpital Saint-Éloi',
      website: 'https://saint-eloi.example.org',
      deactivatedAt: null,
      version: 1,
      people: [],
      projects: [],
    });
    expect(await directorySlugs(researcher)).toContain('hopital-saint-eloi');
    const [entry, ...more] = await auditOf(reply.body.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', actorId: expect.any(String), projectId: null });
    expect(entry!.after).toMatchObject({
      name: 'Hôpital Saint-Éloi',
      slug: 'hopital-saint-eloi',
      kind: 'hospital',
    });
  });

  it('refuses an address already taken, saying which (409)', async () => {
    const again = await manager.post('/api/organisations', hospital);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already uses the address "hopital-saint-eloi"/);
    const chosen = await manager.post('/api/organisations', { ...hospital, slug: 'hopital-saint-eloi' });
    expect(chosen.status).toBe(409);
  });

  it('refuses a website that is not an http(s) address, naming the field (400)', async () => {
    for (const website of [
      'javascript:alert(1)',
      'ftp://files.example.org',
      'saint-eloi',
      'https://localhost',
    ]) {
      const reply = await manager.post('/api/organisations', { ...hospital, slug: 'other-one', website });
      expect(reply.status, website).toBe(400);
      expect(reply.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['website']);
    }
  });

  it('refuses a malformed address, an unknown kind and a description past its bound (400)', async () => {
    const bad = [
      [{ slug: 'Not A Slug' }, 'slug'],
      [{ kind: 'castle' }, 'kind'],
      [{ description: { en: 'x'.repeat(2001), fr: '' } }, 'description.en'],
      [{ name: ' ' }, 'name'],
    ] as const;
    for (const [change, path] of bad) {
      const reply = await manager.post('/api/organisations', { ...hospital, slug: 'fresh-one', ...change });
      expect(reply.status, path).toBe(400);
      expect(reply.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it('refuses a lead, a researcher, a signed-out request and even a manager’s API token', async () => {
    for (const who of [lead, researcher]) {
      const reply = await who.post('/api/organisations', { ...hospital, slug: 'sneaky' });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toMatch(/Only cluster managers manage organisations/);
      expect((await who.get('/api/admin/organisations')).status).toBe(403);
    }
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.post('/api/organisations', { ...hospital, slug: 'sneaky' })).status).toBe(401);
    expect((await anonymous.get('/api/admin/organisations')).status).toBe(401);
    const { token } = await createToken(manager, { scope: 'write' });
    const script = bearerClient(server.url, token);
    expect((await script.post('/api/organisations', { ...hospital, slug: 'sneaky' })).status).toBe(403);
    expect((await script.get('/api/admin/organisations')).status).toBe(403);
    expect(await directorySlugs(manager)).not.toContain('sneaky');
  });
});

describe('editing an organisation', () => {
  it('changes its fields, audits each change with its before and after, and bumps its version', async () => {
    const created = await manager.post('/api/organisations', {
      ...hospital,
      name: 'NeoScan',
      kind: 'startup',
      website: '',
      focusAreas: [],
    });
    expect(created.body.website).toBeNull();
    const id = created.body.id as string;
    const edited = await manager.patch(`/api/organisations/${id}`, {
      version: 1,
      founder: true,
      website: 'http://neoscan.example.com',
      kind: 'startup',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ founder: true, website: 'http://neoscan.example.com', version: 2 });
    const entries = await auditOf(id);
    // The kind did not change: only what changed is recorded.
    expect(entries.map((e) => [e.action, e.field, e.before, e.after])).toEqual([
      ['create', null, null, expect.any(Object)],
      ['update', 'founder', false, true],
      ['update', 'website', null, 'http://neoscan.example.com'],
    ]);
  });

  it('refuses an edit made on a stale form (409), and changes nothing', async () => {
    const { body } = await manager.get('/api/admin/organisations/neoscan');
    const stale = await manager.patch(`/api/organisations/${body.id}`, { version: 1, name: 'NeoScan SAS' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed this organisation since you opened it/);
    expect((await manager.get('/api/admin/organisations/neoscan')).body.name).toBe('NeoScan');
  });

  it('refuses renaming its address to one another organisation uses (409)', async () => {
    const { body } = await manager.get('/api/admin/organisations/neoscan');
    const reply = await manager.patch(`/api/organisations/${body.id}`, {
      version: body.version,
      slug: 'hopital-saint-eloi',
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toMatch(/address "hopital-saint-eloi"/);
  });

  it('refuses a lead and a researcher', async () => {
    const { body } = await manager.get('/api/admin/organisations/neoscan');
    for (const who of [lead, researcher])
      expect(
        (await who.patch(`/api/organisations/${body.id}`, { version: body.version, name: 'Mine' })).status,
      ).toBe(403);
  });
});

describe('the administration view', () => {
  it('lists every organisation with its counts, searched and filtered by kind', async () => {
    const all = (await manager.get('/api/admin/organisations')).body.organisations as {
      slug: string;
      kind: string;
      peopleCount: number;
      projectCount: number;
    }[];
    const veltricell = all.find((o) => o.slug === 'veltricell');
    expect(veltricell?.peopleCount).toBeGreaterThan(0);
    expect(veltricell?.projectCount).toBeGreaterThan(0);
    const startups = (await manager.get('/api/admin/organisations?kind=startup&q=neo')).body.organisations;
    expect(startups.map((o: { slug: string }) => o.slug)).toContain('neoscan');
    expect(startups.every((o: { kind: string }) => o.kind === 'startup')).toBe(true);
    expect((await manager.get('/api/admin/organisations?kind=castle')).status).toBe(400);
  });

  it('shows an organisation’s people (listed as contacts or not) and all its projects, listed or not', async () => {
    const detail = (await manager.get('/api/admin/organisations/veltricell')).body;
    const contact = detail.people.find((p: { email: string }) => p.email === 'lead@demo.jalon');
    expect(contact).toMatchObject({ listedAsContact: true, projectRoles: expect.arrayContaining(['lead']) });
    const listed = (await researcher.get('/api/organisations/veltricell')).body.projects.length;
    expect(detail.projects.length).toBeGreaterThanOrEqual(listed);
    expect(detail.projects.some((p: { role: string }) => p.role === 'lead')).toBe(true);
  });
});

describe('deactivating an organisation', () => {
  it('refuses while it leads an active project, naming the project', async () => {
    const before = (await manager.get('/api/admin/organisations/veltricell')).body;
    const active = before.projects.find(
      (p: { role: string; archived: boolean }) => p.role === 'lead' && !p.archived,
    );
    const reply = await manager.post(`/api/organisations/${before.id}/deactivate`);
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toContain('still leads');
    expect(reply.body.error.message).toContain(active.title);
    expect(await directorySlugs(researcher)).toContain('veltricell');
    expect((await auditOf(before.id)).filter((e) => e.field === 'deactivated_at')).toEqual([]);
  });

  it('hides it from the directory and the pickers; its people keep their accounts; it comes back on reactivation', async () => {
    const id = (await manager.get('/api/admin/organisations/neoscan')).body.id as string;
    for (const who of [lead, researcher])
      expect((await who.post(`/api/organisations/${id}/deactivate`)).status).toBe(403);
    const reply = await manager.post(`/api/organisations/${id}/deactivate`);
    expect(reply.status).toBe(200);
    expect(reply.body.deactivatedAt).toEqual(expect.any(String));
    expect(await directorySlugs(researcher)).not.toContain('neoscan');
    expect(await directorySlugs(manager)).not.toContain('neoscan');
    expect((await researcher.get('/api/organisations/neoscan')).status).toBe(404);
    const deactivated = (await manager.get('/api/admin/organisations?status=deactivated')).body.organisations;
    expect(deactivated.map((o: { slug: string }) => o.slug)).toEqual(['neoscan']);
    expect((await manager.post(`/api/organisations/${id}/reactivate`)).body.deactivatedAt).toBeNull();
    expect(await directorySlugs(researcher)).toContain('neoscan');
    const changes = (await auditOf(id)).filter((e) => e.field === 'deactivated_at');
    expect(changes.map((e) => [e.before === null, e.after === null])).toEqual([
      [true, false],
      [false, true],
    ]);
    // ids only: the entries name the organisation and who acted, nobody's name or address
    for (const e of changes) expect(JSON.stringify(e)).not.toMatch(/@|NeoScan/);
  });

  it('keeps the accounts and memberships of its people, and its partnerships on projects', async () => {
    type Row = { id: string; slug: string; peopleCount: number };
    const all = (await manager.get('/api/admin/organisations')).body.organisations as Row[];
    let target: {
      id: string;
      people: { email: string; projectRoles: string[] }[];
      projects: unknown[];
    } | null = null;
    for (const o of all.filter((r) => r.peopleCount > 0)) {
      const detail = (await manager.get(`/api/admin/organisations/${o.id}`)).body;
      const leadsActive = detail.projects.some(
        (p: { role: string; archived: boolean }) => p.role === 'lead' && !p.archived,
      );
      const member = detail.people.find((p: { projectRoles: string[] }) => p.projectRoles.length > 0);
      if (!leadsActive && member) {
        target = detail;
        break;
      }
    }
    expect(target, 'a demo organisation with people on projects that leads none').not.toBeNull();
    const person = target!.people.find((p) => p.projectRoles.length > 0)!;
    const before = (await (await signedIn(server.url, person.email)).get('/api/projects')).body.projects;
    expect((await manager.post(`/api/organisations/${target!.id}/deactivate`)).status).toBe(200);
    const again = await signedIn(server.url, person.email, { fresh: true });
    expect((await again.get('/api/projects')).body.projects).toEqual(before);
    const after = (await manager.get(`/api/admin/organisations/${target!.id}`)).body;
    expect(after.people.length).toBe(target!.people.length);
    expect(after.projects).toEqual(target!.projects);
  });
});
