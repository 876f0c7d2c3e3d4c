/**
 * Accounts from invitations, with the default SIGNUP=invite and no mail server: self sign-up is
 * refused; an invitation link is the only way in for a newcomer, works once, for its address,
 * until it expires; an address with a proven account joins at once; the password and
 * display-name rules hold wherever a password or a name is chosen.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/password.ts';
import { account, user } from '../../server/db/schema/index.ts';
import { createAccount, roleOn } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const DAY = 86_400_000;
let server: TestServer;
let clockOffset = 0;
const as: Record<string, ApiClient> = {};
let project: { id: string; title: string };

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + clockOffset) });
  for (const who of ['lead', 'researcher']) as[who] = await signedIn(server.url, `${who}@demo.jalon`);
  as.julien = await signedIn(server.url, 'julien.moreau@demo.jalon');
  project = (await as.lead!.get('/api/projects')).body.projects[0];
});
afterAll(() => server?.close());

async function invite(email: string, role = 'contributor'): Promise<string> {
  const reply = await as.lead!.post(`/api/projects/${project.id}/members`, { email, role });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  // Without a mail server the lead is handed the link, to pass on.
  const link: string = reply.body.invitation.link;
  expect(link).toMatch(new RegExp(`^${server.config.publicUrl}/invitations/`));
  return link.split('/').pop()!;
}

const memberRole = (email: string) => roleOn(server, project.id, email);

describe('self sign-up', () => {
  it('is refused by default, with a clear error, and creates nothing', async () => {
    const reply = await new ApiClient(server.url).post('/api/auth/sign-up/email', {
      name: 'Eve Intruder',
      email: 'eve@example.org',
      password: 'a-long-enough-passphrase',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      code: 'EMAIL_PASSWORD_SIGN_UP_DISABLED',
      message: 'Email and password sign up is not enabled',
    });
    expect(await server.deps.db.select().from(user).where(eq(user.email, 'eve@example.org'))).toEqual([]);
    const weak = await new ApiClient(server.url).post('/api/auth/sign-up/email', {
      name: 'Programme Office',
      email: 'eve@example.org',
      password: 'short',
    });
    expect(weak.body).toMatchObject({ code: 'EMAIL_PASSWORD_SIGN_UP_DISABLED' });
  });
});

describe('password reset without a mail server', () => {
  it('answers the same for an address with an account and one without', async () => {
    const ask = (email: string) =>
      new ApiClient(server.url).post('/api/auth/request-password-reset', { email });
    const known = await ask('researcher@demo.jalon');
    const unknown = await ask('nobody-here@example.org');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
  });
});

describe('an invitation link', () => {
  it('lets a newcomer choose a name and password, creates the account verified, and joins', async () => {
    const token = await invite('nora.newcomer@example.org');
    const visitor = new ApiClient(server.url);
    const preview = await visitor.get(`/api/invitations/${token}`);
    expect(preview.body).toMatchObject({ email: 'nora.newcomer@example.org', account: false });

    const created = await visitor.post(`/api/invitations/${token}/account`, {
      name: 'Nora Newcomer',
      password: 'tulip-harbour-lantern',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({ projectId: project.id, email: 'nora.newcomer@example.org' });
    const [row] = await server.deps.db.select().from(user).where(eq(user.email, 'nora.newcomer@example.org'));
    expect(row?.emailVerified).toBe(true);

    const nora = new ApiClient(server.url);
    expect((await nora.signIn('nora.newcomer@example.org', 'tulip-harbour-lantern')).status).toBe(200);
    expect((await nora.get(`/api/projects/${project.id}`)).body.myRole).toBe('contributor');
    const page = (await nora.get('/api/notifications')).body;
    expect(page.notifications[0]).toMatchObject({ type: 'project_added', payload: { role: 'contributor' } });
  });

  it('works once', async () => {
    const token = await invite('once.only@example.org');
    const first = await new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
      name: 'Once Only',
      password: 'tulip-harbour-lantern',
    });
    expect(first.status).toBe(201);
    const again = await new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
      name: 'Someone Else',
      password: 'another-harbour-lantern',
    });
    expect(again.status).toBe(404);
    expect((await new ApiClient(server.url).get(`/api/invitations/${token}`)).body.status).toBe('accepted');
    // the used link is gone for the signed-in route too (it is checked before the address)
    expect((await as.julien!.post(`/api/invitations/${token}/accept`)).status).toBe(404);
  });

  it('expires', async () => {
    const token = await invite('late.comer@example.org');
    clockOffset = 15 * DAY;
    try {
      const late = await new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
        name: 'Late Comer',
        password: 'tulip-harbour-lantern',
      });
      expect(late.status).toBe(404);
      expect(late.body.error.message).toMatch(/expired/);
    } finally {
      clockOffset = 0;
    }
    expect(await memberRole('late.comer@example.org')).toBeNull();
  });

  it('is refused to an account signed in with another address', async () => {
    const token = await invite('right.person@example.org');
    const wrong = await as.julien!.post(`/api/invitations/${token}/accept`);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/right\.person@example\.org/);
    expect(await memberRole('julien.moreau@demo.jalon')).toBeNull();
    expect(await memberRole('right.person@example.org')).toBeNull();
  });
});

describe('adding an address that has an account', () => {
  it('makes an account that proved its address a member at once, and tells them', async () => {
    const [julien] = await server.deps.db
      .select()
      .from(user)
      .where(eq(user.email, 'julien.moreau@demo.jalon'));
    expect(julien?.emailVerified).toBe(true);
    const added = await as.lead!.post(`/api/projects/${project.id}/members`, {
      email: 'julien.moreau@demo.jalon',
      role: 'observer',
    });
    expect(added.status).toBe(201);
    expect(added.body.added).toMatchObject({ email: 'julien.moreau@demo.jalon', role: 'observer' });
    expect((await as.julien!.get(`/api/projects/${project.id}`)).body.myRole).toBe('observer');
    const page = (await as.julien!.get('/api/notifications')).body;
    expect(page.notifications[0]).toMatchObject({ type: 'project_added', payload: { role: 'observer' } });
  });

  it('invites an account that never proved its address; only the link makes it a member', async () => {
    const claimantId = await createAccount(server, {
      name: 'Unproven Claim',
      email: 'unproven@example.org',
      password: 'claimant-knows-this',
      verified: false,
    });
    const claimant = new ApiClient(server.url);
    expect((await claimant.signIn('unproven@example.org', 'claimant-knows-this')).status).toBe(200);
    const token = await invite('unproven@example.org');
    expect(await memberRole('unproven@example.org')).toBeNull();
    const preview = await new ApiClient(server.url).get(`/api/invitations/${token}`);
    expect(preview.body.account).toBe(false);
    const taken = await new ApiClient(server.url).post(`/api/invitations/${token}/account`, {
      name: 'Real Owner',
      password: 'tulip-harbour-lantern',
    });
    expect(taken.status).toBe(201);
    const [owner] = await server.deps.db.select().from(user).where(eq(user.email, 'unproven@example.org'));
    expect(owner).toMatchObject({ id: claimantId, name: 'Real Owner', emailVerified: true });
    expect(await memberRole('unproven@example.org')).toBe('contributor');
    // the claimant's session and password no longer open the account
    expect((await claimant.get(`/api/projects/${project.id}`)).status).toBe(401);
    expect(
      (await new ApiClient(server.url).signIn('unproven@example.org', 'claimant-knows-this')).status,
    ).toBe(401);
  });

  it('lets an account that never proved its address accept signed in, with the link, and marks it proven', async () => {
    await createAccount(server, {
      name: 'Older Account',
      email: 'older.account@example.org',
      password: 'tulip-harbour-lantern',
      verified: false,
    });
    const older = new ApiClient(server.url);
    expect((await older.signIn('older.account@example.org', 'tulip-harbour-lantern')).status).toBe(200);
    const token = await invite('older.account@example.org', 'mentor');
    expect(await memberRole('older.account@example.org')).toBeNull();
    expect((await older.get(`/api/projects/${project.id}`)).status).toBe(404);
    expect((await older.post(`/api/invitations/${token}/accept`)).body).toEqual({ projectId: project.id });
    expect((await older.get(`/api/projects/${project.id}`)).body.myRole).toBe('mentor');
    const [row] = await server.deps.db.select().from(user).where(eq(user.email, 'older.account@example.org'));
    expect(row?.emailVerified).toBe(true);
  });

  it('refuses to create an account over one that proved its address: that account signs in to accept', async () => {
    const other = (await as.lead!.get('/api/projects')).body.projects[1] as { id: string };
    const first = await invite('pat.proven@example.org');
    const secondReply = await as.lead!.post(`/api/projects/${other.id}/members`, {
      email: 'pat.proven@example.org',
      role: 'mentor',
    });
    const second = (secondReply.body.invitation.link as string).split('/').pop()!;
    const created = await new ApiClient(server.url).post(`/api/invitations/${first}/account`, {
      name: 'Pat Proven',
      password: 'tulip-harbour-lantern',
    });
    expect(created.status).toBe(201);

    const over = await new ApiClient(server.url).post(`/api/invitations/${second}/account`, {
      name: 'Pat Impostor',
      password: 'another-harbour-lantern',
    });
    expect(over.status).toBe(409);
    expect((await new ApiClient(server.url).get(`/api/invitations/${second}`)).body.account).toBe(true);
    const pat = new ApiClient(server.url);
    expect((await pat.signIn('pat.proven@example.org', 'tulip-harbour-lantern')).status).toBe(200);
    expect((await pat.post(`/api/invitations/${second}/accept`)).body).toEqual({ projectId: other.id });
    expect((await pat.get(`/api/projects/${other.id}`)).body.myRole).toBe('mentor');
  });
});

describe('the password policy', () => {
  it('refuses short, common and address-based passwords when accepting an invitation', async () => {
    const token = await invite('pat.policy@example.org');
    const visitor = new ApiClient(server.url);
    const attempt = (password: string) =>
      visitor.post(`/api/invitations/${token}/account`, { name: 'Pat Policy', password });
    const short = await attempt('short-pass1');
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/at least 12 characters/);
    for (const common of ['password1234', 'PASSWORD1234', 'LeaveMeAlone', '1qaz2wsx3edc']) {
      const reply = await attempt(common);
      expect(reply.status, common).toBe(400);
      expect(reply.body.error.message, common).toMatch(/most common/);
    }
    for (const own of ['pat.policy@example.org', 'PAT.POLICY@example.org', 'pat.policy2026!']) {
      const reply = await attempt(own);
      expect(reply.status, own).toBe(400);
      expect(reply.body.error.message, own).toMatch(/e-mail address/);
    }
    expect(await memberRole('pat.policy@example.org')).toBeNull();
    expect((await attempt('tulip-harbour-lantern')).status).toBe(201);
  });

  it('holds when a signed-in person changes their password', async () => {
    const researcher = as.researcher!;
    const change = (newPassword: string) =>
      researcher.post('/api/auth/change-password', { currentPassword: 'jalon-demo-2026', newPassword });
    const common = await change('qwerty123456');
    expect(common.status).toBe(400);
    expect(common.body).toMatchObject({ code: 'PASSWORD_TOO_COMMON' });
    const own = await change('researcher@demo.jalon');
    expect(own.body).toMatchObject({ code: 'PASSWORD_IS_ADDRESS' });
    const short = await change('jalon-demo');
    expect(short.body).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    // nothing was changed: the demo password, seeded directly, still opens the account
    const [row] = await server.deps.db.select().from(user).where(eq(user.email, 'researcher@demo.jalon'));
    const [credential] = await server.deps.db.select().from(account).where(eq(account.userId, row!.id));
    expect(await verifyPassword({ hash: credential!.password!, password: 'jalon-demo-2026' })).toBe(true);
  });
});

describe('display names', () => {
  it('cannot pass for the office, a role, the system or another member of the project', async () => {
    const token = await invite('dana.names@example.org');
    const visitor = new ApiClient(server.url);
    const attempt = (name: string) =>
      visitor.post(`/api/invitations/${token}/account`, { name, password: 'tulip-harbour-lantern' });
    for (const name of [
      'Programme Office',
      'programme-office',
      'Bureau du Programme',
      'BUREAU DU PROGRAMME.',
      'Gestionnaire du cluster',
      'Cluster  Manager',
      'Système',
      'Jalon',
      'Admin',
      'Dana (Programme Office)',
      'Claire Dubois',
      'claire dubois',
      'Dr. Claire Dubois',
      'Clàire Dubóis',
      '   ',
      'x'.repeat(81),
      'Dana\u202eNames',
    ]) {
      const reply = await attempt(name);
      expect(reply.status, name).toBe(400);
      expect(reply.body.error.issues?.[0]?.path, name).toBe('name');
    }
    expect(await memberRole('dana.names@example.org')).toBeNull();
    expect((await attempt('Dana Names')).status).toBe(201);
  });

  it('cannot be changed to another member’s name or the office’s later', async () => {
    const researcher = await signedIn(server.url, 'researcher@demo.jalon');
    for (const name of ['Claire Dubois', 'Cluster Manager', 'Bureau du programme']) {
      const reply = await researcher.post('/api/auth/update-user', { name });
      expect(reply.status, name).toBe(400);
      expect(reply.body.code, name).toMatch(/^NAME_/);
    }
    const me = (await researcher.get('/api/me')).body.user;
    const ok = await researcher.post('/api/auth/update-user', { name: `${me.name} Jr` });
    expect(ok.status).toBe(200);
    expect((await researcher.get('/api/me')).body.user.name).toBe(`${me.name} Jr`);
  });
});
