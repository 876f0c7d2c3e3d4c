/**
 * An invitation's life as its inviter and its invitee live it: who may invite, list, resend
 * and withdraw (only those who manage the project's members, and cluster managers), the link's
 * refusals (expired, used, declined, replaced, the wrong account), the organisation a new
 * account joins, the status the inviter reads, and the inviter being told of the answer.
 * Every refusal is checked to have written nothing.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  notifications,
  organisationMembers,
  organisations,
  projectInvitations,
  projectMembers,
  user,
} from '../../server/db/schema/index.ts';
import { roleOn } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { bearerClient, createToken } from './api-tokens.fixtures.ts';

const DAY = 86_400_000;
let server: TestServer;
let clockOffset = 0;
let project: { id: string; title: string };
let otherProject: { id: string };
const as: Record<'lead' | 'contributor' | 'observer' | 'otherLead' | 'manager', ApiClient> = {} as never;
let activeOrg: { id: string; name: string };
let inactiveOrg: { id: string };

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + clockOffset) });
  as.lead = await signedIn(server.url, 'lead@demo.jalon');
  as.manager = await signedIn(server.url, 'manager@demo.jalon');
  const mine = (await as.lead.get('/api/projects')).body.projects as {
    id: string;
    title: string;
    myRole: string;
  }[];
  const led = mine.filter((p) => p.myRole === 'lead');
  // A project of the lead's with both a contributor and an observer on it.
  for (const p of led) {
    const members = (await as.lead.get(`/api/projects/${p.id}/members`)).body.members as {
      email: string;
      role: string;
    }[];
    const contributor = members.find((m) => m.role === 'contributor');
    const observer = members.find((m) => m.role === 'observer');
    if (contributor && observer) {
      project = p;
      as.contributor = await signedIn(server.url, contributor.email);
      as.observer = await signedIn(server.url, observer.email);
      break;
    }
  }
  expect(project, 'a demo project with a contributor and an observer').toBeDefined();
  // Another project, led by someone else, where the lead is not a member.
  const all = (await as.manager.get('/api/projects')).body.projects as { id: string }[];
  for (const p of all) {
    if (mine.some((m) => m.id === p.id)) continue;
    const members = (await as.manager.get(`/api/projects/${p.id}/members`)).body.members as {
      email: string;
      role: string;
    }[];
    const lead = members.find((m) => m.role === 'lead' && m.email !== 'lead@demo.jalon');
    if (lead) {
      otherProject = p;
      as.otherLead = await signedIn(server.url, lead.email);
      break;
    }
  }
  expect(otherProject, 'a project led by someone else').toBeDefined();
  const orgs = await server.deps.db.select().from(organisations);
  activeOrg = orgs.find((o) => !o.deactivatedAt)!;
  inactiveOrg = orgs.find((o) => o.id !== activeOrg.id)!;
  await server.deps.db
    .update(organisations)
    .set({ deactivatedAt: new Date() })
    .where(eq(organisations.id, inactiveOrg.id));
});
afterAll(() => server?.close());

/** Everything a refusal must leave as it was. */
async function snapshot() {
  const db = server.deps.db;
  return {
    invitations: await db.select().from(projectInvitations),
    members: await db.select().from(projectMembers),
    organisationMembers: await db.select().from(organisationMembers),
    users: (await db.select({ id: user.id }).from(user)).length,
    audit: (await db.select({ seq: auditEvents.seq }).from(auditEvents)).length,
    // the server's milestone scan may announce due dates at any time; only an answer to an
    // invitation is something a refused request could have written
    notifications: (
      await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(inArray(notifications.type, ['invitation_accepted', 'invitation_declined']))
    ).length,
  };
}

/** Runs a request that must be refused with `status`, and checks it wrote nothing. */
async function refused(status: number, request: () => Promise<{ status: number; body: unknown }>) {
  const before = await snapshot();
  const reply = await request();
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(await snapshot()).toEqual(before);
  return reply as { status: number; body: { error: { message: string; issues?: { path: string }[] } } };
}

