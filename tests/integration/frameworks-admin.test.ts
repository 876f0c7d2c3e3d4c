import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, frameworks, gateReviews } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import type { Framework, NewFrameworkVersionBody } from '../../shared/schemas/frameworks.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { bearerClient, createToken } from './api-tokens.fixtures.ts';

let server: TestServer;
let manager: ApiClient;
let lead: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  manager = await signedIn(server.url, 'manager@demo.jalon');
  lead = await signedIn(server.url, 'lead@demo.jalon');
});
afterAll(() => server?.close());

const catalogue = async (): Promise<Framework[]> => (await manager.get('/api/frameworks')).body.frameworks;
const framework = async (id: string) => (await catalogue()).find((f) => f.id === id)!;

/** The edit body that changes nothing: a framework's own texts and criteria, by key. */
function bodyOf(f: Framework, changeNote = 'Clearer wording'): NewFrameworkVersionBody {
  return {
    changeNote,
    name: f.name,
    description: f.description,
    levels: f.levels.map((l) => ({ level: l.level, title: l.title, description: l.description })),
    stages: f.stages.map((s) => ({
      index: s.index,
      name: s.name,
      gateName: s.gateName,
      criteria: s.criteria.map((c) => ({ key: c.key, kind: c.kind, text: c.text })),
    })),
  };
}

const frameworkCount = async () => (await server.deps.db.select({ n: count() }).from(frameworks))[0]!.n;

describe('who may change a framework', () => {
  it('refuses a lead, a signed-out request and a manager’s API token, writing nothing', async () => {
    const base = await framework('diagnostics');
    const before = await frameworkCount();
    const edit = await lead.post('/api/frameworks/diagnostics/versions', bodyOf(base));
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/Only cluster managers edit the frameworks/);
    expect(
      (
        await lead.post('/api/frameworks', {
          from: 'diagnostics',
          name: base.name,
          description: base.description,
        })
      ).status,
    ).toBe(403);
    expect((await lead.get('/api/admin/frameworks')).status).toBe(403);
    const dim = (await manager.get('/api/frameworks')).body.dimensions[0];
    expect((await lead.request('PUT', `/api/readiness-dimensions/${dim.id}`, dim)).status).toBe(403);
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.post('/api/frameworks/diagnostics/versions', bodyOf(base))).status).toBe(401);
    const { token } = await createToken(manager, { scope: 'write' });
    const script = bearerClient(server.url, token);
    expect((await script.post('/api/frameworks/diagnostics/versions', bodyOf(base))).status).toBe(403);
    expect(
      (
        await script.post('/api/frameworks', {
          from: 'diagnostics',
          name: base.name,
          description: base.description,
        })
      ).status,
    ).toBe(403);
    expect(await frameworkCount()).toBe(before);
  });

  it('refuses a change note left empty, naming the field', async () => {
    const reply = await manager.post('/api/frameworks/diagnostics/versions', {
      ...bodyOf(await framework('diagnostics')),
      changeNote: '  ',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues.map((i: { path: string }) => i.path)).toContain('changeNote');
  });
});

