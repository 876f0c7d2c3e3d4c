import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestones } from '../../server/db/schema/index.ts';
import { docName } from '../../shared/doc/index.ts';
import { APP_EVENTS, DOC_EVENTS } from '../../shared/protocol/index.ts';
import type { Comment } from '../../shared/schemas/comments.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, emitWithAck } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let projectId: string;
let milestoneId: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['lead', 'researcher', 'mentor', 'partner', 'manager'])
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  projectId = (await as.partner!.get('/api/projects')).body.projects[0].id;
  const [m] = await server.deps.db
    .select()
    .from(milestones)
    .where(eq(milestones.projectId, projectId))
    .limit(1);
  milestoneId = m!.id;
});
afterAll(() => server?.close());

describe('comments', () => {
  it('a mentor comments; the lead sees it live; the partner never receives a team comment', async () => {
    const leadSocket = await connectAs(server.url, 'lead@demo.jalon');
    const partnerSocket = await connectAs(server.url, 'partner@demo.jalon');
    for (const s of [leadSocket, partnerSocket])
      expect((await emitWithAck(s, DOC_EVENTS.join, docName(projectId))).ok).toBe(true);
    const partnerGot: Comment[] = [];
    partnerSocket.on(APP_EVENTS.commentChanged, (c: Comment) => partnerGot.push(c));
    const leadSees = new Promise<Comment>((resolve) => leadSocket.on(APP_EVENTS.commentChanged, resolve));

    const team = await as.mentor!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'The GLP tox plan needs a second species.',
      visibility: 'team',
    });
    expect(team.status).toBe(201);
    expect((await leadSees).id).toBe(team.body.id);

    const partners = await as.lead!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'Shared with our industrial partner.',
      visibility: 'partners',
    });
    expect(partners.status).toBe(201);
    // the partner's socket receives the partners comment, and by then has received nothing else
    await new Promise<void>((resolve) => {
      const check = () => partnerGot.some((c) => c.id === partners.body.id) && resolve();
      check();
      partnerSocket.on(APP_EVENTS.commentChanged, check);
    });
    expect(partnerGot.map((c) => c.id)).toEqual([partners.body.id]);
    const listed = (await as.partner!.get(`/api/projects/${projectId}/comments`)).body.comments as Comment[];
    expect(listed.every((c) => c.visibility === 'partners')).toBe(true);
    expect(listed.map((c) => c.id)).toContain(partners.body.id);
    expect(listed.map((c) => c.id)).not.toContain(team.body.id);
    const leadList = (await as.lead!.get(`/api/projects/${projectId}/comments?milestoneId=${milestoneId}`))
      .body.comments;
    expect(leadList.map((c: Comment) => c.id)).toEqual(
      expect.arrayContaining([team.body.id, partners.body.id]),
    );
    leadSocket.close();
    partnerSocket.close();
  });

  it('replies take their thread’s visibility; threads resolve and reopen; observers cannot comment', async () => {
    const thread = await as.researcher!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'Thread',
      visibility: 'team',
    });
    const reply = await as.mentor!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'Reply',
      visibility: 'partners',
      parentId: thread.body.id,
    });
    expect(reply.body).toMatchObject({ parentId: thread.body.id, visibility: 'team' });
    const resolved = await as.lead!.patch(`/api/projects/${projectId}/comments/${thread.body.id}`, {
      resolved: true,
    });
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: { name: 'Claire Dubois' } });
    expect(
      (await as.mentor!.patch(`/api/projects/${projectId}/comments/${thread.body.id}`, { resolved: false }))
        .body.resolved,
    ).toBe(false);
    const observer = await as.partner!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'Hello',
      visibility: 'partners',
    });
    expect(observer.status).toBe(403);
    // a team thread does not exist for the observer
    expect(
      (await as.partner!.patch(`/api/projects/${projectId}/comments/${thread.body.id}`, { resolved: true }))
        .status,
    ).toBe(404);
  });

  it('mentions must name project members; bad bodies are refused', async () => {
    const members = (await as.lead!.get(`/api/projects/${projectId}/members`)).body.members as {
      userId: string;
      role: string;
    }[];
    const mentor = members.find((m) => m.role === 'mentor')!;
    const ok = await as.lead!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: '@Sophie please review',
      mentions: [mentor.userId],
    });
    expect(ok.body.mentions[0].name).toBe('Dr. Sophie Laurent');
    const stranger = await as.lead!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'x',
      mentions: [crypto.randomUUID()],
    });
    expect(stranger.status).toBe(400);
    expect(
      (await as.lead!.post(`/api/projects/${projectId}/comments`, { milestoneId, body: '   ' })).status,
    ).toBe(400);
    expect(
      (await as.lead!.post(`/api/projects/${projectId}/comments`, { milestoneId: 'nope', body: 'x' })).status,
    ).toBe(400);
  });
});