async function invite(email: string, body: Record<string, unknown> = {}, by = as.lead) {
  const reply = await by.post(`/api/projects/${project.id}/members`, { email, role: 'contributor', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  const invitation = reply.body.invitation as { id: string; link: string };
  return { id: invitation.id, token: invitation.link.split('/').pop()!, invitation: reply.body.invitation };
}

const resend = (id: string, by = as.lead, projectId = project.id) =>
  by.post(`/api/projects/${projectId}/invitations/${id}/resend`);
const withdraw = (id: string, by = as.lead, projectId = project.id) =>
  by.delete(`/api/projects/${projectId}/invitations/${id}`);
const invitationsSeenBy = async (who: ApiClient) =>
  (await who.get(`/api/projects/${project.id}/members`)).body.invitations as {
    id: string;
    email: string;
    status: string;
    sendCount: number;
    invitedBy: { name: string };
  }[];

describe('who may invite and see invitations', () => {
  it('refuses contributors and observers to invite, resend, withdraw, or see any invitation', async () => {
    const { id } = await invite('seen.by.few@example.org');
    for (const who of [as.contributor, as.observer]) {
      await refused(403, () =>
        who.post(`/api/projects/${project.id}/members`, { email: 'sneaky@example.org', role: 'lead' }),
      );
      await refused(403, () => resend(id, who));
      await refused(403, () => withdraw(id, who));
      expect(await invitationsSeenBy(who)).toEqual([]);
      // the cluster-wide list is the programme office's
      await refused(403, () => who.get('/api/invitations'));
    }
    expect((await invitationsSeenBy(as.lead)).map((i) => i.email)).toContain('seen.by.few@example.org');
  });

  it('refuses another project’s lead, as if the invitation’s project did not exist to them', async () => {
    const { id } = await invite('other.lead.cannot@example.org');
    await refused(404, () => resend(id, as.otherLead));
    await refused(404, () => withdraw(id, as.otherLead));
    // nor through their own project's path
    await refused(404, () => resend(id, as.otherLead, otherProject.id));
    await refused(404, () => withdraw(id, as.otherLead, otherProject.id));
    await refused(403, () => as.otherLead.get('/api/invitations'));
  });

  it('gives the cluster-wide list to cluster managers only from a browser session', async () => {
    const { id } = await invite('listed.for.office@example.org');
    const list = (await as.manager.get('/api/invitations')).body.invitations as {
      id: string;
      project: { id: string };
      status: string;
    }[];
    expect(list.find((i) => i.id === id)).toMatchObject({ project: { id: project.id }, status: 'pending' });
    const { token } = await createToken(as.manager, { scope: 'write' });
    await refused(403, () => bearerClient(server.url, token).get('/api/invitations'));
  });
});

describe('the organisation of a new person', () => {
  it('is refused when deactivated or unknown, next to the field', async () => {
    for (const organisationId of [inactiveOrg.id, 'no-such-organisation']) {
      const reply = await refused(400, () =>
        as.lead.post(`/api/projects/${project.id}/members`, {
          email: 'with.bad.org@example.org',
          role: 'contributor',
          organisationId,
        }),
      );
      expect(reply.body.error.issues?.[0]?.path).toBe('organisationId');
    }
  });

  it('is joined in the same batch as the account created by accepting', async () => {
    const { token } = await invite('joins.org@example.org', { organisationId: activeOrg.id });
    const preview = (await new ApiClient(server.url).get(`/api/invitations/${token}`)).body;
    expect(preview).toMatchObject({ status: 'pending', organisation: activeOrg.name });
    const created = await new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
      name: 'Jo Inns',
      password: 'tulip-harbour-lantern',
    });
    expect(created.status).toBe(201);
    const members = (await as.lead.get(`/api/projects/${project.id}/members`)).body.members as {
      email: string;
      organisations: { id: string }[];
    }[];
    expect(members.find((m) => m.email === 'joins.org@example.org')?.organisations).toEqual([
      expect.objectContaining({ id: activeOrg.id }),
    ]);
  });
});

describe('a link that no longer works', () => {
  it('is refused once expired (after 7 days, not before), and says so', async () => {
    const { token } = await invite('seven.days@example.org');
    clockOffset = 6 * DAY;
    try {
      expect((await new ApiClient(server.url).get(`/api/invitations/${token}`)).body.status).toBe('pending');
      clockOffset = 7 * DAY + 1000;
      const preview = await new ApiClient(server.url).get(`/api/invitations/${token}`);
      expect(preview.body.status).toBe('expired');
      const late = await refused(404, () =>
        new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
          name: 'Late Comer',
          password: 'tulip-harbour-lantern',
        }),
      );
      expect(late.body.error.message).toMatch(/expired/);
      await refused(404, () => new ApiClient(server.url).post(`/api/invitations/${token}/decline`));
      expect(
        (await invitationsSeenBy(as.lead)).find((i) => i.email === 'seven.days@example.org')?.status,
      ).toBe('expired');
    } finally {
      clockOffset = 0;
    }
  });

  it('is refused once used', async () => {
    const { token } = await invite('used.once@example.org');
    const body = { name: 'Used Once', password: 'tulip-harbour-lantern' };
    expect((await new ApiClient(server.url).post(`/api/invitations/${token}/account`, body)).status).toBe(
      201,
    );
    await refused(404, () =>
      new ApiClient(server.url).post(`/api/invitations/${token}/account`, { ...body, name: 'Second Use' }),
    );
    await refused(404, () => new ApiClient(server.url).post(`/api/invitations/${token}/decline`));
  });

  it('is refused once declined; the decline needs no sign-in and tells the inviter', async () => {
    const { id, token } = await invite('says.no@example.org');
    const declined = await new ApiClient(server.url).post(`/api/invitations/${token}/decline`);
    expect(declined.status).toBe(204);
    expect((await new ApiClient(server.url).get(`/api/invitations/${token}`)).body.status).toBe('declined');
    const again = await refused(404, () =>
      new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
        name: 'Changed Mind',
        password: 'tulip-harbour-lantern',
      }),
    );
    expect(again.body.error.message).toMatch(/declined/);
    await refused(404, () => new ApiClient(server.url).post(`/api/invitations/${token}/decline`));
    await refused(409, () => resend(id));
    await refused(404, () => withdraw(id));
    expect(await roleOn(server, project.id, 'says.no@example.org')).toBeNull();
    // found by its kind: the milestone scan may tell the lead of a due date in between
    const mine = (await as.lead.get('/api/notifications')).body.notifications as { type: string }[];
    expect(mine.find((n) => n.type === 'invitation_declined')).toMatchObject({
      type: 'invitation_declined',
      projectId: project.id,
      payload: { email: 'says.no@example.org', role: 'contributor' },
    });
    expect((await invitationsSeenBy(as.lead)).find((i) => i.id === id)?.status).toBe('declined');
  });

  it('is refused to an account signed in with another address', async () => {
    const { token } = await invite('the.right.one@example.org');
    const wrong = await refused(403, () => as.contributor.post(`/api/invitations/${token}/accept`));
    expect(wrong.body.error.message).toMatch(/the\.right\.one@example\.org/);
  });

  it('is refused once withdrawn', async () => {
    const { id, token } = await invite('taken.back@example.org');
    expect((await withdraw(id)).status).toBe(204);
    expect((await new ApiClient(server.url).get(`/api/invitations/${token}`)).body.status).toBe('withdrawn');
    await refused(404, () => new ApiClient(server.url).post(`/api/invitations/${token}/decline`));
    await refused(409, () => resend(id));
  });
});

