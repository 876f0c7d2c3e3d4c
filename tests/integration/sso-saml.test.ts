/**
 * Signing in through a SAML identity provider (better-auth's SSO plugin, server/sso/sso-plugin.ts),
 * against a real IdP on loopback (tests/support/saml-idp.ts), driven with plain HTTP as a browser
 * would: Jalon's sign-in answers where to go, the IdP answers a self-submitting form, the browser
 * posts it cross-site to Jalon's assertion consumer service, which opens a session, or sends the
 * person back to the sign-in page with the reason (`error`, `error_description`).
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, organisations, session, user } from '../../server/db/schema/index.ts';
import { SAML_CLOCK_SKEW_MS } from '../../server/sso/sso-plugin.ts';
import { connectSamlIdp } from '../support/saml-connection.ts';
import {
  OID_ATTRIBUTES,
  type ResponseKind,
  readAutoPostForm,
  type SamlIdp,
  startSamlIdp,
} from '../support/saml-idp.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const PROVIDER_ID = 'chu-saint-eloi';
const DOMAIN = 'chu-saint-eloi.example';

let server: TestServer;
let idp: SamlIdp;
let organisationId: string;

beforeAll(async () => {
  [server, idp] = await Promise.all([startTestServer(), startSamlIdp()]);
  const [organisation] = await server.deps.db.select({ id: organisations.id }).from(organisations).limit(1);
  organisationId = organisation!.id;
  await connectSamlIdp(server, idp, { providerId: PROVIDER_ID, domain: DOMAIN, organisationId });
});
afterAll(async () => {
  await idp?.close();
  await server?.close();
});

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c?.endsWith('='))
    .join('; ');

/** Jalon's sign-in: where the browser is sent (the IdP, with an AuthnRequest). */
async function startSignIn(providerId = PROVIDER_ID): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in/sso`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ providerId, callbackURL: '/', errorCallbackURL: '/sign-in' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { url: string; redirect: boolean };
  expect(body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sso\?SAMLRequest=/);
  return body.url;
}

/** The IdP's page for that request: the form it makes the browser post. */
async function atIdp(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return readAutoPostForm(await res.text());
}

/**
 * What the browser does with the IdP's form: a cross-site POST to Jalon, which carries none of
 * Jalon's SameSite=Lax cookies.
 */
async function postToJalon(form: { action: string; fields: Record<string, string> }, from = idp) {
  const res = await fetch(form.action, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: from.origin,
      'sec-fetch-site': 'cross-site',
    },
    body: new URLSearchParams(form.fields).toString(),
  });
  const location = res.headers.get('location');
  return {
    status: res.status,
    location: location ? new URL(location, server.url) : null,
    cookie: cookieOf(res),
  };
}

async function signInThroughIdp(kind: ResponseKind = 'signed') {
  const url = await startSignIn();
  idp.spoilNext(kind);
  const form = await atIdp(url);
  return { form, landing: await postToJalon(form) };
}

async function me(cookie: string) {
  const res = await fetch(`${server.url}/api/me`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as { user: { email: string; name: string } } };
}

const tally = async () => ({
  users: (await server.deps.db.select({ n: count() }).from(user))[0]?.n ?? 0,
  sessions: (await server.deps.db.select({ n: count() }).from(session))[0]?.n ?? 0,
});

/** A refusal as the person meets it: back at the sign-in page with the reason, signed out. */
function expectRefused(landing: Awaited<ReturnType<typeof postToJalon>>, error: string, description: RegExp) {
  expect(landing.status).toBe(302);
  expect(landing.location?.origin).toBe(server.url);
  expect(landing.location?.pathname).toBe('/sign-in');
  expect(landing.location?.searchParams.get('error')).toBe(error);
  expect(landing.location?.searchParams.get('error_description')).toMatch(description);
  expect(landing.cookie).not.toMatch(/session_token=/);
}

let someone = 0;
const nextPerson = () => {
  someone += 1;
  return { email: `person-${someone}@${DOMAIN}`, givenName: 'Person', surname: String(someone) };
};

describe('signing in with a SAML identity provider', () => {
  it('opens a session for the asserted address, and the account is made from the assertion', async () => {
    idp.signIn({
      email: `Amelie.Roux@${DOMAIN}`,
      givenName: 'Amélie',
      surname: 'Roux',
      displayName: 'A. Roux',
    });
    const { landing } = await signInThroughIdp();
    expect(landing.status).toBe(302);
    expect(landing.location?.href).toBe(`${server.url}/`);
    expect(landing.cookie).toMatch(/session_token=/);
    const reply = await me(landing.cookie);
    expect(reply.status).toBe(200);
    // The address is kept in lower case; the name is given name and surname.
    expect(reply.body.user).toMatchObject({ email: `amelie.roux@${DOMAIN}`, name: 'Amélie Roux' });
    const rows = await server.deps.db
      .select({ providerId: account.providerId, accountId: account.accountId })
      .from(user)
      .innerJoin(account, eq(account.userId, user.id))
      .where(eq(user.email, `amelie.roux@${DOMAIN}`));
    // Linked to the connection by the NameID, as the IdP wrote it; no password.
    expect(rows).toEqual([{ providerId: PROVIDER_ID, accountId: `Amelie.Roux@${DOMAIN}` }]);
  });

  it('signs the same person in again into the same account', async () => {
    idp.signIn({ email: `Amelie.Roux@${DOMAIN}`, givenName: 'Amélie', surname: 'Roux' });
    const before = await tally();
    const { landing } = await signInThroughIdp();
    expect((await me(landing.cookie)).body.user.email).toBe(`amelie.roux@${DOMAIN}`);
    expect(await tally()).toEqual({ users: before.users, sessions: before.sessions + 1 });
  });

  it('takes the display name when the IdP sends no given name and surname', async () => {
    idp.signIn({ email: `k.benali@${DOMAIN}`, displayName: 'Karim Benali' });
    const { landing } = await signInThroughIdp();
    expect((await me(landing.cookie)).body.user).toMatchObject({
      email: `k.benali@${DOMAIN}`,
      name: 'Karim Benali',
    });
  });

  it(`accepts an IdP whose clock runs a little ahead (within ${SAML_CLOCK_SKEW_MS / 1000} s)`, async () => {
    idp.signIn(nextPerson());
    idp.setClockOffset(SAML_CLOCK_SKEW_MS / 2);
    try {
      const { landing } = await signInThroughIdp();
      expect(landing.location?.href).toBe(`${server.url}/`);
      expect((await me(landing.cookie)).status).toBe(200);
    } finally {
      idp.setClockOffset(0);
    }
  });

  const refusals: [string, ResponseKind, string, RegExp][] = [
    ['an assertion nobody signed', 'unsigned', 'saml_error', /^Invalid SAML response$/],
    [
      'a signed response around an unsigned assertion',
      'response-signed-only',
      'invalid_saml_response',
      /^SAML assertion signature is required$/,
    ],
    ['an assertion signed with another key', 'impostor', 'saml_error', /^Invalid SAML response$/],
    [
      "an assertion signed with another key, carrying the IdP's certificate",
      'impostor-claiming-idp-cert',
      'saml_error',
      /^Invalid SAML response$/,
    ],
    [
      'an assertion addressed to another service',
      'other-audience',
      'invalid_saml_response',
      /^SAML assertion audience does not match this Service Provider$/,
    ],
    ['an assertion whose validity window has ended', 'expired', 'saml_error', /^Invalid SAML response$/],
    [
      'an assertion whose validity window has not begun',
      'not-yet-valid',
      'saml_error',
      /^Invalid SAML response$/,
    ],
  ];
  it.each(refusals)('refuses %s: no session, no account', async (_what, kind, error, description) => {
    const person = nextPerson();
    idp.signIn(person);
    const before = await tally();
    const { landing } = await signInThroughIdp(kind);
    expectRefused(landing, error, description);
    expect(await tally()).toEqual(before);
    expect(await server.deps.db.select().from(user).where(eq(user.email, person.email))).toEqual([]);
  });

  it('refuses a response presented a second time (a replay)', async () => {
    idp.signIn(nextPerson());
    const { form, landing } = await signInThroughIdp();
    expect(landing.cookie).toMatch(/session_token=/);
    const before = await tally();
    const replay = await postToJalon(form);
    // The request it answers was used up by the first sign-in.
    expectRefused(replay, 'invalid_saml_response', /^Unknown or expired request ID$/);
    expect(await tally()).toEqual(before);
  });

  it('refuses an assertion already used, even inside a fresh response to a new request', async () => {
    idp.signIn(nextPerson());
    const first = await signInThroughIdp();
    expect(first.landing.cookie).toMatch(/session_token=/);
    const before = await tally();
    const { landing } = await signInThroughIdp('reused-assertion');
    expectRefused(landing, 'replay_detected', /^SAML assertion has already been used$/);
    expect(await tally()).toEqual(before);
  });

  it('refuses a signed response nobody asked for (IdP-initiated)', async () => {
    const person = nextPerson();
    idp.signIn(person);
    const before = await tally();
    const unsolicited = idp.initiate();
    const landing = await postToJalon({
      action: unsolicited.action,
      fields: { SAMLResponse: unsolicited.SAMLResponse },
    });
    expectRefused(landing, 'unsolicited_response', /^IdP-initiated SSO not allowed$/);
    expect(await tally()).toEqual(before);
  });

  it('takes cross-site posts only at the assertion consumer service', async () => {
    for (const path of [
      '/api/auth/sign-in/sso',
      '/api/auth/sso/saml2/sp/acs',
      `/api/auth/sso/saml2/sp/acs/${PROVIDER_ID}/more`,
      '/api/auth/sign-out',
    ]) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: idp.origin, 'sec-fetch-site': 'cross-site' },
        body: JSON.stringify({ providerId: PROVIDER_ID, callbackURL: '/' }),
      });
      expect(res.status, path).toBe(403);
    }
  });
});

describe('an identity provider that names attributes by their OIDs (Shibboleth, RENATER)', () => {
  const UNIVERSITY = 'universite-exemple';
  const UNIVERSITY_DOMAIN = 'univ-exemple.example';
  let university: SamlIdp;

  beforeAll(async () => {
    university = await startSamlIdp({ attributeNaming: 'oid' });
    await connectSamlIdp(server, university, {
      providerId: UNIVERSITY,
      domain: UNIVERSITY_DOMAIN,
      organisationId,
      mapping: {
        email: OID_ATTRIBUTES.email,
        name: OID_ATTRIBUTES.displayName,
        firstName: OID_ATTRIBUTES.givenName,
        lastName: OID_ATTRIBUTES.surname,
      },
    });
  });
  afterAll(() => university?.close());

  it("reads the address and the name through the connection's mapping", async () => {
    university.signIn({
      email: `Lucie.Martin@${UNIVERSITY_DOMAIN}`,
      givenName: 'Lucie',
      surname: 'Martin',
      displayName: 'Lucie Martin (IGR)',
    });
    const url = await startSignIn(UNIVERSITY);
    expect(url.startsWith(`${university.ssoUrl}?`)).toBe(true);
    const landing = await postToJalon(await atIdp(url), university);
    expect(landing.location?.href).toBe(`${server.url}/`);
    expect((await me(landing.cookie)).body.user).toMatchObject({
      email: `lucie.martin@${UNIVERSITY_DOMAIN}`,
      name: 'Lucie Martin',
    });
  });
});
