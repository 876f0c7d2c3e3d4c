import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterManagers, gateDecisions, gateReviews } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { createAccount } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectWith } from '../support/socket.ts';
import { secretOf, totp, wrongCode } from '../support/totp.ts';

let server: TestServer;
const PASSWORD = 'a long enough password for tests';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** Turns two-factor on as /account does: password, then a code from the new secret. */
async function enrol(client: ApiClient, password: string) {
  const enabled = await client.post('/api/auth/two-factor/enable', { password });
  expect(enabled.status).toBe(200);
  const secret = secretOf(enabled.body.totpURI);
  const confirmed = await client.post('/api/auth/two-factor/verify-totp', { code: totp(secret) });
  expect(confirmed.status).toBe(200);
  return { secret, backupCodes: enabled.body.backupCodes as string[] };
}

async function person(email: string, options: { manager?: boolean } = {}) {
  const id = await createAccount(server, { name: email.split('@')[0]!, email, password: PASSWORD });
  if (options.manager)
    await server.deps.db.insert(clusterManagers).values({ userId: id, grantedAt: new Date() });
  const client = new ApiClient(server.url);
  expect((await client.signIn(email, PASSWORD)).status).toBe(200);
  return client;
}

/** Password first; the reply asks for the second step and opens no session. */
async function firstStep(email: string, password = PASSWORD) {
  const client = new ApiClient(server.url);
  const reply = await client.signIn(email, password);
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
  return client;
}

describe('two-factor authentication', () => {
  let secret: string;
  let backupCodes: string[];

  it('is turned on with the password and a first code, and then shows in /api/me', async () => {
    const ada = await person('ada@example.org');
    const wrong = await ada.post('/api/auth/two-factor/enable', { password: 'not the password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_PASSWORD');
    expect((await ada.get('/api/me')).body.twoFactor).toEqual({ enabled: false, required: false });
    ({ secret, backupCodes } = await enrol(ada, PASSWORD));
    expect(backupCodes).toHaveLength(10);
    expect((await ada.get('/api/me')).body.twoFactor).toEqual({ enabled: true, required: false });
  });

  it('asks for the code after a correct password, with no session before it', async () => {
    const client = await firstStep('ada@example.org');
    expect((await client.get('/api/me')).status).toBe(401);
    const wrong = await client.post('/api/auth/two-factor/verify-totp', { code: wrongCode(secret) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CODE');
    expect((await client.get('/api/me')).status).toBe(401);
    const right = await client.post('/api/auth/two-factor/verify-totp', { code: totp(secret) });
    expect(right.status).toBe(200);
    expect((await client.get('/api/me')).body.user.email).toBe('ada@example.org');
  });

  it('signs in with a backup code instead, once only', async () => {
    const first = await firstStep('ada@example.org');
    const used = await first.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] });
    expect(used.status).toBe(200);
    expect((await first.get('/api/me')).status).toBe(200);
    const second = await firstStep('ada@example.org');
    const again = await second.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('INVALID_BACKUP_CODE');
    expect((await second.get('/api/me')).status).toBe(401);
  });

  it('limits wrong codes: five per sign-in, then the account is locked with a time to wait', async () => {
    const bob = await person('bob@example.org');
    const { secret: bobs } = await enrol(bob, PASSWORD);
    const guess = async (client: ApiClient) =>
      client.post('/api/auth/two-factor/verify-totp', { code: wrongCode(bobs) });
    const first = await firstStep('bob@example.org');
    for (let i = 0; i < 5; i++) expect((await guess(first)).status).toBe(401);
    const sixth = await guess(first);
    expect(sixth.status).toBe(400);
    expect(sixth.body.code).toBe('TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE');
    // The password again, and five more wrong codes: ten in a row lock the second step.
    const second = await firstStep('bob@example.org');
    for (let i = 0; i < 5; i++) await guess(second);
    const third = await firstStep('bob@example.org');
    const locked = await third.post('/api/auth/two-factor/verify-totp', { code: totp(bobs) });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_TEMPORARILY_LOCKED');
    expect((await third.get('/api/me')).status).toBe(401);
  });

  it('re-enables a lost phone with new backup codes, the old ones no longer valid', async () => {
    const ada = new ApiClient(server.url);
    await ada.signIn('ada@example.org', PASSWORD);
    await ada.post('/api/auth/two-factor/verify-totp', { code: totp(secret) });
    const fresh = await ada.post('/api/auth/two-factor/generate-backup-codes', { password: PASSWORD });
    expect(fresh.status).toBe(200);
    expect(fresh.body.backupCodes).toHaveLength(10);
    const client = await firstStep('ada@example.org');
    const old = await client.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[1] });
    expect(old.status).toBe(401);
  });
});

