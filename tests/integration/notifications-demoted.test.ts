/**
 * A notification about a team-only comment carries an excerpt of it. A member demoted to
 * observer may no longer read team comments: their notifications stop showing those excerpts,
 * in the list and live.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayReadComment } from '../../server/comments/comments.rules.ts';
import { commit } from '../../server/db/writer.ts';
import { prepareNotifications } from '../../server/notifications/notify.ts';
import type { Notification } from '../../shared/notifications.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs } from '../support/socket.ts';

let server: TestServer;
const as: Record<string, ApiClient> = {};
const ids: Record<string, string> = {};
let project: { id: string };
let milestoneId: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['lead', 'researcher', 'mentor']) {
    as[who] = await signedIn(server.url, `${who}@demo.jalon`);
    ids[who] = (await as[who]!.get('/api/me')).body.user.id;
  }
  project = (await as.researcher!.get('/api/projects')).body.projects[0];
  const detail = await as.lead!.get(`/api/projects/${project.id}/milestones`);
  milestoneId = (detail.body.milestones ?? detail.body)[0].id;
});
afterAll(() => server?.close());

const comment = (body: string, visibility: 'team' | 'partners') =>
  as.lead!.post(`/api/projects/${project.id}/comments`, {
    milestoneId,
    body,
    visibility,
    mentions: [ids.researcher],
  });

const researcherBell = async () => {
  const reply = await as.researcher!.get('/api/notifications?limit=100');
  expect(reply.status).toBe(200);
  return reply.body as { notifications: Notification[]; unread: number };
};

describe('a member demoted to observer', () => {
  it('stops seeing team-only comment excerpts in their notifications', async () => {
    const team = await comment('Team only: the CMC comparability data look weak.', 'team');
    expect(team.status).toBe(201);
    const shared = await comment('For partners: the summary is ready.', 'partners');
    expect(shared.status).toBe(201);
    const before = await researcherBell();
    expect(JSON.stringify(before)).toContain('CMC comparability');
    const unreadBefore = before.unread;

    const demoted = await as.lead!.patch(`/api/projects/${project.id}/members/${ids.researcher}`, {
      role: 'observer',
    });
    expect(demoted.status).toBe(200);

    const after = await researcherBell();
    expect(JSON.stringify(after)).not.toContain('CMC comparability');
    expect(after.notifications.some((n) => n.subject.id === team.body.id)).toBe(false);
    // what an observer may read stays
    expect(after.notifications.some((n) => n.subject.id === shared.body.id)).toBe(true);
    expect(after.unread).toBe(unreadBefore - 1);
    expect(JSON.stringify((await as.researcher!.get('/api/notifications?unread=1')).body)).not.toContain(
      'CMC comparability',
    );
  });

  it('is not told of team comments live any more, and is told of shared ones', async () => {
    const socket: Socket = await connectAs(server.url, 'researcher@demo.jalon');
    const heard: Notification[] = [];
    socket.on(APP_EVENTS.notificationCreated, (n: Notification) => heard.push(n));
    const sharedHeard = new Promise<void>((resolve) =>
      socket.on(
        APP_EVENTS.notificationCreated,
        (n: Notification) => n.payload.excerpt?.includes('shared') && resolve(),
      ),
    );
    await comment('Team only, again: the vector supplier slipped.', 'team');
    await comment('A shared note for partners.', 'partners');
    await sharedHeard;
    socket.close();
    expect(JSON.stringify(heard)).not.toContain('vector supplier');
  });

  it('is not told live of a team comment prepared before the demotion and delivered after it', async () => {
    // the comment's notifications were prepared while the mentor was still on the team
    const prepared = await prepareNotifications(server.deps, [
      {
        type: 'mention',
        projectId: project.id,
        actorId: null,
        subject: { kind: 'comment', id: crypto.randomUUID() },
        payload: { excerpt: 'Team only: the budget is cut.' },
        recipients: [ids.mentor!, ids.lead!],
        mayReceive: (roles) => mayReadComment(roles, 'team'),
      },
    ]);
    expect(prepared.rows.map((r) => r.userId).sort()).toEqual([ids.mentor, ids.lead].sort());
    const demoted = await as.lead!.patch(`/api/projects/${project.id}/members/${ids.mentor}`, {
      role: 'observer',
    });
    expect(demoted.status).toBe(200);

    const told: string[] = [];
    const leadTold = new Promise<void>((resolve) =>
      server.deps.events.on('notification.created', ({ userId }) => {
        told.push(userId);
        if (userId === ids.lead) resolve();
      }),
    );
    await commit(server.deps.db, prepared.statements);
    prepared.publish();
    await leadTold;
    expect(told).not.toContain(ids.mentor);
    expect(JSON.stringify((await as.mentor!.get('/api/notifications')).body)).not.toContain('budget is cut');
  });
});