describe('portfolio and search', () => {
  it('lists health and readiness with each project', async () => {
    const p = (await as.lead!.get('/api/projects')).body.projects[0];
    expect(p.health.total).toBeGreaterThan(0);
    expect(p.health.total).toBeGreaterThanOrEqual(p.health.done + p.health.atRisk + p.health.blocked);
    expect(Object.keys(p.readiness)).toHaveLength(9);
  });

  it('finds accented words typed without accents, and only in visible projects', async () => {
    const [m] = await server.deps.db
      .select()
      .from(milestones)
      .where(eq(milestones.projectId, projectId))
      .limit(1);
    // give a visible milestone an accented word through the projection table's search trigger
    await server.deps.db
      .update(milestones)
      .set({ title: 'Revue de sécurité du lot clinique' })
      .where(eq(milestones.id, m!.id));
    const hits = (await as.partner!.get('/api/search?q=securite')).body.hits;
    expect(hits.some((h: { id: string }) => h.id === m!.id)).toBe(true);
    const reverse = (await as.partner!.get(`/api/search?q=${encodeURIComponent('sécu')}`)).body.hits;
    expect(reverse.some((h: { id: string }) => h.id === m!.id)).toBe(true);
    // The index follows renames exactly: the old words go, the row is indexed once, and a
    // change that leaves the text alone leaves the index alone.
    const oldWord = m!.title.split(/\s+/).find((w) => w.length > 4 && !/sécurité|lot|clinique/i.test(w));
    if (oldWord) {
      const stale = (await as.partner!.get(`/api/search?q=${encodeURIComponent(oldWord)}`)).body.hits;
      expect(stale.some((h: { id: string }) => h.id === m!.id)).toBe(false);
    }
    await server.deps.db.update(milestones).set({ status: 'at_risk' }).where(eq(milestones.id, m!.id));
    const again = (await as.partner!.get('/api/search?q=securite')).body.hits;
    expect(again.filter((h: { id: string }) => h.id === m!.id)).toHaveLength(1);
    const hidden = (await as.manager!.get('/api/projects')).body.projects.find(
      (p: { id: string }) => !['lead'].includes(p.id) && p.id !== projectId,
    );
    const [other] = await server.deps.db
      .select()
      .from(milestones)
      .where(eq(milestones.projectId, hidden.id))
      .limit(1);
    await server.deps.db
      .update(milestones)
      .set({ title: 'Zyxwvut confidentiel' })
      .where(eq(milestones.id, other!.id));
    const visibleToPartner = new Set(
      (await as.partner!.get('/api/projects')).body.projects.map((p: { id: string }) => p.id),
    );
    const partnerHits = (await as.partner!.get('/api/search?q=zyxwvut')).body.hits;
    expect(partnerHits.every((h: { projectId: string }) => visibleToPartner.has(h.projectId))).toBe(true);
    if (!visibleToPartner.has(hidden.id)) expect(partnerHits).toEqual([]);
    expect((await as.manager!.get('/api/search?q=zyxwvut')).body.hits).toHaveLength(1);
    expect((await as.partner!.get('/api/search?q=%22%29%20OR%20*')).status).toBe(200);
  });

  it('announces project changes to those who may see the project', async () => {
    const lead = await connectAs(server.url, 'lead@demo.jalon');
    const partner = await connectAs(server.url, 'partner@demo.jalon');
    const leadProjects = (await as.lead!.get('/api/projects')).body.projects as { id: string }[];
    const partnerSees = new Set(
      (await as.partner!.get('/api/projects')).body.projects.map((p: { id: string }) => p.id),
    );
    const unseen = leadProjects.find((p) => !partnerSees.has(p.id))!;
    const partnerGot: string[] = [];
    partner.on(APP_EVENTS.projectChanged, (e: { projectId: string }) => partnerGot.push(e.projectId));
    const leadGot = new Promise<string>((resolve) =>
      lead.on(APP_EVENTS.projectChanged, (e: { projectId: string }) => resolve(e.projectId)),
    );
    await as.lead!.patch(`/api/projects/${unseen.id}`, { summary: 'Changed live' });
    expect(await leadGot).toBe(unseen.id);
    // a change the partner may see arrives after; the unseen one never did
    const seen = [...partnerSees][0] as string;
    const partnerNext = new Promise<void>((resolve) =>
      partner.on(APP_EVENTS.projectChanged, (e: { projectId: string }) => e.projectId === seen && resolve()),
    );
    await as.lead!.patch(`/api/projects/${seen}`, { summary: 'Partner can see this' });
    await partnerNext;
    expect(partnerGot).not.toContain(unseen.id);
    lead.close();
    partner.close();
  });
});
