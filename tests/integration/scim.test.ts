/**
 * Automatic removal (SCIM 2.0): a cluster manager turns it on for an organisation and hands its
 * identity provider a token; the provider, speaking SCIM over HTTP as Entra ID or Okta do,
 * deactivates a person, whose session, API token and sign-in stop working at once. A token is
 * confined to its organisation's people, a revoked or rotated-out token is refused, and bad input
 * gets a SCIM error and changes nothing.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  account,
  auditEvents,
  organisationMembers,
  projectMembers,
  scimManagedConnection,
  scimUser,
  ssoProvider,
  user,
} from '../../server/db/schema/index.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { credentialsEnded } from '../support/credentials.ts';
import { identityProvider, SCIM_ERROR, SCIM_USER } from '../support/scim.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectWith } from '../support/socket.ts';
import { bearerClient, createToken } from './api-tokens.fixtures.ts';

let server: TestServer;
let manager: ApiClient;
const ids: Record<string, string> = {};
const orgOf: Record<string, string> = {};

async function idOf(email: string) {
  const [row] = await server.deps.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return row!.id;
}

async function firstOrganisationOf(userId: string) {
  const [row] = await server.deps.db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return row!.id;
}

const scimUrl = () => `${server.url}/api/auth/scim/v2`;
const scimRows = async () => (await server.deps.db.select({ n: count() }).from(scimUser))[0]!.n;

beforeAll(async () => {
  server = await startTestServer();
  manager = await signedIn(server.url, 'manager@demo.jalon');
  for (const who of ['researcher', 'partner', 'lead']) {
    ids[who] = await idOf(`${who}@demo.jalon`);
    orgOf[who] = await firstOrganisationOf(ids[who]!);
  }
  expect(orgOf.researcher).not.toBe(orgOf.partner);
});
afterAll(() => server?.close());

async function enable(organisationId: string) {
  const reply = await manager.post(`/api/admin/organisations/${organisationId}/scim`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { token: string; baseUrl: string; enabled: boolean };
}

describe('turning automatic removal on', () => {
  it('a lead is refused and nothing is written', async () => {
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    const reply = await lead.post(`/api/admin/organisations/${orgOf.lead}/scim`);
    expect(reply.status).toBe(403);
    expect((await lead.get(`/api/admin/organisations/${orgOf.lead}/scim`)).status).toBe(403);
    // nor may a manager's API token: tokens are for scripts, not for handing out credentials
    const script = bearerClient(server.url, (await createToken(manager, { scope: 'write' })).token);
    expect((await script.post(`/api/admin/organisations/${orgOf.lead}/scim`)).status).toBe(403);
    const rows = await server.deps.db.select().from(scimManagedConnection);
    expect(rows).toHaveLength(0);
  });

  it('a cluster manager gets the base URL and a token shown once, and the change is audited', async () => {
    const before = await manager.get(`/api/admin/organisations/${orgOf.researcher}/scim`);
    expect(before.body).toMatchObject({ enabled: false, credential: null, baseUrl: scimUrl() });
    const on = await enable(orgOf.researcher!);
    expect(on).toMatchObject({ enabled: true, baseUrl: scimUrl() });
    expect(on.token.length).toBeGreaterThan(40);
    const after = await manager.get(`/api/admin/organisations/${orgOf.researcher}/scim`);
    expect(after.body.enabled).toBe(true);
    expect(after.body.token).toBeUndefined();
    expect(JSON.stringify(after.body)).not.toContain(on.token);
    expect((await manager.post(`/api/admin/organisations/${orgOf.researcher}/scim`)).status).toBe(409);
    const audit = await server.deps.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entity, 'scim_connection'),
          eq(auditEvents.actorId, await idOf('manager@demo.jalon')),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(on.token);
    await manager.delete(`/api/admin/organisations/${orgOf.researcher}/scim/token`);
  });
});

describe('the identity provider deactivates a person', () => {
  it('ends their session and API token at once, and they cannot sign in again', async () => {
    const { token } = await enable(orgOf.researcher!);
    const idp = identityProvider(scimUrl(), token);
    const researcher = await signedIn(server.url, 'researcher@demo.jalon', { fresh: true });
    const apiToken = await createToken(researcher, { scope: 'read' });
    const script = bearerClient(server.url, apiToken.token);
    expect((await script.get('/api/me')).status).toBe(200);
    const browserSocket = await connectWith(server.url, { cookie: researcher.cookie, origin: server.url });
    const scriptSocket = await connectWith(server.url, { token: apiToken.token });

    const linked = await idp.createUser('researcher@demo.jalon', {
      givenName: 'Camille',
      familyName: 'Researcher',
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    // Linked, not renamed: the directory does not manage a Jalon account's profile.
    const [kept] = await server.deps.db
      .select({ name: user.name })
      .from(user)
      .where(eq(user.id, ids.researcher!));
    expect(kept!.name).not.toBe('Camille Researcher');

    const ended = Promise.all([credentialsEnded(browserSocket, 1000), credentialsEnded(scriptSocket, 1000)]);
    const off = await idp.deactivate(linked.body.id);
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.active).toBe(false);
    // Both sockets are told why, once, and closed.
    expect((await ended).map((e) => e.reason)).toEqual(['deactivated', 'deactivated']);
    browserSocket.close();
    scriptSocket.close();

    expect((await researcher.get('/api/me')).status).toBe(401);
    expect((await script.get('/api/me')).status).toBe(401);
    const again = await new ApiClient(server.url).signIn('researcher@demo.jalon');
    expect(again.status).toBe(403);
    expect(JSON.stringify(again.body)).toContain('deactivated');

    const [entry] = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ids.researcher!), eq(auditEvents.field, 'deactivated_at')));
    expect(entry).toMatchObject({ actorId: null, actorOrganisationId: orgOf.researcher });
    expect(entry!.reason).toContain('SCIM');

    // Active again at the provider: the account stays deactivated until a manager decides.
    const on = await idp.reactivate(linked.body.id);
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect((await new ApiClient(server.url).signIn('researcher@demo.jalon')).status).toBe(403);
    expect((await manager.post(`/api/people/${ids.researcher}/reactivate`)).status).toBe(200);
    expect((await new ApiClient(server.url).signIn('researcher@demo.jalon')).status).toBe(200);
  });

  it('creates an account for a new address in the organisation, with no project rights, and a deletion deactivates it', async () => {
    const { token } = await manager
      .post(`/api/admin/organisations/${orgOf.researcher}/scim/rotate`)
      .then((r) => r.body as { token: string });
    const idp = identityProvider(scimUrl(), token);
    const created = await idp.createUser('new.hire@veltricell.example', {
      givenName: 'Noa',
      familyName: 'Hire',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const newId = await idOf('new.hire@veltricell.example');
    expect(await firstOrganisationOf(newId)).toBe(orgOf.researcher);
    expect(
      await server.deps.db.select().from(projectMembers).where(eq(projectMembers.userId, newId)),
    ).toHaveLength(0);

    expect((await idp.deleteUser(created.body.id)).status).toBe(204);
    const [row] = await server.deps.db
      .select({ at: user.deactivatedAt })
      .from(user)
      .where(eq(user.id, newId));
    expect(row!.at).not.toBeNull();
  });

  it('a revoked or rotated-out token is refused', async () => {
    const first = (await manager.post(`/api/admin/organisations/${orgOf.researcher}/scim/rotate`)).body.token;
    const second = (await manager.post(`/api/admin/organisations/${orgOf.researcher}/scim/rotate`)).body
      .token;
    expect((await identityProvider(scimUrl(), first).listUsers()).status).toBe(401);
    expect((await identityProvider(scimUrl(), second).listUsers()).status).toBe(200);
    const off = await manager.delete(`/api/admin/organisations/${orgOf.researcher}/scim/token`);
    expect(off.body).toMatchObject({ enabled: false, credential: null });
    const refused = await identityProvider(scimUrl(), second).listUsers();
    expect(refused.status).toBe(401);
    expect(refused.body.schemas).toEqual([SCIM_ERROR]);
  });
});

describe('a token stays within its organisation', () => {
  it("organisation B's token cannot see, link, change or remove organisation A's people", async () => {
    const a = identityProvider(
      scimUrl(),
      (await manager.post(`/api/admin/organisations/${orgOf.researcher}/scim`)).body.token,
    );
    const b = identityProvider(scimUrl(), (await enable(orgOf.partner!)).token);
    const lead = await a.createUser('lead@demo.jalon', { givenName: 'Lead', familyName: 'Demo' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    const rows = await scimRows();

    const listed = await b.listUsers();
    expect(listed.status).toBe(200);
    expect(listed.body.totalResults).toBe(0);
    // Okta looks a person up by userName before creating them: A finds its own, B finds nothing.
    const lookup = `/Users?filter=${encodeURIComponent('userName eq "lead@demo.jalon"')}`;
    expect((await a.call('GET', lookup)).body.totalResults).toBe(1);
    expect((await b.call('GET', lookup)).body.totalResults).toBe(0);
    expect((await b.call('GET', `/Users/${lead.body.id}`)).status).toBe(404);
    expect((await b.deactivate(lead.body.id)).status).toBe(404);
    expect((await b.deleteUser(lead.body.id)).status).toBe(404);
    // Typing A's person's address does not link them to B.
    const claim = await b.createUser('lead@demo.jalon', { givenName: 'Lead', familyName: 'Demo' });
    expect(claim.status).toBe(409);
    expect(claim.body.schemas).toEqual([SCIM_ERROR]);

    expect(await scimRows()).toBe(rows);
    const [still] = await server.deps.db
      .select({ at: user.deactivatedAt })
      .from(user)
      .where(eq(user.id, ids.lead!));
    expect(still!.at).toBeNull();
    expect(
      (await signedIn(server.url, 'lead@demo.jalon', { fresh: true }).then((c) => c.get('/api/me'))).status,
    ).toBe(200);
  });
});

describe('bad input', () => {
  it('an oversized body or an unknown schema gets a SCIM error and changes nothing', async () => {
    const token = (await manager.post(`/api/admin/organisations/${orgOf.researcher}/scim/rotate`)).body.token;
    const idp = identityProvider(scimUrl(), token);
    const rows = await scimRows();
    const people = (await server.deps.db.select({ n: count() }).from(user))[0]!.n;

    const huge = await idp.call('POST', '/Users', {
      schemas: [SCIM_USER],
      userName: 'huge@veltricell.example',
      displayName: 'x'.repeat(70 * 1024),
      emails: [{ value: 'huge@veltricell.example', primary: true }],
    });
    expect(huge.status).toBe(413);
    expect(huge.body.schemas).toEqual([SCIM_ERROR]);

    const unknown = await idp.call('POST', '/Users', {
      schemas: ['urn:example:not-a-user'],
      userName: 'odd@veltricell.example',
      emails: [{ value: 'odd@veltricell.example', primary: true }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.schemas).toEqual([SCIM_ERROR]);

    const badPatch = await idp.call('PATCH', `/Users/${crypto.randomUUID()}`, { Operations: 'nope' });
    expect(badPatch.status).toBeGreaterThanOrEqual(400);
    expect(badPatch.body.schemas).toEqual([SCIM_ERROR]);

    // Groups would be roles: the token may not touch them.
    const groups = await idp.call('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Everyone',
    });
    expect(groups.status).toBe(403);
    expect(groups.body.schemas).toEqual([SCIM_ERROR]);

    expect(await scimRows()).toBe(rows);
    expect((await server.deps.db.select({ n: count() }).from(user))[0]!.n).toBe(people);
  });
});

describe('single sign-on accounts not seen for 90 days', () => {
  it('lists the active SSO accounts whose last sign-in is older than 90 days or missing, and no one else', async () => {
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    await server.deps.db.insert(ssoProvider).values({
      id: crypto.randomUUID(),
      issuer: 'https://idp.example',
      providerId: 'veltricell-oidc',
      domain: 'veltricell.example',
    });
    const people: Record<string, string> = {};
    for (const [key, email, lastSignInAt, sso] of [
      ['stale', 'stale@veltricell.example', days(120), true],
      ['never', 'never@veltricell.example', null, true],
      ['recent', 'recent@veltricell.example', days(10), true],
      ['password', 'password@veltricell.example', days(200), false],
    ] as const) {
      const id = crypto.randomUUID();
      await server.deps.db
        .insert(user)
        .values({ id, name: `Person ${key}`, email, emailVerified: true, lastSignInAt });
      await server.deps.db.insert(account).values({
        id: crypto.randomUUID(),
        accountId: sso ? `sub-${key}` : id,
        providerId: sso ? 'veltricell-oidc' : 'credential',
        userId: id,
      });
      people[key] = id;
    }
    const unseen = async () => {
      const reply = await manager.get('/api/people?status=sso_unseen&limit=100');
      expect(reply.status).toBe(200);
      return reply.body.people as { email: string; lastSignInAt: string | null; sso: boolean }[];
    };
    const listed = await unseen();
    expect(listed.map((p) => p.email).sort()).toEqual([
      'never@veltricell.example',
      'stale@veltricell.example',
    ]);
    const stale = listed.find((p) => p.email.startsWith('stale'))!;
    expect(Date.parse(stale.lastSignInAt!)).toBeLessThan(days(119).getTime());
    expect(listed.find((p) => p.email.startsWith('never'))!.lastSignInAt).toBeNull();

    // Moving the recent one's last sign-in back 90 days lists them too.
    await server.deps.db
      .update(user)
      .set({ lastSignInAt: days(91) })
      .where(eq(user.id, people.recent!));
    expect((await unseen()).map((p) => p.email)).toContain('recent@veltricell.example');

    // Deactivated with the action that exists, they leave the list.
    expect((await manager.post(`/api/people/${people.stale}/deactivate`)).status).toBe(200);
    expect((await unseen()).map((p) => p.email)).not.toContain('stale@veltricell.example');

    const lead = await signedIn(server.url, 'lead@demo.jalon', { fresh: true });
    expect((await lead.get('/api/people?status=sso_unseen')).status).toBe(403);
    expect((await manager.get('/api/people?status=sso_unseen&limit=1000')).status).toBe(400);
  });
});
