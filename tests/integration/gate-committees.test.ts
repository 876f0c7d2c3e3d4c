/**
 * Gate committees (chair, members, quorum, deadline, exclusion by a declared conflict of
 * interest, chair-signs and every-member-signs frameworks), Hold and Recycle as Stage-Gate
 * defines them, and a Conditional Go's conditions followed to the next gate.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateCommittees, gateDecisions, projects } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { docName, updateMilestone } from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { type GateProject, meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let leads: (GateProject & { leadOrganisation: { id: string; name: string } })[];
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['manager', 'lead', 'mentor', 'partner', 'researcher', 'platform'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  const partnerSees = new Set(
    (await as.partner!.get('/api/projects')).body.projects.map((p: { id: string }) => p.id),
  );
  // The partner's projects first: the committee's external member sits on the first one.
  leads = (await as.lead!.get('/api/projects')).body.projects
    .filter((p: { stage: number }) => p.stage < 4)
    .sort(
      (a: { id: string }, b: { id: string }) => Number(partnerSees.has(b.id)) - Number(partnerSees.has(a.id)),
    );
  expect(partnerSees.has(leads[0]!.id)).toBe(true);
  expect(leads.length).toBeGreaterThanOrEqual(3);
});
afterAll(() => server?.close());

async function userId(client: ApiClient): Promise<string> {
  return (await client.get('/api/me')).body.user.id;
}

async function openReview(project: GateProject, body?: object) {
  await meetMustCriteria(server.url, as.lead!, project);
  return as.lead!.post(`/api/projects/${project.id}/gates`, body);
}

const decision = (outcome: string, extra: object = {}) => ({
  outcome,
  rationale: 'Pre-clinical package reviewed by the committee.',
  password: DEMO_PASSWORD,
  ...extra,
});

describe('a gate committee', () => {
  let project: GateProject;
  let reviewId: string;
  const ids: Record<string, string> = {};
  const path = () => `/api/projects/${project.id}/gates/${reviewId}`;

  beforeAll(async () => {
    project = leads[0]!;
    for (const who of ['manager', 'mentor', 'partner', 'researcher', 'platform'])
      ids[who] = await userId(as[who]!);
    const opened = await openReview(project);
    expect(opened.status).toBe(201);
    reviewId = opened.body.id;
  });

  it('is set by a cluster manager only, with a manager in the chair and people of the project', async () => {
    const body = {
      chairId: ids.manager,
      memberIds: [ids.mentor, ids.partner],
      quorum: 2,
      deadline: inAWeek(),
    };
    expect((await as.lead!.put(`${path()}/committee`, body)).status).toBe(403);
    const strangerChair = await as.manager!.put(`${path()}/committee`, { ...body, chairId: ids.mentor });
    expect(strangerChair.status).toBe(400);
    expect(strangerChair.body.error.issues[0].path).toBe('chairId');
    const stranger = await as.manager!.put(`${path()}/committee`, {
      ...body,
      memberIds: [...body.memberIds, ids.platform],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toMatch(/person of this project/);
    const tooBig = await as.manager!.put(`${path()}/committee`, { ...body, quorum: 4 });
    expect(tooBig.status).toBe(400);
    const past = await as.manager!.put(`${path()}/committee`, { ...body, deadline: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);

    const set = await as.manager!.put(`${path()}/committee`, body);
    expect(set.status).toBe(200);
    expect(set.body.committee).toMatchObject({ quorum: 2, signing: 'chair', recommendationsCounted: 0 });
    expect(set.body.committee.members).toHaveLength(3);
    expect(set.body.committee.members[0]).toMatchObject({ chair: true, kind: 'manager', excludedFor: [] });
  });

  it('excludes a member who declared a conflict of interest with the project’s organisation: they cannot recommend or sign', async () => {
    const org = (await as.lead!.get(`/api/projects/${project.id}`)).body.leadOrganisation;
    const declared = await as.partner!.post('/api/me/conflicts', {
      organisationId: org.id,
      statement: 'Our company holds an option on this programme’s licence.',
    });
    expect(declared.status).toBe(200);
    expect(declared.body.conflicts[0].organisation.name).toBe(org.name);
    const view = (await as.manager!.get(`/api/projects/${project.id}/gates`)).body.reviews[0];
    const partner = view.committee.members.find(
      (m: { person: { id: string } }) => m.person.id === ids.partner,
    );
    expect(partner.excludedFor).toEqual([org.name]);

    const rec = await as.partner!.post(`${path()}/recommendation`, {
      scores: {},
      recommendation: 'go',
      rationale: 'Strong package.',
      conflictOfInterest: 'Option on the licence',
    });
    expect(rec.status).toBe(403);
    expect(rec.body.error.message).toContain(`excluded: conflict of interest with ${org.name}`);
    const sign = await as.partner!.post(`${path()}/decision`, decision('go'));
    expect(sign.status).toBe(403);
    expect(sign.body.error.message).toContain('excluded: conflict of interest');
  });

  it('refuses a non-member, recommending or signing', async () => {
    const rec = await as.researcher!.post(`${path()}/recommendation`, {
      scores: {},
      recommendation: 'go',
      rationale: 'I am on the team.',
    });
    expect(rec.status).toBe(403);
    expect(rec.body.error.message).toMatch(/not on this gate’s committee/);
    expect((await as.researcher!.post(`${path()}/decision`, decision('go'))).status).toBe(403);
  });

  it('cannot record the decision before the quorum of recommendations from members not excluded', async () => {
    const mine = await as.manager!.post(`${path()}/recommendation`, {
      scores: {},
      recommendation: 'conditional_go',
      rationale: 'Good efficacy; the potency assay is not validated.',
    });
    expect(mine.status).toBe(200);
    expect(mine.body.committee.recommendationsCounted).toBe(1);
    const early = await as.manager!.post(
      `${path()}/decision`,
      decision('conditional_go', { conditions: [{ title: 'Validate the potency assay' }] }),
    );
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Quorum not reached: 1 of the 2/);
    expect(
      await server.deps.db.select().from(gateDecisions).where(eq(gateDecisions.reviewId, reviewId)),
    ).toEqual([]);
    const theirs = await as.mentor!.post(`${path()}/recommendation`, {
      scores: {},
      recommendation: 'conditional_go',
      rationale: 'Agree, with the assay as a condition.',
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body.committee.recommendationsCounted).toBe(2);
  });

  it('has the chair sign under a chair-signs framework: a member may not', async () => {
    const member = await as.mentor!.post(
      `${path()}/decision`,
      decision('conditional_go', { conditions: [{ title: 'Validate the potency assay' }] }),
    );
    expect(member.status).toBe(403);
    expect(member.body.error.message).toMatch(/The chair signs/);
  });

  it('refuses recommendations and signatures after the deadline', async () => {
    const [row] = await server.deps.db
      .select()
      .from(gateCommittees)
      .where(eq(gateCommittees.reviewId, reviewId));
    await server.deps.db
      .update(gateCommittees)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(gateCommittees.reviewId, reviewId));
    const late = await as.mentor!.post(`${path()}/recommendation`, {
      scores: {},
      recommendation: 'go',
      rationale: 'Changed my mind.',
    });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toMatch(/deadline .* has passed/);
    expect((await as.manager!.post(`${path()}/decision`, decision('go'))).status).toBe(403);
    await server.deps.db
      .update(gateCommittees)
      .set({ deadline: row!.deadline })
      .where(eq(gateCommittees.reviewId, reviewId));
  });

  it('under an every-member-signs framework, stays pending with no effect until every member not excluded signed', async () => {
    expect(
      (await as.lead!.put(`/api/frameworks/${project.track}/gate-signing`, { signing: 'all' })).status,
    ).toBe(403);
    const setting = await as.manager!.put(`/api/frameworks/${project.track}/gate-signing`, {
      signing: 'all',
    });
    expect(setting.status).toBe(200);
    const body = decision('conditional_go', {
      conditions: [
        { title: 'Validate the potency assay', due: '2027-06-30' },
        { title: 'Confirm GMP vector supply', due: '2027-09-30' },
      ],
    });
    const memberFirst = await as.mentor!.post(`${path()}/decision`, body);
    expect(memberFirst.status).toBe(409);
    expect(memberFirst.body.error.message).toMatch(/chair states the decision/);

    const chair = await as.manager!.post(`${path()}/decision`, body);
    expect(chair.status).toBe(200);
    expect(chair.body).toMatchObject({ status: 'open', decision: null });
    expect(chair.body.pendingDecision).toMatchObject({
      outcome: 'conditional_go',
      awaiting: [{ id: ids.mentor }],
    });
    const [stillThere] = await server.deps.db.select().from(projects).where(eq(projects.id, project.id));
    expect(stillThere!.stage).toBe(project.stage);
    expect((await as.manager!.post(`${path()}/decision`, body)).status).toBe(409);
    expect((await as.partner!.post(`${path()}/decision`, body)).status).toBe(403);

    const other = await as.mentor!.post(`${path()}/decision`, { ...body, outcome: 'go' });
    expect(other.status).toBe(409);
    const last = await as.mentor!.post(`${path()}/decision`, body);
    expect(last.status).toBe(200);
    expect(last.body.status).toBe('decided');
    expect(last.body.decision.outcome).toBe('conditional_go');
    expect(last.body.decision.stageAfter).toBe(project.stage + 1);
    expect(last.body.decision.cosigners.map((s: { signer: { id: string } }) => s.signer.id).sort()).toEqual(
      [ids.manager, ids.mentor].sort(),
    );
    await as.manager!.put(`/api/frameworks/${project.track}/gate-signing`, { signing: 'chair' });
  });

  it('links the decision to its condition milestones, and the next gate shows them and needs an explanation while one is open', async () => {
    const reviews = () => as.lead!.get(`/api/projects/${project.id}/gates`);
    await expect
      .poll(async () =>
        (await reviews()).body.reviews[0].decision.milestones.map((m: { status: string }) => m.status),
      )
      .toEqual(['planned', 'planned']);
    const linked = (await reviews()).body.reviews[0].decision.milestones;
    expect(linked.map((m: { title: string }) => m.title)).toEqual([
      'Validate the potency assay',
      'Confirm GMP vector supply',
    ]);
    // one condition done, one still open
    const editor = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    updateMilestone(editor.doc, linked[0].id, { status: 'done' }, 'lead');
    await editor.provider.whenSaved();
    editor.close();

    const next = { ...project, stage: project.stage + 1 };
    const refused = await openReview(next);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/1 milestones of the previous gate decision are still open/);
    expect(refused.body.error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Confirm GMP vector supply',
    ]);
    const explanation = 'The vector supplier’s audit is booked; the gate cannot wait for it.';
    expect((await as.researcher!.post(`/api/projects/${project.id}/gates`, { explanation })).status).toBe(
      403,
    );
    const requested = await as.lead!.post(`/api/projects/${project.id}/gates`, { explanation });
    expect(requested.status).toBe(201);
    expect(requested.body.openConditionsExplanation).toBe(explanation);
    await expect
      .poll(async () =>
        (await reviews()).body.reviews[0].previousConditions.map((m: { title: string; status: string }) => [
          m.title,
          m.status,
        ]),
      )
      .toEqual([
        ['Validate the potency assay', 'done'],
        ['Confirm GMP vector supply', 'planned'],
      ]);
  });
});

describe('Hold and Recycle', () => {
  it('Hold needs a review date, parks the project and shows "on hold until" in the portfolio', async () => {
    const project = leads[1]!;
    const opened = await openReview(project);
    expect(opened.status).toBe(201);
    const path = `/api/projects/${project.id}/gates/${opened.body.id}/decision`;
    const noDate = await as.manager!.post(path, decision('hold'));
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.issues[0].path).toBe('reviewDate');
    const held = await as.manager!.post(path, decision('hold', { reviewDate: '2027-09-15' }));
    expect(held.status).toBe(200);
    expect(held.body.decision).toMatchObject({
      outcome: 'hold',
      reviewDate: '2027-09-15',
      stageAfter: project.stage,
    });
    const card = (await as.lead!.get('/api/projects')).body.projects.find(
      (p: { id: string }) => p.id === project.id,
    );
    expect(card).toMatchObject({ onHoldUntil: '2027-09-15', stage: project.stage });
  });

  it('Recycle needs its deficiencies, which become milestones of the same stage linked to the decision', async () => {
    const project = leads[2]!;
    const opened = await openReview(project);
    expect(opened.status).toBe(201);
    const path = `/api/projects/${project.id}/gates/${opened.body.id}/decision`;
    const none = await as.manager!.post(path, decision('recycle'));
    expect(none.status).toBe(400);
    expect(none.body.error.issues[0].path).toBe('deficiencies');
    const tooMany = await as.manager!.post(
      path,
      decision('recycle', { deficiencies: Array.from({ length: 21 }, (_, i) => ({ title: `Gap ${i}` })) }),
    );
    expect(tooMany.status).toBe(400);
    const recycled = await as.manager!.post(
      path,
      decision('recycle', {
        deficiencies: [
          { title: 'Repeat the tox study in a second species', due: '2027-04-30' },
          { title: 'Complete the freedom-to-operate analysis', due: null },
        ],
      }),
    );
    expect(recycled.status).toBe(200);
    expect(recycled.body.decision).toMatchObject({ outcome: 'recycle', stageAfter: project.stage });
    await expect
      .poll(async () =>
        (await as.lead!.get(`/api/projects/${project.id}/gates`)).body.reviews[0].decision.milestones.map(
          (m: { title: string; status: string }) => `${m.title}: ${m.status}`,
        ),
      )
      .toEqual([
        'Repeat the tox study in a second species: planned',
        'Complete the freedom-to-operate analysis: planned',
      ]);
    const milestones = (await as.lead!.get(`/api/projects/${project.id}/milestones`)).body;
    expect(JSON.stringify(milestones)).toContain('Repeat the tox study in a second species');
  });
});
