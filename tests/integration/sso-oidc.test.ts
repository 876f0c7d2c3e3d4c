/**
 * Single sign-on with a real OpenID provider on loopback: cluster managers (only) add, test and
 * remove a hospital's connection; a hospital person signs in through it and gets an account in
 * the hospital with no project; forged, replayed, misdirected and expired answers are refused
 * and counted against the connection; the hospital's domain no longer signs in by password.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  account,
  auditEvents,
  organisationMembers,
  organisations,
  projectMembers,
  ssoProvider,
  user,
} from '../../server/db/schema/index.ts';
import { createAccount } from '../support/accounts.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/ports.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { SsoBrowser } from '../support/sso-flow.ts';

const HOSPITAL_SLUG = 'centre-hospitalier-val-de-bievre';
const DOMAIN = 'chvb.example';
const NADIA = { email: `nadia.haddad@${DOMAIN}`, name: 'Nadia Haddad' };

let server: TestServer;
let idp: TestOidcProvider;
let manager: ApiClient;
let lead: ApiClient;
let partner: ApiClient;
let hospitalId: string;
let providerId: string;

const isCallback = (url: string) => url.startsWith(`${server.url}/api/auth/sso/callback/`);

async function connectionView() {
  const reply = await manager.get('/api/admin/sso/connections');
  expect(reply.status).toBe(200);
  return reply.body.connections[0];
}

async function ssoRows() {
  const [row] = await server.deps.db.select({ n: count() }).from(ssoProvider);
  return row?.n ?? 0;
}

beforeAll(async () => {
  server = await startTestServer();
  manager = await signedIn(server.url, 'manager@demo.jalon');
  lead = await signedIn(server.url, 'lead@demo.jalon');
  partner = await signedIn(server.url, 'partner@demo.jalon');
  const [hospital] = await server.deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, HOSPITAL_SLUG));
  hospitalId = hospital!.id;
  providerId = `${HOSPITAL_SLUG}-oidc`;
  idp = await startOidcProvider({
    port: await freePort(),
    redirectUris: [`${server.url}/api/auth/sso/callback/${providerId}`],
    accounts: [NADIA],
  });
});
afterAll(async () => {
  await idp?.close();
  await server?.close();
});

const oidcBody = () => ({
  protocol: 'oidc',
  organisationId: hospitalId,
  domains: [DOMAIN],
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
});

describe('managing connections', () => {
  it('a lead or a partner may not list, add, test or remove one; nothing is written', async () => {
    for (const client of [lead, partner]) {
      expect((await client.get('/api/admin/sso/connections')).status).toBe(403);
      const added = await client.post('/api/admin/sso/connections', oidcBody());
      expect(added.status).toBe(403);
      expect(added.body.error.message).toMatch(/cluster managers/);
      expect((await client.post(`/api/admin/sso/connections/${providerId}/test`)).status).toBe(403);
      expect((await client.delete(`/api/admin/sso/connections/${providerId}`)).status).toBe(403);
    }
    expect(await ssoRows()).toBe(0);
  });

  it('refuses a malformed domain and an issuer whose discovery fails, with what to fix', async () => {
    const bad = await manager.post('/api/admin/sso/connections', {
      ...oidcBody(),
      domains: ['https://chvb'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/domain name/);
    const wrongIssuer = await manager.post('/api/admin/sso/connections', {
      ...oidcBody(),
      issuer: `${idp.issuer}/nowhere`,
    });
    expect(wrongIssuer.status).toBe(400);
    expect(wrongIssuer.body.error.message).toMatch(/check the issuer URL/);
    expect(await ssoRows()).toBe(0);
  });

  it('a cluster manager adds one: the URLs for the provider are shown, the secret never; it is audited', async () => {
    const reply = await manager.post('/api/admin/sso/connections', oidcBody());
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      id: providerId,
      protocol: 'oidc',
      organisation: { id: hospitalId },
      domains: [DOMAIN],
      clientIdEnd: idp.clientId.slice(-4),
      urls: { redirect: `${server.url}/api/auth/sso/callback/${providerId}` },
      activity: { signIns: 0, errors: 0, lastTest: { ok: true } },
    });
    expect(JSON.stringify(reply.body)).not.toContain(idp.clientSecret);
    expect(JSON.stringify((await manager.get('/api/admin/sso/connections')).body)).not.toContain(
      idp.clientSecret,
    );
    const audit = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'sso_connection'), eq(auditEvents.entityId, providerId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create' });
    expect(JSON.stringify(audit[0])).not.toContain(idp.clientSecret);
  });

  it('a domain belongs to one connection only', async () => {
    const again = await manager.post('/api/admin/sso/connections', {
      ...oidcBody(),
      domains: [`lab.${DOMAIN}`],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(`lab.${DOMAIN}`);
  });

  it('testing it checks discovery, issuer, endpoints and keys, and keeps the result', async () => {
    const reply = await manager.post(`/api/admin/sso/connections/${providerId}/test`);
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(true);
    expect(reply.body.checks.map((c: { name: string }) => c.name)).toEqual([
      'discovery',
      'issuer',
      'endpoints',
      'keys',
    ]);
    expect((await connectionView()).activity.lastTest.at).toBe(reply.body.at);
  });
});

describe('signing in by address', () => {
  it('the sign-in page learns that the hospital signs its people in, and that others use a password', async () => {
    const anyone = new ApiClient(server.url);
    expect((await anyone.get(`/api/sign-in-method?email=${encodeURIComponent(NADIA.email)}`)).body).toEqual({
      method: 'sso',
      organisation: expect.stringMatching(/Val de Bièvre/),
    });
    expect((await anyone.get('/api/sign-in-method?email=lead%40demo.jalon')).body).toEqual({
      method: 'password',
    });
    expect((await anyone.get('/api/sign-in-method?email=not-an-address')).status).toBe(400);
  });

  it('a first sign-in through the hospital’s provider creates the account in the hospital, with no project', async () => {
    const browser = new SsoBrowser();
    const idpUrl = await browser.startSso(server.url, NADIA.email);
    expect(idpUrl.startsWith(idp.issuer)).toBe(true);
    const callback = await browser.signInAtIdp(idpUrl, NADIA.email, isCallback);
    const landed = await browser.request(callback);
    expect(landed.location).toBe(`${server.url}/`);
    const me = await browser.request(`${server.url}/api/me`);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).user).toMatchObject({ email: NADIA.email, name: NADIA.name });

    const [person] = await server.deps.db.select().from(user).where(eq(user.email, NADIA.email));
    const memberships = await server.deps.db
      .select({ organisationId: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, person!.id));
    expect(memberships).toEqual([{ organisationId: hospitalId }]);
    expect(
      await server.deps.db.select().from(projectMembers).where(eq(projectMembers.userId, person!.id)),
    ).toEqual([]);
    const view = await connectionView();
    expect(view.activity.signIns).toBe(1);
    expect(view.activity.lastSignInAt).not.toBeNull();
  });

  it('signing in again uses the same account', async () => {
    const browser = new SsoBrowser();
    const callback = await browser.signInAtIdp(
      await browser.startSso(server.url, NADIA.email),
      NADIA.email,
      isCallback,
    );
    expect((await browser.request(callback)).location).toBe(`${server.url}/`);
    const [row] = await server.deps.db.select({ n: count() }).from(user).where(eq(user.email, NADIA.email));
    expect(row?.n).toBe(1);
    expect((await connectionView()).activity.signIns).toBe(2);
  });
});

describe('refusals, each counted against the connection', () => {
  async function refusedAt(step: { location: string | null }) {
    expect(step.location).toMatch(new RegExp(`^${server.url}/sign-in\\?`));
    return new URL(step.location!).searchParams.get('error');
  }

  it('a callback with a state Jalon never issued', async () => {
    const before = (await connectionView()).activity.errors;
    const browser = new SsoBrowser();
    const callback = await browser.signInAtIdp(
      await browser.startSso(server.url, NADIA.email),
      NADIA.email,
      isCallback,
    );
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-value');
    const step = await browser.request(forged.toString());
    expect(await refusedAt(step)).toMatch(/state/);
    expect((await browser.request(`${server.url}/api/me`)).status).toBe(401);
    const view = await connectionView();
    expect(view.activity.errors).toBe(before + 1);
    expect(view.activity.lastError).toMatch(/state/);
  });

  it('an authorization code used a second time', async () => {
    const first = new SsoBrowser();
    const used = new URL(
      await first.signInAtIdp(await first.startSso(server.url, NADIA.email), NADIA.email, isCallback),
    );
    expect((await first.request(used.toString())).location).toBe(`${server.url}/`);
    // A new sign-in, whose callback carries the code already exchanged.
    const second = new SsoBrowser();
    const fresh = new URL(
      await second.signInAtIdp(await second.startSso(server.url, NADIA.email), NADIA.email, isCallback),
    );
    fresh.searchParams.set('code', used.searchParams.get('code')!);
    const step = await second.request(fresh.toString());
    expect(await refusedAt(step)).toBe('invalid_provider');
    expect((await second.request(`${server.url}/api/me`)).status).toBe(401);
    expect((await connectionView()).activity.lastError).toMatch(/invalid_provider/);
  });

  for (const [tamper, what] of [
    ['wrong_audience', 'an ID token issued for another application'],
    ['expired', 'an expired ID token'],
  ] as const) {
    it(what, async () => {
      const before = (await connectionView()).activity.errors;
      idp.tamper = tamper;
      try {
        const browser = new SsoBrowser();
        const callback = await browser.signInAtIdp(
          await browser.startSso(server.url, NADIA.email),
          NADIA.email,
          isCallback,
        );
        const step = await browser.request(callback);
        expect(await refusedAt(step)).toBe('invalid_provider');
        expect(new URL(step.location!).searchParams.get('error_description')).toBe('token_not_verified');
        expect((await browser.request(`${server.url}/api/me`)).status).toBe(401);
      } finally {
        idp.tamper = 'none';
      }
      const view = await connectionView();
      expect(view.activity.errors).toBe(before + 1);
      expect(view.activity.lastError).toMatch(/token_not_verified/);
    });
  }

  it('an address outside the hospital’s domains, even vouched for by its provider', async () => {
    idp.addAccount({ email: 'someone@other-hospital.example', name: 'Someone Else' });
    const browser = new SsoBrowser();
    const callback = await browser.signInAtIdp(
      await browser.startSso(server.url, NADIA.email),
      'someone@other-hospital.example',
      isCallback,
    );
    const step = await browser.request(callback);
    expect(await refusedAt(step)).toBe('SSO_ADDRESS_NOT_COVERED');
    const [row] = await server.deps.db
      .select({ n: count() })
      .from(user)
      .where(eq(user.email, 'someone@other-hospital.example'));
    expect(row?.n).toBe(0);
    expect((await connectionView()).activity.lastError).toMatch(/outside its organisation/);
  });
  it('an existing account whose address nobody proved, outside the hospital, is not taken over', async () => {
    // as a directory elsewhere could have made it: an unproven address in the hospital's domain
    const email = `unproven@${DOMAIN}`;
    await createAccount(server, {
      name: 'Unproven',
      email,
      password: 'long enough password 1',
      verified: false,
    });
    idp.addAccount({ email, name: 'Unproven' });
    const browser = new SsoBrowser();
    const callback = await browser.signInAtIdp(await browser.startSso(server.url, email), email, isCallback);
    const step = await browser.request(callback);
    expect(await refusedAt(step)).toBe('SSO_ACCOUNT_NOT_LINKABLE');
    const linked = await server.deps.db
      .select({ n: count() })
      .from(account)
      .innerJoin(user, eq(user.id, account.userId))
      .where(and(eq(user.email, email), eq(account.providerId, providerId)));
    expect(linked[0]?.n).toBe(0);
  });
});

describe('passwords for the hospital’s domain', () => {
  it('password sign-in and reset are refused with what to do instead', async () => {
    await createAccount(server, {
      name: 'Paul Martin',
      email: `paul.martin@${DOMAIN}`,
      password: 'a long passphrase 2026',
    });
    const client = new ApiClient(server.url);
    const reply = await client.post('/api/auth/sign-in/email', {
      email: `paul.martin@${DOMAIN}`,
      password: 'a long passphrase 2026',
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({
      code: 'SSO_REQUIRED',
      message: expect.stringMatching(/signs you in/),
    });
    const reset = await client.post('/api/auth/request-password-reset', { email: `paul.martin@${DOMAIN}` });
    expect(reset.status).toBe(403);
    // Elsewhere, passwords work as before.
    expect((await new ApiClient(server.url).signIn('researcher@demo.jalon')).status).toBe(200);
  });
});

describe('removing the connection', () => {
  it('any cluster manager removes it: its linked accounts go with it, password sign-in opens again', async () => {
    const reply = await manager.delete(`/api/admin/sso/connections/${providerId}`);
    expect(reply.status).toBe(200);
    expect(await ssoRows()).toBe(0);
    expect(await server.deps.db.select().from(account).where(eq(account.providerId, providerId))).toEqual([]);
    const [person] = await server.deps.db.select().from(user).where(eq(user.email, NADIA.email));
    expect(person).toBeDefined();
    expect((await new ApiClient(server.url).get(`/api/sign-in-method?email=${NADIA.email}`)).body).toEqual({
      method: 'password',
    });
    const audit = await server.deps.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'sso_connection'), eq(auditEvents.entityId, providerId)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
