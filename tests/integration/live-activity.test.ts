/**
 * Who hears what, live, and what "Updated" each viewer reads (issue 25, points 3 and 5): a
 * service request's changes reach its requester and its handling team wherever they are, and
 * never a person who may not see the request; a project's "Updated" and its place in the
 * portfolio follow comments, requests and document edits, and a team comment moves them only for
 * those who may read it.
 */
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestones } from '../../server/db/schema/index.ts';
import { docName, updateMilestone } from '../../shared/doc/index.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, peer } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
let vct201: string;

const who = {
  manager: 'manager@demo.jalon',
  lead: 'lead@demo.jalon',
  mentor: 'mentor@demo.jalon',
  partner: 'partner@demo.jalon',
  platform: 'platform@demo.jalon',
  outsider: 'julien.moreau@demo.jalon',
};

type Portfolio = { id: string; title: string; updatedAt: string; myRole: string | null }[];
const portfolio = async (name: keyof typeof who): Promise<Portfolio> =>
  (await as[name]!.get('/api/projects')).body.projects;
const updatedAt = async (name: keyof typeof who, projectId: string) =>
  (await portfolio(name)).find((p) => p.id === projectId)?.updatedAt;

/** Every event of `name` the socket receives from now, and a wait for one that matches. */
function record<T>(socket: Socket, name: string) {
  const got: T[] = [];
  const waiters: { match: (e: T) => boolean; resolve: (e: T) => void }[] = [];
  socket.on(name, (e: T) => {
    got.push(e);
    for (const w of [...waiters])
      if (w.match(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
  });
  return {
    got,
    next: (match: (e: T) => boolean) =>
      new Promise<T>((resolve) => {
        const found = got.find(match);
        if (found) resolve(found);
        else waiters.push({ match, resolve });
      }),
  };
}

const firstMilestone = async (projectId: string) =>
  (await server.deps.db.select().from(milestones).where(eq(milestones.projectId, projectId)).limit(1))[0]!;

beforeAll(async () => {
  server = await startTestServer();
  for (const [key, email] of Object.entries(who)) as[key] = await signedIn(server.url, email);
  vct201 = (await portfolio('lead')).find((p) => p.title.startsWith('VCT-201'))!.id;
});
afterAll(() => server?.close());

describe('a service request, live', () => {
  it('reaches the requester and the handling team on any page, and nobody who may not see it', async () => {
    const [lead, platform, outsider] = await Promise.all([
      connectAs(server.url, who.lead),
      connectAs(server.url, who.platform),
      connectAs(server.url, who.outsider),
    ]);
    type Change = { projectId: string; requestId: string };
    const leadHears = record<Change>(lead, APP_EVENTS.serviceRequestChanged);
    const platformHears = record<Change>(platform, APP_EVENTS.serviceRequestChanged);
    const outsiderHears = record<Change>(outsider, APP_EVENTS.serviceRequestChanged);
    const outsiderProjects = record<{ projectId: string }>(outsider, APP_EVENTS.projectChanged);
    // The outsider sees neither the project nor the service's requests.
    expect((await portfolio('outsider')).some((p) => p.id === vct201)).toBe(false);

    const slot = (await as.lead!.get('/api/services')).body.services.find(
      (s: { slug: string }) => s.slug === 'cell-therapy-production-slot',
    );
    const filed = await as.lead!.post(`/api/projects/${vct201}/service-requests`, {
      serviceId: slot.id,
      answers: {
        product: 'Live check',
        lot_purpose: 'engineering_run',
        batches: 1,
        wished_date: '2027-03-01',
      },
    });
    expect(filed.status).toBe(201);
    const requestId = filed.body.id as string;
    const isIt = (e: Change) => e.requestId === requestId;
    // The handler, on no project's page, hears of the new request: their queue reloads.
    expect(await platformHears.next(isIt)).toEqual({ projectId: vct201, requestId });
    await leadHears.next(isIt);

    const moved = await as.platform!.patch(`/api/service-requests/${requestId}`, { status: 'in_review' });
    expect(moved.status).toBe(200);
    // The requester, on no project's room, hears of the move: their request page reloads.
    await new Promise<void>((resolve) => {
      const check = () => leadHears.got.filter(isIt).length >= 2 && resolve();
      check();
      lead.on(APP_EVENTS.serviceRequestChanged, check);
    });
    await platformHears.next((e) => isIt(e) && platformHears.got.filter(isIt).length >= 2);

    // Then something the outsider does hear (a change to their own project): whatever the server
    // had sent them before it has arrived by then, and it holds nothing about the request.
    const own = (await portfolio('outsider')).find((p) => p.myRole === 'lead')!;
    expect((await as.outsider!.patch(`/api/projects/${own.id}`, { summary: 'A new summary.' })).status).toBe(
      200,
    );
    await outsiderProjects.next((e) => e.projectId === own.id);
    expect(outsiderHears.got).toEqual([]);
    expect((await as.outsider!.get(`/api/service-requests/${requestId}`)).status).toBe(404);
    for (const s of [lead, platform, outsider]) s.close();
  });
});

describe('a project’s "Updated", for each viewer', () => {
  it('moves with a request and a document edit, and the project comes first in the portfolio', async () => {
    const before = await portfolio('lead');
    const last = before.at(-1)!;
    expect(before[0]!.id).not.toBe(last.id);

    const leadId = (await as.lead!.get('/api/me')).body.user.id as string;
    const milestone = await firstMilestone(last.id);
    const edit = await peer(server.url, who.lead, docName(last.id));
    const editedAt = Date.now();
    const status = milestone.status === 'blocked' ? 'in_progress' : 'blocked';
    updateMilestone(edit.doc, milestone.id, { status }, leadId);
    await edit.provider.whenSaved();
    // Projected within a second, with its audit entries: then it is the lead's latest project.
    await expect.poll(async () => (await portfolio('lead'))[0]!.id, { timeout: 5000 }).toBe(last.id);
    const after = (await portfolio('lead'))[0]!;
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(editedAt);
    // Every viewer of the document sees it: the observer's portfolio too, when on the project.
    const observer = (await portfolio('partner')).find((p) => p.id === last.id);
    if (observer) expect(observer.updatedAt).toBe(after.updatedAt);
    edit.close();
  });

  it('a team comment moves it for the team, not for an observer, who hears nothing of it', async () => {
    const [leadSocket, partnerSocket] = await Promise.all([
      connectAs(server.url, who.lead),
      connectAs(server.url, who.partner),
    ]);
    const shared = (await portfolio('partner')).map((p) => p.id).filter((id) => id !== vct201);
    const projectId = shared[0] ?? vct201;
    const leadHears = record<{ projectId: string }>(leadSocket, APP_EVENTS.projectChanged);
    const partnerHears = record<{ projectId: string }>(partnerSocket, APP_EVENTS.projectChanged);
    const partnerBefore = await updatedAt('partner', projectId);
    const milestoneId = (await firstMilestone(projectId)).id;

    const team = await as.mentor!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'Internal: the CMC plan needs a second site.',
      visibility: 'team',
    });
    expect(team.status).toBe(201);
    await leadHears.next((e) => e.projectId === projectId);
    expect(await updatedAt('lead', projectId)).toBe(team.body.createdAt);
    expect(await updatedAt('mentor', projectId)).toBe(team.body.createdAt);
    expect(await updatedAt('partner', projectId)).toBe(partnerBefore);

    const partners = await as.lead!.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'Shared with our industrial partner: the second site is chosen.',
      visibility: 'partners',
    });
    expect(partners.status).toBe(201);
    await partnerHears.next((e) => e.projectId === projectId);
    // The one change the partner heard of is the one they may read.
    expect(partnerHears.got).toHaveLength(1);
    expect(await updatedAt('partner', projectId)).toBe(partners.body.createdAt);
    leadSocket.close();
    partnerSocket.close();
  });
});
