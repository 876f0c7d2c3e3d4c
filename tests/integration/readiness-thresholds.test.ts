import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, frameworks } from '../../server/db/schema/index.ts';
import { docName, setReadinessLevel } from '../../shared/doc/index.ts';
import type { Framework, NewFrameworkVersionBody } from '../../shared/schemas/frameworks.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'partner', 'platform'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
});
afterAll(() => server?.close());

const catalogue = async (): Promise<Framework[]> =>
  (await as.manager!.get('/api/frameworks')).body.frameworks;
const framework = async (id: string) => (await catalogue()).find((f) => f.id === id)!;

function bodyOf(f: Framework): NewFrameworkVersionBody {
  return {
    changeNote: 'Readiness floor before the IND/CTA gate raised',
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

/** A therapeutics project at stage 3 (before the IND/CTA gate), the partner as its observer. */
async function projectAtIndGate(title: string) {
  const org = (await as.lead!.get('/api/me')).body.organisations[0].id;
  const created = await as.lead!.post('/api/projects', {
    title,
    track: 'therapeutics',
    stage: 3,
    leadOrganisationId: org,
    members: [{ email: 'partner@demo.jalon', role: 'observer' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id as string, stage: 3, track: created.body.track as string };
}

async function score(projectId: string, levels: Record<string, number>) {
  const editor = await peer(server.url, 'lead@demo.jalon', docName(projectId));
  const lead = (await as.lead!.get('/api/me')).body.user.id as string;
  for (const [dimension, level] of Object.entries(levels))
    setReadinessLevel(editor.doc, dimension as 'ip', level, lead);
  await editor.provider.whenSaved();
  editor.close();
}

describe('readiness thresholds in the framework', () => {
  it('come with the built-in therapeutics track: IP ≥ 3 and manufacturing ≥ 4 before the IND/CTA gate', async () => {
    const f = await framework('therapeutics');
    expect(f.stages[3]!.thresholds).toEqual(
      expect.arrayContaining([
        { dimension: 'ip', minLevel: 3 },
        { dimension: 'manufacturing', minLevel: 4 },
      ]),
    );
    expect(f.stages[0]!.thresholds).toEqual([]);
  });

  it('are versioned: a new version carries its own, the old one keeps its own, omitted ones are kept', async () => {
    const base = await framework('device');
    const body = bodyOf(base);
    body.stages[3]!.thresholds = [
      { dimension: 'manufacturing', minLevel: 5 },
      { dimension: 'ip', minLevel: 3 },
    ];
    const saved = await as.manager!.post('/api/frameworks/device/versions', body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const v2 = saved.body as Framework;
    // in the dimensions' order, whatever the order given
    expect(v2.stages[3]!.thresholds).toEqual([
      { dimension: 'ip', minLevel: 3 },
      { dimension: 'manufacturing', minLevel: 5 },
    ]);
    // stage 2 was sent without thresholds: the base's stay
    expect(v2.stages[2]!.thresholds).toEqual(base.stages[2]!.thresholds);
    expect((await framework('device')).stages[3]!.thresholds).toEqual(base.stages[3]!.thresholds);

    const [audit] = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'framework'), eq(auditEvents.entityId, v2.id)));
    expect((audit!.after as { thresholds: object }).thresholds).toEqual({
      '3:ip': { from: null, to: 3 },
      '3:manufacturing': { from: 4, to: 5 },
      '3:regulatory': { from: 4, to: null },
    });
  });

  it('refuses a level outside the dimension’s scale, an unknown or repeated dimension, naming the field and writing nothing', async () => {
    const base = (await catalogue()).find((f) => f.lineage === 'diagnostics' && f.current)!;
    const before = (await server.deps.db.select().from(frameworks)).length;
    const cases: [Record<string, unknown>[], string][] = [
      [[{ dimension: 'ip', minLevel: 10 }], 'stages.3.thresholds.0.minLevel'],
      [[{ dimension: 'ip', minLevel: 0 }], 'stages.3.thresholds.0.minLevel'],
      [[{ dimension: 'astrology', minLevel: 3 }], 'stages.3.thresholds.0.dimension'],
      [
        [
          { dimension: 'ip', minLevel: 3 },
          { dimension: 'ip', minLevel: 4 },
        ],
        'stages.3.thresholds.1.dimension',
      ],
    ];
    for (const [thresholds, path] of cases) {
      const body = bodyOf(base) as unknown as { stages: { thresholds?: unknown }[] };
      body.stages[3]!.thresholds = thresholds;
      const reply = await as.manager!.post(`/api/frameworks/${base.id}/versions`, body);
      expect(reply.status, JSON.stringify(thresholds)).toBe(400);
      expect(reply.body.error.issues[0].path).toBe(path);
    }
    const tooMany = bodyOf(base) as unknown as { stages: { thresholds?: unknown }[] };
    tooMany.stages[3]!.thresholds = Array.from({ length: 21 }, () => ({ dimension: 'ip', minLevel: 3 }));
    expect((await as.manager!.post(`/api/frameworks/${base.id}/versions`, tooMany)).status).toBe(400);
    expect((await server.deps.db.select().from(frameworks)).length).toBe(before);
  });
});

describe('the gate view and the review request', () => {
  it('shows each threshold of the gate ahead, met or not, from the current scores', async () => {
    const project = await projectAtIndGate('Anti-CD19 CAR-T, académique');
    await score(project.id, { ip: 3, manufacturing: 2 });
    const seen = await as.partner!.get(`/api/projects/${project.id}/gates`);
    expect(seen.status).toBe(200);
    expect(seen.body.thresholds).toEqual([
      { dimension: 'ip', required: 3, current: 3, met: true },
      { dimension: 'regulatory', required: 4, current: null, met: false },
      { dimension: 'manufacturing', required: 4, current: 2, met: false },
    ]);
    // someone outside the project learns nothing of it
    expect((await as.platform!.get(`/api/projects/${project.id}/gates`)).status).toBe(404);
  });

  it('lets the lead request the review with thresholds unmet, and records the warning in the review', async () => {
    const project = await projectAtIndGate('TIL expansés, procédé fermé');
    await score(project.id, { ip: 4, regulatory: 4, manufacturing: 3 });
    await meetMustCriteria(server.url, as.lead!, project);
    const reply = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.readinessWarnings).toEqual([{ dimension: 'manufacturing', required: 4, current: 3 }]);
    // scores moving later do not rewrite what the request saw
    await score(project.id, { manufacturing: 5 });
    const view = await as.partner!.get(`/api/projects/${project.id}/gates`);
    expect(view.body.reviews[0].readinessWarnings).toEqual([
      { dimension: 'manufacturing', required: 4, current: 3 },
    ]);
    const [audit] = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'gate_review'), eq(auditEvents.entityId, reply.body.id)));
    expect((audit!.after as { unmetThresholds: object }).unmetThresholds).toEqual([
      { dimension: 'manufacturing', required: 4, current: 3 },
    ]);
  });

  it('records no warning when every threshold is met', async () => {
    const project = await projectAtIndGate('Radioligand PSMA, lot clinique');
    await score(project.id, { ip: 3, regulatory: 5, manufacturing: 4 });
    await meetMustCriteria(server.url, as.lead!, project);
    const reply = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(reply.status).toBe(201);
    expect(reply.body.readinessWarnings).toEqual([]);
  });
});
