/**
 * A cluster that opens sign-up (SIGNUP=open), with a real mail server: an address signs in only
 * once the link mailed to it was followed; sign-up and password reset answer the same whether
 * or not the address has an account; and a stranger who registered a colleague's address first
 * gains nothing when the lead adds that address, while the colleague who follows the mailed
 * invitation does.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../../server/db/schema/index.ts';
import { roleOn } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { linkIn, type Mailbox, startMailbox } from '../support/mailbox.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let mailbox: Mailbox;
let lead: ApiClient;
let project: { id: string; title: string };

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({
    env: { SIGNUP: 'open', SMTP_URL: mailbox.url, MAIL_FROM: 'Jalon <jalon@test>' },
  });
  lead = await signedIn(server.url, 'lead@demo.jalon');
  project = (await lead.get('/api/projects')).body.projects[0];
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

const signUp = (body: { name: string; email: string; password: string }) =>
  new ApiClient(server.url).post('/api/auth/sign-up/email', body);

/** a sign-up reply, without what differs between any two replies (a fresh id, the time) */
const shapeOf = (reply: { status: number; body: any }) => ({
  status: reply.status,
  body: {
    ...reply.body,
    user: { ...reply.body.user, id: typeof reply.body.user?.id, createdAt: 0, updatedAt: 0 },
  },
});

/** follows a mailed link like a browser, without following the redirect */
const follow = (link: string) => fetch(link, { redirect: 'manual' });

const roleOf = (email: string) => roleOn(server, project.id, email);

describe('open sign-up', () => {
  it('answers a new address and one that has an account alike; the owner of the account is told', async () => {
    const fresh = await signUp({
      name: 'Sam Fresh',
      email: 'sam.fresh@example.org',
      password: 'tulip-harbour-lantern',
    });
    const taken = await signUp({
      name: 'Sam Fresh',
      email: 'researcher@demo.jalon',
      password: 'tulip-harbour-lantern',
    });
    expect(fresh.status).toBe(200);
    expect(shapeOf(taken)).toEqual(
      shapeOf({
        ...fresh,
        body: { ...fresh.body, user: { ...fresh.body.user, email: 'researcher@demo.jalon' } },
      }),
    );
    expect(taken.headers.get('set-cookie')).toBeNull();
    expect(fresh.headers.get('set-cookie')).toBeNull();
    const notice = await mailbox.next('researcher@demo.jalon');
    expect(notice.subject).toMatch(/tried to sign up/);
    expect(notice.text).not.toMatch(/verify-email/);
    // the researcher's account is untouched: same password
    expect((await new ApiClient(server.url).signIn('researcher@demo.jalon')).status).toBe(200);
  });

  it('lets the address sign in only once the mailed link was followed', async () => {
    const sam = new ApiClient(server.url);
    const before = await sam.signIn('sam.fresh@example.org', 'tulip-harbour-lantern');
    expect(before.status).toBe(403);
    expect(before.body).toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    const mail = await mailbox.next('sam.fresh@example.org');
    const link = linkIn(mail, `${server.config.publicUrl}/api/auth/verify-email?`);
    const followed = await follow(link);
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe('/sign-in?verified=1');
    expect((await sam.signIn('sam.fresh@example.org', 'tulip-harbour-lantern')).status).toBe(200);
    expect((await sam.get('/api/me')).body.user.email).toBe('sam.fresh@example.org');
  });

  it('holds the password policy and the display-name rule', async () => {
    const short = await signUp({ name: 'Pat Short', email: 'pat.short@example.org', password: 'too-short' });
    expect(short.body).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    const common = await signUp({
      name: 'Pat Common',
      email: 'pat.common@example.org',
      password: 'qwerty123456',
    });
    expect(common.body).toMatchObject({ code: 'PASSWORD_TOO_COMMON' });
    const own = await signUp({
      name: 'Pat Own',
      email: 'pat.own@example.org',
      password: 'pat.own@example.org',
    });
    expect(own.body).toMatchObject({ code: 'PASSWORD_IS_ADDRESS' });
    const office = await signUp({
      name: 'Bureau du Programme',
      email: 'office@example.org',
      password: 'tulip-harbour-lantern',
    });
    expect(office.status).toBe(400);
    expect(office.body).toMatchObject({ code: 'NAME_RESERVED' });
    for (const email of [
      'pat.short@example.org',
      'pat.common@example.org',
      'pat.own@example.org',
      'office@example.org',
    ])
      expect(await server.deps.db.select().from(user).where(eq(user.email, email)), email).toEqual([]);
  });
});