describe('a new version of a track', () => {
  let project: { id: string; stage: number; track: string };
  let reviewId: string;
  let oldCriteria: Framework['stages'][number]['criteria'];

  beforeAll(async () => {
    // A therapeutics project with a decided gate, before the framework changes.
    project = (await lead.get('/api/projects')).body.projects.find(
      (p: { stage: number; track: string }) => p.track === 'therapeutics' && p.stage < 5,
    );
    await meetMustCriteria(server.url, lead, project);
    reviewId = (await lead.post(`/api/projects/${project.id}/gates`)).body.id;
    const decided = await manager.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      outcome: 'go',
      rationale: 'Ready.',
      conditions: [],
      password: DEMO_PASSWORD,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    oldCriteria = (await framework('therapeutics')).stages[project.stage + 1]!.criteria;
  });

  it('makes version 2 with the edited, added and retired criteria, audited; version 1 is no longer current', async () => {
    const base = await framework('therapeutics');
    const body = bodyOf(base, 'Sharper preclinical criteria');
    const stage = body.stages[1]!;
    const [first, second, ...rest] = stage.criteria;
    stage.criteria = [
      { ...second!, text: { en: 'Edited in English', fr: 'Modifié en français' } },
      { kind: 'should', text: { en: 'A brand new criterion', fr: 'Un tout nouveau critère' } },
      ...rest,
    ];
    const reply = await manager.post('/api/frameworks/therapeutics/versions', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      id: 'therapeutics-v2',
      lineage: 'therapeutics',
      version: 2,
      current: true,
    });
    const criteria = reply.body.stages[1].criteria;
    expect(criteria.map((c: { text: { en: string } }) => c.text.en).slice(0, 2)).toEqual([
      'Edited in English',
      'A brand new criterion',
    ]);
    expect(criteria.map((c: { key: string }) => c.key)).not.toContain(first!.key);
    expect(criteria[0].id).toBe(`therapeutics-v2:${second!.key}`);
    expect(criteria[1].kind).toBe('should');
    expect((await framework('therapeutics')).current).toBe(false);
    // the old version's criteria are untouched
    expect((await framework('therapeutics')).stages[1]!.criteria.map((c) => c.key)).toContain(first!.key);

    const [entry] = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'framework'), eq(auditEvents.entityId, 'therapeutics-v2')));
    expect(entry?.after).toMatchObject({
      version: 2,
      changeNote: 'Sharper preclinical criteria',
      retired: [first!.key],
      edited: [second!.key],
    });
    const tracks = (await manager.get('/api/admin/frameworks')).body.tracks;
    const therapeutics = tracks.find((t: { lineage: string }) => t.lineage === 'therapeutics');
    expect(therapeutics.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(therapeutics.versions[0]).toMatchObject({
      changeNote: 'Sharper preclinical criteria',
      createdBy: { name: 'Hélène Marchand' },
      projectCount: 0,
    });
    expect(therapeutics.versions[1].projectCount).toBeGreaterThan(0);
  });

  it('leaves the existing project and its decided gate on version 1, their criteria unchanged', async () => {
    const after = (await lead.get(`/api/projects/${project.id}`)).body;
    expect(after.track).toBe('therapeutics');
    const [review] = await server.deps.db.select().from(gateReviews).where(eq(gateReviews.id, reviewId));
    expect(review!.frameworkId).toBe('therapeutics');
    expect((await framework('therapeutics')).stages[project.stage + 1]!.criteria).toEqual(oldCriteria);
    const reviews = (await lead.get(`/api/projects/${project.id}/gates`)).body.reviews;
    expect(reviews[0].decision.outcome).toBe('go');
  });

  it('refuses a stale base (version 1 once version 2 exists) with 409, writing nothing', async () => {
    const before = await frameworkCount();
    const auditBefore = (await server.deps.db.select({ n: count() }).from(auditEvents))[0]!.n;
    const reply = await manager.post(
      '/api/frameworks/therapeutics/versions',
      bodyOf(await framework('therapeutics')),
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toMatch(/Version 1 of this framework is no longer the current one/);
    expect(await frameworkCount()).toBe(before);
    expect((await server.deps.db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(auditBefore);
  });

  it('lets only one of two saves made at once from the same base through; the other is told (409)', async () => {
    const base = await framework('therapeutics-v2');
    const before = await frameworkCount();
    const replies = await Promise.all(
      ['First of two', 'Second of two'].map((note) =>
        manager.post('/api/frameworks/therapeutics-v2/versions', bodyOf(base, note)),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)!.body.error.message).toMatch(/no longer the current one/);
    expect(await frameworkCount()).toBe(before + 1);
  });

  it('starts a new project on the current version, and refuses version 1 with a clear message', async () => {
    const leadOrganisationId = (await lead.get(`/api/projects/${project.id}`)).body.leadOrganisation.id;
    const old = await lead.post('/api/projects', {
      title: 'Old track',
      track: 'therapeutics',
      leadOrganisationId,
    });
    expect(old.status).toBe(400);
    expect(old.body.error.message).toMatch(/has been replaced: new projects start on its current version, 3/);
    expect(old.body.error.issues[0].path).toBe('track');
    const fresh = await lead.post('/api/projects', {
      title: 'On the new version',
      track: 'therapeutics-v3',
      leadOrganisationId,
    });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    expect(fresh.body.track).toBe('therapeutics-v3');
  });

  it('filters the portfolio by track across all its versions', async () => {
    for (const track of ['therapeutics', 'therapeutics-v2', 'therapeutics-v3']) {
      const list = (await manager.get(`/api/projects?track=${track}`)).body.projects as {
        track: string;
        title: string;
      }[];
      expect(new Set(list.map((p) => p.track))).toEqual(new Set(['therapeutics', 'therapeutics-v3']));
      expect(list.map((p) => p.title)).toContain('On the new version');
    }
    const devices = (await manager.get('/api/projects?track=diagnostics')).body.projects as {
      track: string;
    }[];
    expect(devices.every((p) => p.track === 'diagnostics')).toBe(true);
  });

  it('refuses an edit that drops a stage or names a criterion of another gate', async () => {
    const base = await framework('therapeutics-v3');
    const fewer = { ...bodyOf(base), stages: bodyOf(base).stages.slice(1) };
    expect((await manager.post('/api/frameworks/therapeutics-v3/versions', fewer)).status).toBe(400);
    const foreign = bodyOf(base);
    foreign.stages[0]!.criteria.push({
      key: base.stages[2]!.criteria[0]!.key,
      kind: 'must',
      text: { en: 'x', fr: 'x' },
    });
    const reply = await manager.post('/api/frameworks/therapeutics-v3/versions', foreign);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/not one of this gate's criteria/);
  });
});

describe('copying a framework', () => {
  it('makes version 1 of a new track, named from its English name, with the same criteria', async () => {
    const source = await framework('diagnostics');
    const name = { en: 'Digital health', fr: 'Santé numérique' };
    const reply = await manager.post('/api/frameworks', {
      from: 'diagnostics',
      name,
      description: source.description,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      id: 'digital-health',
      lineage: 'digital-health',
      version: 1,
      current: true,
      name,
    });
    expect(
      reply.body.stages.flatMap((s: Framework['stages'][number]) => s.criteria.map((c) => c.key)),
    ).toEqual(source.stages.flatMap((s) => s.criteria.map((c) => c.key)));
    const again = await manager.post('/api/frameworks', {
      from: 'diagnostics',
      name,
      description: source.description,
    });
    expect(again.body.id).toBe('digital-health-2');
    expect((await framework('diagnostics')).current).toBe(true);
  });
});

describe('readiness dimension texts', () => {
  it('are edited in place by a manager, and the change is audited with the words before', async () => {
    const dim = (await manager.get('/api/frameworks')).body.dimensions[0];
    const edited = { ...dim, name: { en: 'Technology (edited)', fr: 'Technologie (modifiée)' } };
    delete edited.id;
    const reply = await manager.request('PUT', `/api/readiness-dimensions/${dim.id}`, edited);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const seen = (await lead.get('/api/frameworks')).body.dimensions[0];
    expect(seen.name).toEqual(edited.name);
    const [entry] = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'readiness_dimension'), eq(auditEvents.entityId, dim.id)));
    expect(entry).toMatchObject({ action: 'update', before: expect.objectContaining({ name: dim.name }) });
    const missing = await manager.request('PUT', `/api/readiness-dimensions/${dim.id}`, {
      ...edited,
      levels: edited.levels.slice(1),
    });
    expect(missing.status).toBe(400);
  });
});
