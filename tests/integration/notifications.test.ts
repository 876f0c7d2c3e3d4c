/**
 * Notifications: who hears of a comment, a gate, a new member or a milestone at risk or overdue,
 * live and in the bell; preferences and read marks; the weekly digest, on screen and by e-mail.
 */
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { digestDeliveries, milestones, notifications } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { type MailMessage, smtpTransport } from '../../server/mail/transport.ts';
import { sendWeeklyDigests } from '../../server/notifications/digest-mailer.ts';
import { isoWeekOf } from '../../server/notifications/iso-week.ts';
import { scanMilestoneAlerts } from '../../server/notifications/milestone-alerts.ts';
import { docName, updateMilestone } from '../../shared/doc/index.ts';
import type { Notification, NotificationPage } from '../../shared/notifications.ts';
import { createAccount } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectAs, peer } from '../support/socket.ts';
import { decodeQuotedPrintable, fakeSmtpServer, nextNotification } from './notifications.fixtures.ts';

const DAY = 86_400_000;
let server: TestServer;
/** moves the server's clock (deps.clock) forward, for the overdue scan */
let clockOffset = 0;
const as: Record<string, ApiClient> = {};
let project: { id: string; stage: number; track: string; title: string };
const ids: Record<string, string> = {};
/** milestones of the project owned by the researcher, not done, due in the future */
let owned: { id: string; title: string; due: string }[];

const people = ['lead', 'researcher', 'mentor', 'partner', 'manager'] as const;

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + clockOffset) });
  for (const who of people) as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  as.julien = await signedIn(server.url, 'julien.moreau@demo.jalon');
  for (const who of [...people, 'julien']) ids[who] = (await as[who]!.get('/api/me')).body.user.id;
  project = (await as.partner!.get('/api/projects')).body.projects.find(
    (p: { stage: number }) => p.stage < 5,
  );
  const today = new Date().toISOString().slice(0, 10);
  owned = (
    await server.deps.db
      .select({ id: milestones.id, title: milestones.title, due: milestones.due })
      .from(milestones)
      .where(
        and(
          eq(milestones.projectId, project.id),
          eq(milestones.ownerId, ids.researcher!),
          ne(milestones.status, 'done'),
          ne(milestones.status, 'at_risk'),
        ),
      )
  )
    .filter((m): m is { id: string; title: string; due: string } => !!m.due && m.due > today)
    .sort((a, b) => a.due.localeCompare(b.due));
  expect(owned.length).toBeGreaterThanOrEqual(2);
});
afterAll(() => server?.close());

async function bell(who: string): Promise<NotificationPage> {
  const reply = await as[who]!.get('/api/notifications?limit=100');
  expect(reply.status).toBe(200);
  return reply.body;
}

async function about(who: string, subjectId: string): Promise<Notification[]> {
  return (await bell(who)).notifications.filter((n) => n.subject.id === subjectId);
}