describe('password reset', () => {
  it('answers the same for an address with an account and one without, and mails only the first', async () => {
    // Someone who holds the account's password now (the reason for a reset, often).
    const intruder = new ApiClient(server.url);
    expect((await intruder.signIn('mentor@demo.jalon', 'jalon-demo-2026')).status).toBe(200);
    const known = await new ApiClient(server.url).post('/api/auth/request-password-reset', {
      email: 'mentor@demo.jalon',
    });
    const unknown = await new ApiClient(server.url).post('/api/auth/request-password-reset', {
      email: 'ghost@example.org',
    });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    const mail = await mailbox.next('mentor@demo.jalon');
    const link = linkIn(mail, `${server.config.publicUrl}/reset-password?token=`);
    const token = new URL(link).searchParams.get('token')!;

    const reset = (newPassword: string) =>
      new ApiClient(server.url).post('/api/auth/reset-password', { token, newPassword });
    expect((await reset('mentor@demo.jalon')).body).toMatchObject({ code: 'PASSWORD_IS_ADDRESS' });
    expect((await reset('1qaz2wsx3edc')).body).toMatchObject({ code: 'PASSWORD_TOO_COMMON' });
    expect((await reset('short')).body).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    expect((await reset('copper-kettle-meadow')).status).toBe(200);
    // A new password ends every session the old one opened.
    expect((await intruder.get('/api/me')).status).toBe(401);
    expect((await new ApiClient(server.url).signIn('mentor@demo.jalon', 'copper-kettle-meadow')).status).toBe(
      200,
    );
    expect((await reset('another-copper-kettle')).status).toBe(400);
    expect(mailbox.has('ghost@example.org')).toBe(false);
  });
});

describe('an address registered by a stranger first', () => {
  it('gives the stranger nothing when the lead adds it; the owner following the mailed link joins', async () => {
    const colleague = 'new.colleague@example.org';
    const stranger = await signUp({
      name: 'New Colleague',
      email: colleague,
      password: 'stranger-knows-this',
    });
    expect(stranger.status).toBe(200);

    const added = await lead.post(`/api/projects/${project.id}/members`, {
      email: colleague,
      role: 'contributor',
    });
    expect(added.status).toBe(201);
    expect(added.body.added).toBeUndefined();
    // with a mail server, only the mailbox gets the link, not the lead
    expect(added.body.invitation).toMatchObject({ email: colleague, mailed: true });
    expect(added.body.invitation.link).toBeUndefined();
    expect(await roleOf(colleague)).toBeNull();

    const strangerSession = new ApiClient(server.url);
    expect((await strangerSession.signIn(colleague, 'stranger-knows-this')).status).toBe(403);
    expect((await strangerSession.get(`/api/projects/${project.id}`)).status).toBe(401);

    // The real owner finds the invitation in their mail (beside the stranger's verification mail).
    const invitation = await mailbox.next(colleague, (m) => m.text.includes('/invitations/'));
    expect(invitation.subject).toContain(project.title);
    const token = linkIn(invitation, `${server.config.publicUrl}/invitations/`).split('/').pop()!;
    const owner = new ApiClient(server.url);
    expect((await owner.get(`/api/invitations/${token}`)).body).toMatchObject({
      email: colleague,
      account: false,
    });
    const joined = await owner.post(`/api/invitations/${token}/account`, {
      name: 'Noémie Colleague',
      password: 'owner-chose-this-one',
    });
    expect(joined.status).toBe(201);
    expect(await roleOf(colleague)).toBe('contributor');
    expect((await owner.signIn(colleague, 'owner-chose-this-one')).status).toBe(200);
    expect((await owner.get(`/api/projects/${project.id}`)).body.myRole).toBe('contributor');
    // the stranger's password no longer opens the account
    expect((await new ApiClient(server.url).signIn(colleague, 'stranger-knows-this')).status).toBe(401);
  });

  it('adding an account that proved its address makes it a member at once, with a notice by mail', async () => {
    const added = await lead.post(`/api/projects/${project.id}/members`, {
      email: 'sam.fresh@example.org',
      role: 'observer',
    });
    expect(added.status).toBe(201);
    expect(added.body.added).toMatchObject({ email: 'sam.fresh@example.org', role: 'observer' });
    const notice = await mailbox.next('sam.fresh@example.org', (m) => m.text.includes('/projects/'));
    expect(notice.subject).toContain(project.title);
    expect(notice.text).toContain(`${server.config.publicUrl}/projects/${project.id}`);
  });
});