describe('resending', () => {
  it('replaces the link, restarts the expiry, counts the sends, and stops at five', async () => {
    const { id, token, invitation } = await invite('sent.again@example.org');
    expect(invitation).toMatchObject({
      status: 'pending',
      sendCount: 1,
      invitedBy: { name: expect.any(String) },
    });
    clockOffset = 3 * DAY;
    let latest = token;
    try {
      const reply = await resend(id);
      expect(reply.status).toBe(200);
      latest = (reply.body.invitation.link as string).split('/').pop()!;
      expect(latest).not.toBe(token);
      expect(reply.body.invitation).toMatchObject({ sendCount: 2 });
      expect(Date.parse(reply.body.invitation.expiresAt)).toBe(
        Date.parse(reply.body.invitation.lastSentAt) + 7 * DAY,
      );
      // the old link stopped working at once
      await refused(404, () =>
        new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
          name: 'Old Link',
          password: 'tulip-harbour-lantern',
        }),
      );
      expect((await new ApiClient(server.url).get(`/api/invitations/${token}`)).status).toBe(404);
      for (const count of [3, 4, 5]) {
        const again = await resend(id);
        expect(again.body.invitation.sendCount).toBe(count);
        latest = (again.body.invitation.link as string).split('/').pop()!;
      }
      const sixth = await refused(429, () => resend(id));
      expect(sixth.body.error.message).toMatch(/5 times/);
      // the fifth link still works: accepting it tells the inviter
      expect((await new ApiClient(server.url).get(`/api/invitations/${latest}`)).body.status).toBe('pending');
    } finally {
      clockOffset = 0;
    }
    expect(
      (
        await new ApiClient(server.url).post(`/api/invitations/${latest}/account`, {
          name: 'Sent Again',
          password: 'tulip-harbour-lantern',
        })
      ).status,
    ).toBe(201);
    const seen = (await invitationsSeenBy(as.lead)).find((i) => i.id === id);
    expect(seen).toMatchObject({ status: 'accepted', sendCount: 5 });
    const mine = (await as.lead.get('/api/notifications')).body.notifications as { type: string }[];
    expect(mine.find((n) => n.type === 'invitation_accepted')).toMatchObject({
      type: 'invitation_accepted',
      payload: { actor: { name: 'Sent Again' } },
    });
  });

  it('lets a cluster manager resend and withdraw on any project', async () => {
    const { id } = await invite('office.handles@example.org');
    expect((await resend(id, as.manager)).body.invitation.sendCount).toBe(2);
    expect((await withdraw(id, as.manager)).status).toBe(204);
    const list = (await as.manager.get('/api/invitations')).body.invitations as { id: string }[];
    expect(list.some((i) => i.id === id)).toBe(false);
  });
});

describe('what the inviter reads', () => {
  it('lists closed invitations for 30 days, then no longer', async () => {
    const { id } = await invite('fades.away@example.org');
    expect((await withdraw(id)).status).toBe(204);
    clockOffset = 29 * DAY;
    try {
      expect((await invitationsSeenBy(as.lead)).find((i) => i.id === id)?.status).toBe('withdrawn');
      clockOffset = 31 * DAY;
      expect((await invitationsSeenBy(as.lead)).some((i) => i.id === id)).toBe(false);
    } finally {
      clockOffset = 0;
    }
  });
});