describe('notifications', () => {
  let teamCommentId: string;

  it('a comment notifies whom it mentions and the milestone owner, live, and nobody else', async () => {
    const researcher = await connectAs(server.url, 'researcher@demo.jalon');
    const milestone = owned[0]!;
    const heard = nextNotification(researcher, (n) => n.type === 'milestone_comment');
    const team = await as.lead!.post(`/api/projects/${project.id}/comments`, {
      milestoneId: milestone.id,
      body: '@Dr. Sophie Laurent @Thomas Weber the GLP tox plan needs a second species.',
      visibility: 'team',
      mentions: [ids.mentor, ids.partner],
    });
    expect(team.status).toBe(201);
    teamCommentId = team.body.id;

    const live = await heard;
    expect(live).toMatchObject({
      type: 'milestone_comment',
      projectId: project.id,
      subject: { kind: 'comment', id: teamCommentId },
      payload: { actor: { name: 'Claire Dubois' }, milestone: { id: milestone.id, title: milestone.title } },
      readAt: null,
    });
    expect(live.payload.excerpt).toContain('GLP tox plan');
    researcher.close();

    // the mentor was mentioned; the observer was too, but may not read a team comment
    expect((await about('mentor', teamCommentId)).map((n) => n.type)).toEqual(['mention']);
    expect(await about('partner', teamCommentId)).toEqual([]);
    expect(await about('lead', teamCommentId)).toEqual([]);
    expect(await about('julien', teamCommentId)).toEqual([]);
    expect(await about('manager', teamCommentId)).toEqual([]);

    // a comment shared with partners does reach the observer it mentions
    const shared = await as.lead!.post(`/api/projects/${project.id}/comments`, {
      milestoneId: milestone.id,
      body: '@Thomas Weber the shared summary is ready.',
      visibility: 'partners',
      mentions: [ids.partner],
    });
    expect((await about('partner', shared.body.id)).map((n) => n.type)).toEqual(['mention']);
  });

  it('a gate request reaches the programme office and the team; its decision reaches everyone on the project', async () => {
    await meetMustCriteria(server.url, as.lead!, project);

    const manager = await connectAs(server.url, 'manager@demo.jalon');
    const managerHears = nextNotification(manager, (n) => n.type === 'gate_requested');
    const requested = await as.lead!.post(`/api/projects/${project.id}/gates`);
    expect(requested.status).toBe(201);
    const reviewId = requested.body.id as string;
    expect(await managerHears).toMatchObject({
      subject: { kind: 'gate_review', id: reviewId },
      payload: { projectTitle: project.title, stageIndex: project.stage, actor: { name: 'Claire Dubois' } },
    });
    manager.close();
    for (const who of ['researcher', 'mentor'])
      expect((await about(who, reviewId)).map((n) => n.type)).toEqual(['gate_requested']);
    expect(await about('partner', reviewId)).toEqual([]);
    expect(await about('lead', reviewId)).toEqual([]);

    const decided = await as.manager!.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
      outcome: 'go',
      rationale: 'Every must-meet criterion is evidenced.',
      password: DEMO_PASSWORD,
    });
    expect(decided.status).toBe(200);
    for (const who of ['lead', 'researcher', 'mentor', 'partner']) {
      const got = (await about(who, reviewId)).filter((n) => n.type === 'gate_decided');
      expect(got, who).toHaveLength(1);
      expect(got[0]!.payload.outcome).toBe('go');
    }
    expect((await about('manager', reviewId)).map((n) => n.type)).toEqual(['gate_requested']);
    expect(await about('julien', reviewId)).toEqual([]);
  });

  it('someone added to a project hears of it live, with who added them and their role', async () => {
    const julien = await connectAs(server.url, 'julien.moreau@demo.jalon');
    const heard = nextNotification(julien, (n) => n.type === 'project_added');
    const added = await as.lead!.post(`/api/projects/${project.id}/members`, {
      email: 'julien.moreau@demo.jalon',
      role: 'observer',
    });
    expect(added.status).toBe(201);
    expect(await heard).toMatchObject({
      projectId: project.id,
      subject: { kind: 'project', id: project.id },
      payload: { actor: { name: 'Claire Dubois' }, projectTitle: project.title, role: 'observer' },
    });
    julien.close();
    // and, now an observer, still never hears of the earlier team comment
    expect(await about('julien', teamCommentId)).toEqual([]);
  });

  it('accepting an invitation tells the newcomer who added them', async () => {
    const invited = await as.lead!.post(`/api/projects/${project.id}/members`, {
      email: 'newcomer@example.org',
      role: 'contributor',
    });
    const token = (invited.body.invitation.link as string).split('/').pop()!;
    const newcomer = new ApiClient(server.url);
    await createAccount(server, {
      name: 'New Comer',
      email: 'newcomer@example.org',
      password: 'tulip-harbour-lantern',
    });
    await newcomer.signIn('newcomer@example.org', 'tulip-harbour-lantern');
    expect((await newcomer.get('/api/notifications')).body.notifications).toEqual([]);
    expect((await newcomer.get('/api/me/digest')).body).toMatchObject({ projects: 0, changes: 0 });
    expect((await newcomer.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    const page = (await newcomer.get('/api/notifications')).body as NotificationPage;
    expect(page.unread).toBe(1);
    expect(page.notifications[0]).toMatchObject({
      type: 'project_added',
      payload: { actor: { name: 'Claire Dubois' }, role: 'contributor', projectTitle: project.title },
    });
  });

  it('preferences turn a type off; unknown types are refused', async () => {
    const off = await as.mentor!.request('PUT', '/api/notifications/preferences', {
      types: { mention: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.types).toMatchObject({ mention: false, gate_decided: true });
    expect(off.body.emailAvailable).toBe(false);
    const comment = await as.lead!.post(`/api/projects/${project.id}/comments`, {
      milestoneId: owned[0]!.id,
      body: '@Dr. Sophie Laurent do you agree?',
      mentions: [ids.mentor],
    });
    expect(comment.status).toBe(201);
    expect(await about('mentor', comment.body.id)).toEqual([]);
    expect((await as.mentor!.get('/api/notifications/preferences')).body.types.mention).toBe(false);

    const bad = await as.mentor!.request('PUT', '/api/notifications/preferences', {
      types: { gossip: true },
    });
    expect(bad.status).toBe(400);
    const on = await as.mentor!.request('PUT', '/api/notifications/preferences', {
      types: { mention: true },
    });
    expect(on.body.types.mention).toBe(true);
  });

  it('marks one read, then all; pages; never touches someone else’s', async () => {
    const before = await bell('mentor');
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const first = before.notifications[0]!;
    const stranger = await as.researcher!.post('/api/notifications/read', { ids: [first.id] });
    expect(stranger.body.marked).toBe(0);
    expect((await bell('mentor')).unread).toBe(before.unread);

    const one = await as.mentor!.post('/api/notifications/read', { ids: [first.id] });
    expect(one.body).toEqual({ marked: 1, unread: before.unread - 1 });
    expect((await bell('mentor')).notifications.find((n) => n.id === first.id)!.readAt).not.toBeNull();
    const unreadOnly = (await as.mentor!.get('/api/notifications?unread=1')).body as NotificationPage;
    expect(unreadOnly.notifications.map((n) => n.id)).not.toContain(first.id);

    const page1 = (await as.mentor!.get('/api/notifications?limit=1')).body as NotificationPage;
    expect(page1.nextBefore).not.toBeNull();
    const page2 = (await as.mentor!.get(`/api/notifications?limit=1&before=${page1.nextBefore}`))
      .body as NotificationPage;
    expect(page2.notifications[0]!.id).not.toBe(page1.notifications[0]!.id);
    expect((await as.mentor!.get('/api/notifications?before=nonsense')).status).toBe(400);

    const all = await as.mentor!.post('/api/notifications/read', { all: true });
    expect(all.body).toEqual({ marked: before.unread - 1, unread: 0 });
    expect((await as.mentor!.post('/api/notifications/read', { ids: [] })).status).toBe(400);
  });

  it('a milestone marked at risk notifies its owner live, not the person who marked it', async () => {
    const milestone = owned[1]!;
    const researcher = await connectAs(server.url, 'researcher@demo.jalon');
    const heard = nextNotification(
      researcher,
      (n) => n.type === 'milestone_at_risk' && n.subject.id === milestone.id,
    );
    const lead = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    updateMilestone(lead.doc, milestone.id, { status: 'at_risk' }, ids.lead!);
    await lead.provider.whenSaved();
    expect(await heard).toMatchObject({
      subject: { kind: 'milestone', id: milestone.id },
      payload: { milestone: { title: milestone.title }, projectTitle: project.title },
    });
    researcher.close();
    lead.close();
    expect((await about('lead', milestone.id)).filter((n) => n.type === 'milestone_at_risk')).toEqual([]);
    expect(await about('partner', milestone.id)).toEqual([]);
  });

  it('a team member’s digest holds the week’s comments, gates and stages', async () => {
    const team = await as.researcher!.get('/api/me/digest');
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ week: isoWeekOf(new Date()), locale: 'en', audience: 'team' });
    expect(team.body.html).toContain('<html lang="en">');
    expect(team.body.html).toContain('GLP tox plan needs a second species');
    expect(team.body.html).toContain('Gate decision: Go');
    expect(team.body.html).toContain(project.title);
  });

  it("observers' digests hold no team comments", async () => {
    const observer = await as.partner!.get('/api/me/digest');
    expect(observer.status).toBe(200);
    expect(observer.body.audience).toBe('observer');
    // what an observer may follow is there: the stage the Go moved the project to
    expect(observer.body.html).toContain(project.title);
    expect(observer.body.html).toMatch(/Moved from .+ to /);
    // and no comment at all: not the team one, not even one shared with partners
    expect(observer.body.html).not.toContain('GLP tox plan');
    expect(observer.body.html).not.toContain('shared summary');
    expect(observer.body.html).not.toContain('Comments');
    expect(observer.body.html).not.toContain('Gate review requested');
  });

  it('digests come in the reader’s language, for any past week; impossible weeks are refused', async () => {
    expect((await as.researcher!.patch('/api/me', { locale: 'fr' })).status).toBe(200);
    const french = await as.researcher!.get(`/api/me/digest?week=${isoWeekOf(new Date())}`);
    expect(french.body.html).toContain('<html lang="fr">');
    expect(french.body.html).toContain('Votre semaine sur Jalon');
    await as.researcher!.patch('/api/me', { locale: 'en' });

    const lastYear = await as.researcher!.get('/api/me/digest?week=2025-W01');
    expect(lastYear.body.html).toContain('Nothing changed on your projects this week.');
    expect((await as.researcher!.get('/api/me/digest?week=2026-W60')).status).toBe(400);
    expect((await as.researcher!.get('/api/me/digest?week=2025-W53')).status).toBe(400);
  });

  it('e-mails each due digest once, never a team comment to an observer, and not to who opted out', async () => {
    await as.lead!.request('PUT', '/api/notifications/preferences', { digestEmail: false });
    const sent: MailMessage[] = [];
    const transport = { sendMail: async (m: MailMessage) => void sent.push(m) };
    const week = isoWeekOf(new Date());
    const count = await sendWeeklyDigests(server.deps, transport, 'Jalon <digest@jalon.test>', week);
    expect(count).toBe(sent.length);
    const to = (email: string) => sent.find((m) => m.to === email);
    expect(to('researcher@demo.jalon')!.html).toContain('GLP tox plan');
    expect(to('partner@demo.jalon')!.html).not.toContain('GLP tox plan');
    expect(to('partner@demo.jalon')!.subject).toBe(`Your week on Jalon · ${week}`);
    expect(to('lead@demo.jalon')).toBeUndefined();
    expect(await sendWeeklyDigests(server.deps, transport, 'Jalon <digest@jalon.test>', week)).toBe(0);
  });

  it('with SMTP configured, the digest goes out through nodemailer to a real SMTP server', async () => {
    const smtp = await fakeSmtpServer();
    try {
      const transport = await smtpTransport(`smtp://127.0.0.1:${smtp.port}`);
      const week = isoWeekOf(new Date());
      // the previous test already sent this week's digests: forget that, so they go out again
      await server.deps.db.delete(digestDeliveries);
      const sent = await sendWeeklyDigests(server.deps, transport, 'Jalon <digest@jalon.test>', week);
      expect(sent).toBeGreaterThan(0);
      const toPartner = smtp.messages.find((m) => m.to.includes('<partner@demo.jalon>'));
      expect(toPartner?.data).toMatch(/^Subject: .*Jalon/m);
      expect(decodeQuotedPrintable(toPartner!.data)).toContain(project.title);
      expect(decodeQuotedPrintable(toPartner!.data)).not.toContain('GLP tox plan');
      const toResearcher = smtp.messages.find((m) => m.to.includes('<researcher@demo.jalon>'));
      expect(decodeQuotedPrintable(toResearcher!.data)).toContain('GLP tox plan');
    } finally {
      smtp.close();
    }
  });

  it('a milestone turning overdue notifies once per turn, however often the scan runs', async () => {
    const milestone = owned[0]!;
    const overdue = async (who: string) =>
      (await about(who, milestone.id)).filter((n) => n.type === 'milestone_overdue');
    await scanMilestoneAlerts(server.deps);
    expect(await overdue('researcher')).toEqual([]);

    // the day after it was due
    clockOffset = Date.parse(milestone.due) + DAY - Date.now() + 3_600_000;
    await scanMilestoneAlerts(server.deps);
    await scanMilestoneAlerts(server.deps, [project.id]);
    await scanMilestoneAlerts(server.deps);
    expect(await overdue('researcher')).toHaveLength(1);
    expect(await overdue('lead')).toHaveLength(1);
    expect((await overdue('researcher'))[0]!.payload).toMatchObject({ due: milestone.due });
    expect(await overdue('partner')).toEqual([]);

    // done, then reopened: a new turn, one more notification
    const lead = await peer(server.url, 'lead@demo.jalon', docName(project.id));
    const statusIs = (status: string) =>
      vi.waitFor(
        async () => {
          const [row] = await server.deps.db
            .select({ status: milestones.status })
            .from(milestones)
            .where(eq(milestones.id, milestone.id));
          expect(row?.status).toBe(status);
        },
        { timeout: 5000 },
      );
    updateMilestone(lead.doc, milestone.id, { status: 'done' }, ids.lead!);
    await lead.provider.whenSaved();
    await statusIs('done');
    await scanMilestoneAlerts(server.deps);
    updateMilestone(lead.doc, milestone.id, { status: 'in_progress' }, ids.lead!);
    await lead.provider.whenSaved();
    await statusIs('in_progress');
    await scanMilestoneAlerts(server.deps);
    await scanMilestoneAlerts(server.deps);
    lead.close();
    expect(await overdue('researcher')).toHaveLength(2);
    const rows = await server.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, milestone.id), eq(notifications.type, 'milestone_overdue')));
    expect(new Set(rows.map((r) => r.dedupeKey))).toEqual(
      new Set([`overdue:${milestone.id}:1`, `overdue:${milestone.id}:2`]),
    );
  });
});
