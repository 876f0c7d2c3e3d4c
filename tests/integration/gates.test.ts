import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateDecisions, gatePacks, organisations } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { docName, readProjectDoc } from '../../shared/doc/index.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { openDatabaseFile, startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, peer, until } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let project: { id: string; stage: number; track: string };

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'mentor', 'partner'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  project = (await as.lead!.get('/api/projects')).body.projects.find((p: { stage: number }) => p.stage < 5);
});
afterAll(() => server?.close());

describe('a stage gate, end to end', () => {
  let reviewId: string;

  it('refuses a request while must-meet criteria lack evidence, naming them', async () => {
    const reply = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('conflict');
    expect(reply.body.error.issues.length).toBeGreaterThan(0);
    expect((await as.mentor!.post(`/api/projects/${project.id}/gates`)).status).toBe(403);
  });

  it('freezes a gate pack once every must-meet criterion is checked with evidence', async () => {
    const must = await meetMustCriteria(server.url, as.lead!, project);
    const reply = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'open',
      stageIndex: project.stage,
      requestedBy: { name: 'Claire Dubois' },
    });
    reviewId = reply.body.id;
    const [pack] = await server.deps.db.select().from(gatePacks).where(eq(gatePacks.reviewId, reviewId));
    expect(Object.keys((pack!.data as { criteria: object }).criteria)).toHaveLength(must.length);
    expect((await as.lead!.post(`/api/projects/${project.id}/gates`)).status).toBe(409);
  });

  it('takes recommendations from invited reviewers, and records declared conflicts of interest', async () => {
    const members = (await as.lead!.get(`/api/projects/${project.id}/members`)).body.members;
    const mentor = members.find((m: { role: string }) => m.role === 'mentor');
    const body = {
      scores: {},
      recommendation: 'conditional_go',
      rationale: 'Solid data; CMC comparability still open.',
    };
    expect(
      (await as.mentor!.post(`/api/projects/${project.id}/gates/${reviewId}/recommendation`, body)).status,
    ).toBe(403);
    expect(
      (
        await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/reviewers`, {
          userId: mentor.userId,
        })
      ).status,
    ).toBe(200);
    const rec = await as.mentor!.post(`/api/projects/${project.id}/gates/${reviewId}/recommendation`, body);
    expect(rec.status).toBe(200);
    expect(rec.body.recommendations[0]).toMatchObject({
      reviewer: { name: 'Dr. Sophie Laurent' },
      recommendation: 'conditional_go',
    });

    // the manager's university becomes a partner: the manager must declare it
    const ups = (
      await server.deps.db
        .select()
        .from(organisations)
        .where(eq(organisations.slug, 'universite-paris-saclay'))
    )[0]!;
    const detail = (await as.lead!.get(`/api/projects/${project.id}`)).body;
    const partners = [
      ...detail.partners.map((p: { organisation: { id: string }; role: string }) => ({
        organisationId: p.organisation.id,
        role: p.role,
      })),
      { organisationId: ups.id, role: 'co_developer' },
    ];
    expect((await as.lead!.patch(`/api/projects/${project.id}`, { partners })).status).toBe(200);
    const undeclared = await as.manager!.post(
      `/api/projects/${project.id}/gates/${reviewId}/recommendation`,
      { ...body, recommendation: 'go' },
    );
    expect(undeclared.status).toBe(400);
    const declared = await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/recommendation`, {
      ...body,
      recommendation: 'go',
      conflictOfInterest: 'My university co-develops this project.',
    });
    expect(
      declared.body.recommendations.find(
        (r: { reviewer: { name: string } }) => r.reviewer.name === 'Hélène Marchand',
      ).conflictOfInterest,
    ).toContain('co-develops');
  });

  it('signs a Conditional Go with the password; the stage advances live and conditions become milestones', async () => {
    const decide = {
      outcome: 'conditional_go',
      rationale: 'Proceed; close comparability.',
      conditions: [{ title: 'CMC comparability report', due: '2027-03-31' }],
    };
    const wrong = await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      ...decide,
      password: 'not-my-password',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/nothing was signed/);
    expect((await server.deps.db.select({ n: count() }).from(gateDecisions))[0]!.n).toBe(0);
    expect(
      (
        await as.lead!.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
          ...decide,
          password: DEMO_PASSWORD,
        })
      ).status,
    ).toBe(403);
    const noConditions = await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      ...decide,
      conditions: [],
      password: DEMO_PASSWORD,
    });
    expect(noConditions.status).toBe(400);
    // No outcome is ever assumed: a decision that does not state one is refused, nothing signed.
    const { outcome: _, ...unstated } = decide;
    const noOutcome = await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      ...unstated,
      password: DEMO_PASSWORD,
    });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.error.code).toBe('invalid_input');
    expect((await server.deps.db.select({ n: count() }).from(gateDecisions))[0]!.n).toBe(0);

    const leadSocket = await connectAs(server.url, 'lead@demo.jalon');
    const announced = new Promise<void>((resolve) =>
      leadSocket.on(
        APP_EVENTS.projectChanged,
        (e: { projectId: string }) => e.projectId === project.id && resolve(),
      ),
    );
    const signed = await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      ...decide,
      password: DEMO_PASSWORD,
    });
    expect(signed.status).toBe(200);
    expect(signed.body.decision).toMatchObject({
      outcome: 'conditional_go',
      stageBefore: project.stage,
      stageAfter: project.stage + 1,
      signature: { signer: { name: 'Hélène Marchand' }, meaning: 'approved as gate decision' },
    });
    await announced;
    leadSocket.close();
    expect((await as.lead!.get(`/api/projects/${project.id}`)).body.stage).toBe(project.stage + 1);
    const viewer = await peer(server.url, 'mentor@demo.jalon', docName(project.id));
    await until(viewer.doc, () =>
      readProjectDoc(viewer.doc).milestones.some((m) => m.title === 'CMC comparability report'),
    );
    viewer.close();
  });

  it('never lets a decision or a pack change, by any path', async () => {
    const again = await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      outcome: 'kill',
      rationale: 'Changed my mind',
      password: DEMO_PASSWORD,
    });
    expect(again.status).toBe(409);
    const file = await openDatabaseFile(server);
    await expect(file.execute("UPDATE gate_decisions SET outcome = 'kill'")).rejects.toThrow(/immutable/);
    await expect(file.execute('DELETE FROM gate_decisions')).rejects.toThrow(/immutable/);
    await expect(file.execute("UPDATE gate_packs SET data = '{}'")).rejects.toThrow(/immutable/);
    await expect(file.execute("UPDATE gate_reviews SET status = 'open'")).rejects.toThrow(/cannot change/);
    file.close();
    const reviews = await as.mentor!.get(`/api/projects/${project.id}/gates`);
    expect(reviews.body.reviews[0].decision.outcome).toBe('conditional_go');
    expect((await as.manager!.get('/api/audit/verify')).body.ok).toBe(true);
  });
});
