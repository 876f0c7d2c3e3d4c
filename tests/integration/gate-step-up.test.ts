/**
 * A cluster manager who signs in through their hospital's OpenID provider signs a gate decision
 * by signing in again there (21 CFR Part 11 §11.200), with a real provider on loopback: the
 * provider is asked to show its sign-in again even though it has a session; the decision
 * records 'oidc' and the ID token's auth_time. A step-up of someone else, one spent already,
 * one too old, and one whose sign-in at the provider never happened sign nothing.
 */
import { count, eq, like } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  account,
  auditEvents,
  clusterManagers,
  gateDecisions,
  gateReviews,
  organisations,
  user,
  verification,
} from '../../server/db/schema/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/ports.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { SsoBrowser } from '../support/sso-flow.ts';

const HOSPITAL_SLUG = 'centre-hospitalier-val-de-bievre';
const DOMAIN = 'chvb.example';
const NADIA = { email: `nadia.haddad@${DOMAIN}`, name: 'Nadia Haddad' };
const OMAR = { email: `omar.said@${DOMAIN}`, name: 'Omar Saïd' };
const RATIONALE = 'Comparability closed; the second cohort confirms the signal.';

let server: TestServer;
let idp: TestOidcProvider;
let manager: ApiClient;
let lead: ApiClient;
let providerId: string;
/** moves the server's clock, for the step-ups that must be too old */
let clockOffset = 0;
const projects: string[] = [];
const reviews: string[] = [];

const isCallback = (url: string) => url.startsWith(`${server.url}/api/auth/sso/callback/`);

/** A hospital person signed in through the provider, in a browser of their own, made a cluster manager. */
async function hospitalManager(person: { email: string; name: string }): Promise<SsoBrowser> {
  const browser = new SsoBrowser();
  const callback = await browser.signInAtIdp(
    await browser.startSso(server.url, person.email),
    person.email,
    isCallback,
  );
  expect((await browser.request(callback)).location).toBe(`${server.url}/`);
  const [row] = await server.deps.db.select({ id: user.id }).from(user).where(eq(user.email, person.email));
  await server.deps.db.insert(clusterManagers).values({ userId: row!.id, grantedAt: new Date() });
  return browser;
}

async function api(browser: SsoBrowser, path: string, body?: unknown) {
  const step = await browser.request(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: step.status, body: step.body ? JSON.parse(step.body) : null };
}

const startStepUp = (browser: SsoBrowser, i = 0) =>
  api(browser, `/api/projects/${projects[i]}/gates/${reviews[i]}/sign-in-again`, {});

const sign = (browser: SsoBrowser, stepUp: string, i = 0) =>
  api(browser, `/api/projects/${projects[i]}/gates/${reviews[i]}/decision`, {
    outcome: 'go',
    rationale: RATIONALE,
    stepUp,
  });

/**
 * Through the provider again, from the step-up's URL: answers whether the provider showed its
 * sign-in form (it has a session for this browser, so only `prompt=login` makes it ask).
 */
async function signInAgain(browser: SsoBrowser, idpUrl: string, email: string) {
  const page = await browser.follow(idpUrl, isCallback);
  const askedForCredentials = /<form[^>]+\/interaction\/[\w-]+\/login/.test(page.body);
  const callback = await browser.signInAtIdp(idpUrl, email, isCallback);
  const back = await browser.request(callback);
  return { askedForCredentials, landedAt: back.location };
}

/** How many pending step-ups with this id are kept (1 until spent, then 0). */
async function pending(stepUp: string) {
  const [row] = await server.deps.db
    .select({ n: count() })
    .from(verification)
    .where(like(verification.identifier, `gate-step-up:%:${stepUp}`));
  return row!.n;
}

async function nothingSigned() {
  const [row] = await server.deps.db
    .select({ n: count() })
    .from(gateDecisions)
    .where(eq(gateDecisions.reviewId, reviews[0]!));
  expect(row!.n).toBe(0);
  const [review] = await server.deps.db.select().from(gateReviews).where(eq(gateReviews.id, reviews[0]!));
  expect(review!.status).toBe('open');
}

let nadia: SsoBrowser;
let omar: SsoBrowser;

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + clockOffset) });
  manager = await signedIn(server.url, 'manager@demo.jalon');
  lead = await signedIn(server.url, 'lead@demo.jalon');
  const [hospital] = await server.deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, HOSPITAL_SLUG));
  providerId = `${HOSPITAL_SLUG}-oidc`;
  idp = await startOidcProvider({
    port: await freePort(),
    redirectUris: [`${server.url}/api/auth/sso/callback/${providerId}`],
    accounts: [NADIA, OMAR],
  });
  const added = await manager.post('/api/admin/sso/connections', {
    protocol: 'oidc',
    organisationId: hospital!.id,
    domains: [DOMAIN],
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  nadia = await hospitalManager(NADIA);
  omar = await hospitalManager(OMAR);

  const led = (await lead.get('/api/projects')).body.projects.filter((p: { stage: number }) => p.stage < 5);
  for (const project of led.slice(0, 2)) {
    await meetMustCriteria(server.url, lead, project);
    const requested = await lead.post(`/api/projects/${project.id}/gates`);
    expect(requested.status).toBe(201);
    projects.push(project.id);
    reviews.push(requested.body.id);
  }
});
afterAll(async () => {
  await idp?.close();
  await server?.close();
});

