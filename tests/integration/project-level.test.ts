import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projectLevelChanges } from '../../server/db/schema/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let projectId: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'researcher', 'mentor', 'partner', 'platform'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  const org = (await as.lead!.get('/api/me')).body.organisations[0].id;
  const created = await as.lead!.post('/api/projects', {
    title: 'Bispécifique CD3×GPRC5D',
    track: 'therapeutics',
    stage: 2,
    leadOrganisationId: org,
    members: [
      { email: 'researcher@demo.jalon', role: 'contributor' },
      { email: 'mentor@demo.jalon', role: 'mentor' },
      { email: 'partner@demo.jalon', role: 'observer' },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  projectId = created.body.id;
});
afterAll(() => server?.close());

const changes = async () =>
  (
    await server.deps.db
      .select({ n: count() })
      .from(projectLevelChanges)
      .where(eq(projectLevelChanges.projectId, projectId))
  )[0]!.n;

describe("a project's level on its track", () => {
  it('starts unrecorded, distinct from the stage', async () => {
    const detail = await as.lead!.get(`/api/projects/${projectId}`);
    expect(detail.body).toMatchObject({ stage: 2, level: null });
  });

  it('is set by the lead with its evidence, audited from → to, and shown on the project and in the portfolio', async () => {
    const first = await as.lead!.put(`/api/projects/${projectId}/level`, {
      level: 3,
      evidence: 'Activité in vitro sur lignées de myélome (rapport d’étude 2026-04)',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await as.lead!.put(`/api/projects/${projectId}/level`, {
      level: 4,
      evidence: 'Efficacité in vivo sur modèle murin xénogreffé, n = 12',
    });
    expect(second.status).toBe(200);
    expect(second.body.current).toMatchObject({ level: 4, setBy: { name: 'Claire Dubois' } });
    expect(second.body.changes.map((c: { from: number | null; level: number }) => [c.from, c.level])).toEqual(
      [
        [null, 3],
        [3, 4],
      ],
    );

    const detail = await as.partner!.get(`/api/projects/${projectId}`);
    expect(detail.body).toMatchObject({
      stage: 2,
      level: { level: 4, evidence: 'Efficacité in vivo sur modèle murin xénogreffé, n = 12' },
    });
    for (const who of ['lead', 'manager', 'partner']) {
      const portfolio = await as[who]!.get('/api/projects');
      const row = portfolio.body.projects.find((p: { id: string }) => p.id === projectId);
      expect(row.level, who).toBe(4);
    }
    const filtered = await as.manager!.get('/api/projects?level=4');
    expect(filtered.body.projects.map((p: { id: string }) => p.id)).toContain(projectId);
    expect(filtered.body.projects.every((p: { level: number }) => p.level === 4)).toBe(true);
    const none = await as.manager!.get('/api/projects?level=3');
    expect(none.body.projects.map((p: { id: string }) => p.id)).not.toContain(projectId);

    const audit = await server.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entity, 'project'),
          eq(auditEvents.entityId, projectId),
          eq(auditEvents.field, 'level'),
        ),
      )
      .orderBy(auditEvents.seq);
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [null, { level: 3, evidence: 'Activité in vitro sur lignées de myélome (rapport d’étude 2026-04)' }],
      [
        { level: 3, evidence: 'Activité in vitro sur lignées de myélome (rapport d’étude 2026-04)' },
        { level: 4, evidence: 'Efficacité in vivo sur modèle murin xénogreffé, n = 12' },
      ],
    ]);
  });

  it('may be set by a cluster manager', async () => {
    const reply = await as.manager!.put(`/api/projects/${projectId}/level`, {
      level: 5,
      evidence: 'Revue du comité : données précliniques GLP consolidées',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.current.level).toBe(5);
  });

  it('is refused to a contributor, a mentor and an observer, and hidden from an outsider, writing nothing', async () => {
    const before = await changes();
    const body = { level: 6, evidence: 'Essai de phase I ouvert' };
    for (const who of ['researcher', 'mentor', 'partner']) {
      const reply = await as[who]!.put(`/api/projects/${projectId}/level`, body);
      expect(reply.status, who).toBe(403);
    }
    expect((await as.platform!.put(`/api/projects/${projectId}/level`, body)).status).toBe(404);
    expect((await as.platform!.get(`/api/projects/${projectId}/level`)).status).toBe(404);
    const outsiderPortfolio = await as.platform!.get('/api/projects');
    expect(outsiderPortfolio.body.projects.map((p: { id: string }) => p.id)).not.toContain(projectId);
    expect(await changes()).toBe(before);
    // the observer reads it
    expect((await as.partner!.get(`/api/projects/${projectId}/level`)).body.current.level).toBe(5);
  });

  it('refuses a level outside the track’s levels, and an empty or oversized evidence, naming the field', async () => {
    const before = await changes();
    const cases: [unknown, string][] = [
      [{ level: 10, evidence: 'x' }, 'level'],
      [{ level: 0, evidence: 'x' }, 'level'],
      [{ level: 2.5, evidence: 'x' }, 'level'],
      [{ level: 4, evidence: '   ' }, 'evidence'],
      [{ level: 4, evidence: 'x'.repeat(1001) }, 'evidence'],
      [{ level: 4, evidence: 'x', stage: 4 }, '(body)'],
    ];
    for (const [body, path] of cases) {
      const reply = await as.lead!.put(`/api/projects/${projectId}/level`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.issues[0].path, JSON.stringify(body)).toBe(path);
    }
    expect(await changes()).toBe(before);
  });
});