describe('a cluster that requires two-factor authentication of managers and signers', () => {
  let manager: ApiClient;
  let managerSecret: string;

  it('sends a manager without it to enrolment: refused everywhere but their account', async () => {
    manager = await signedIn(server.url, 'manager@demo.jalon', { fresh: true });
    const set = await manager.put('/api/settings', { twoFactor: 'required_for_managers_and_signers' });
    expect(set.status).toBe(200);
    expect(set.body.twoFactor).toBe('required_for_managers_and_signers');

    const refused = await manager.get('/api/projects');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('two_factor_required');
    expect(refused.body.error.message).toMatch(/turn it on in your account/);
    expect((await manager.put('/api/settings', { twoFactor: 'optional' })).body.error.code).toBe(
      'two_factor_required',
    );
    const me = await manager.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.twoFactor).toEqual({ enabled: false, required: true });
    expect((await manager.get('/api/me/sessions')).status).toBe(200);

    const socket = connectWith(server.url, { cookie: manager.cookie, origin: server.url });
    await expect(socket).rejects.toMatchObject({ data: { code: 'two_factor_required' } });
  });

  it('does not affect a contributor', async () => {
    const researcher = await signedIn(server.url, 'researcher@demo.jalon', { fresh: true });
    expect((await researcher.get('/api/projects')).status).toBe(200);
    expect((await researcher.get('/api/me')).body.twoFactor).toEqual({ enabled: false, required: false });
    const socket = await connectWith(server.url, { cookie: researcher.cookie, origin: server.url });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('lets the manager back in once enrolled, sockets too', async () => {
    ({ secret: managerSecret } = await enrol(manager, DEMO_PASSWORD));
    expect((await manager.get('/api/projects')).status).toBe(200);
    const socket = await connectWith(server.url, { cookie: manager.cookie, origin: server.url });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  describe('gate signing re-authenticates with the password and the code', () => {
    let lead: ApiClient;
    const open: string[] = [];
    const projects: string[] = [];

    beforeAll(async () => {
      lead = await signedIn(server.url, 'lead@demo.jalon');
      const led = (await lead.get('/api/projects')).body.projects.filter(
        (p: { stage: number; myRole: string | null }) => p.stage < 5,
      );
      for (const project of led.slice(0, 2)) {
        await meetMustCriteria(server.url, lead, project);
        const requested = await lead.post(`/api/projects/${project.id}/gates`);
        expect(requested.status).toBe(201);
        projects.push(project.id);
        open.push(requested.body.id);
      }
    });

    const decide = (client: ApiClient, i: number, proof: { password: string; code?: string }) =>
      client.post(`/api/projects/${projects[i]}/gates/${open[i]}/decision`, {
        outcome: 'hold',
        rationale: 'More data on the second cohort first.',
        reviewDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
        ...proof,
      });
    const decisions = async () =>
      (
        await server.deps.db
          .select({ n: count() })
          .from(gateDecisions)
          .where(eq(gateDecisions.reviewId, open[0]!))
      )[0]!.n;

    it('refuses a signature without the code, or with a wrong one, and writes nothing', async () => {
      const without = await decide(manager, 0, { password: DEMO_PASSWORD });
      expect(without.status).toBe(400);
      expect(without.body.error.issues[0].path).toBe('code');
      const wrong = await decide(manager, 0, { password: DEMO_PASSWORD, code: wrongCode(managerSecret) });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.message).toMatch(/code is not correct.*nothing was signed/);
      expect(await decisions()).toBe(0);
      const [review] = await server.deps.db.select().from(gateReviews).where(eq(gateReviews.id, open[0]!));
      expect(review!.status).toBe('open');
    });

    it("records 'password+totp' and when it was checked", async () => {
      const before = Date.now();
      const signed = await decide(manager, 0, { password: DEMO_PASSWORD, code: totp(managerSecret) });
      expect(signed.status).toBe(200);
      expect(signed.body.decision.signature).toMatchObject({ method: 'password+totp' });
      const [row] = await server.deps.db
        .select()
        .from(gateDecisions)
        .where(eq(gateDecisions.reviewId, open[0]!));
      expect(row!.signedWith).toBe('password+totp');
      expect(row!.authenticatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it("records 'password' for a signer without two-factor (where the cluster does not require it)", async () => {
      const client = await firstStep('manager@demo.jalon', DEMO_PASSWORD);
      await client.post('/api/auth/two-factor/verify-totp', { code: totp(managerSecret) });
      expect((await client.put('/api/settings', { twoFactor: 'optional' })).status).toBe(200);
      const other = await person('grace@example.org', { manager: true });
      const signed = await decide(other, 1, { password: PASSWORD });
      expect(signed.status).toBe(200);
      expect(signed.body.decision.signature).toMatchObject({ method: 'password' });
      const [row] = await server.deps.db
        .select()
        .from(gateDecisions)
        .where(eq(gateDecisions.reviewId, open[1]!));
      expect(row!.signedWith).toBe('password');
    });
  });
});