describe('a manager who signs in through their hospital signs a gate decision', () => {
  it('/api/me says they sign in again at the hospital to sign, and have no password', async () => {
    const me = await api(nadia, '/api/me');
    expect(me.body.signing).toEqual({
      password: false,
      organisation: expect.stringMatching(/Val de Bièvre/),
    });
    expect((await manager.get('/api/me')).body.signing).toEqual({ password: true, organisation: null });
  });

  it('someone without an organisation’s sign-in cannot start one', async () => {
    const reply = await manager.post(`/api/projects/${projects[0]}/gates/${reviews[0]}/sign-in-again`, {});
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toMatch(/sign with your password/);
  });

  it('refuses the step-up of another person, and writes nothing', async () => {
    const started = await startStepUp(omar);
    expect(started.status).toBe(200);
    expect((await signInAgain(omar, started.body.url, OMAR.email)).askedForCredentials).toBe(true);
    const refused = await sign(nadia, started.body.stepUp);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not known.*Nothing was signed/);
    await nothingSigned();
    // Omar's step-up is still his to spend: Nadia's attempt did not use it up.
    expect(await pending(started.body.stepUp)).toBe(1);
    const audited = await server.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, 'gate_signature'));
    expect(audited).toMatchObject([{ action: 'refused', entityId: reviews[0] }]);
  });

  it('one person holds at most five pending step-ups; the sixth is refused before anything is written', async () => {
    const held = async () =>
      (
        await server.deps.db
          .select({ n: count() })
          .from(verification)
          .where(like(verification.identifier, 'gate-step-up:%'))
      )[0]!.n;
    const before = await held();
    // Omar holds one already, from the test before.
    for (let i = 0; i < 4; i++) expect((await startStepUp(omar)).status).toBe(200);
    const sixth = await startStepUp(omar);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.message).toMatch(/5 times in the last 10 minutes/);
    expect(await held()).toBe(before + 4);
    // Nadia's own are hers to count.
    const hers = await startStepUp(nadia);
    expect(hers.status).toBe(200);
  });

  it('refuses a step-up whose sign-in at the provider never happened', async () => {
    // The provider's last sign-in for Nadia (her first) is then a minute before the start.
    clockOffset = 60_000;
    try {
      const started = await startStepUp(nadia);
      expect(started.status).toBe(200);
      const refused = await sign(nadia, started.body.stepUp);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/did not confirm a new sign-in/);
    } finally {
      clockOffset = 0;
    }
    await nothingSigned();
  });

  it('refuses a step-up more than ten minutes old', async () => {
    const started = await startStepUp(nadia);
    expect((await signInAgain(nadia, started.body.url, NADIA.email)).askedForCredentials).toBe(true);
    clockOffset = 11 * 60_000;
    try {
      const refused = await sign(nadia, started.body.stepUp);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/more than 10 minutes old/);
    } finally {
      clockOffset = 0;
    }
    await nothingSigned();
  });

  let used: string;
  let authTime: number;

  it("signs after signing in again at the provider, which asked again; records 'oidc' and auth_time", async () => {
    const before = Date.now();
    const started = await startStepUp(nadia);
    expect(started.status).toBe(200);
    const idpUrl = new URL(started.body.url);
    expect(idpUrl.origin).toBe(idp.issuer);
    expect(idpUrl.searchParams.get('prompt')).toBe('login');
    const again = await signInAgain(nadia, started.body.url, NADIA.email);
    expect(again.askedForCredentials).toBe(true);
    expect(again.landedAt).toBe(
      `${server.url}/projects/${projects[0]}?tab=gates&stepUp=${started.body.stepUp}`,
    );
    const [me] = await server.deps.db.select({ id: user.id }).from(user).where(eq(user.email, NADIA.email));
    const [linked] = await server.deps.db.select().from(account).where(eq(account.userId, me!.id));
    authTime = decodeJwt(linked!.idToken!).auth_time as number;
    expect(authTime).toBeGreaterThanOrEqual(Math.floor(before / 1000));

    const signed = await sign(nadia, started.body.stepUp);
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.decision.signature).toMatchObject({
      signer: { name: NADIA.name },
      method: 'oidc',
      authenticatedAt: new Date(authTime * 1000).toISOString(),
    });
    const [row] = await server.deps.db
      .select()
      .from(gateDecisions)
      .where(eq(gateDecisions.reviewId, reviews[0]!));
    expect(row!.signedWith).toBe('oidc');
    expect(row!.authenticatedAt!.getTime()).toBe(authTime * 1000);
    used = started.body.stepUp;
  });

  it('a step-up is spent by the signature: used again, it signs nothing', async () => {
    expect(await pending(used)).toBe(0);
    const again = await sign(nadia, used, 1);
    expect(again.status).toBe(403);
    expect(again.body.error.message).toMatch(/not known \(or was already used\)/);
    const [row] = await server.deps.db
      .select({ n: count() })
      .from(gateDecisions)
      .where(eq(gateDecisions.reviewId, reviews[1]!));
    expect(row!.n).toBe(0);
  });

  it('a step-up for one review does not sign another', async () => {
    const started = await startStepUp(nadia, 0);
    expect(started.status).toBe(409);
    const forOther = await startStepUp(nadia, 1);
    expect((await signInAgain(nadia, forOther.body.url, NADIA.email)).askedForCredentials).toBe(true);
    const signed = await sign(nadia, forOther.body.stepUp, 1);
    expect(signed.status).toBe(200);
    expect(signed.body.decision.signature.method).toBe('oidc');
  });
});
