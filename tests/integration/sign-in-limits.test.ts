/**
 * Password guessing, at sign-in and at the gate signature that re-enters the password: failures
 * are limited per account (wherever they come from) and per client address (the one the trusted
 * proxy saw, not what the client wrote into X-Forwarded-For); correct passwords are not counted.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, gateDecisions } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { meetMustCriteria } from '../support/gates.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  // One proxy in front (TRUST_PROXY_HOPS defaults to 1): it appends the address it saw.
  server = await startTestServer({ env: { TRUST_PROXY: '1' } });
});
afterAll(() => server?.close());

/** A sign-in through the proxy: `forwarded` is the X-Forwarded-For the proxy passes on. */
function signInVia(forwarded: string, email: string, password: string) {
  return new ApiClient(server.url).request(
    'POST',
    '/api/auth/sign-in/email',
    { email, password },
    { 'x-forwarded-for': forwarded },
  );
}

/** How many replies came before the first 429, and whether every reply after it is a 429. */
function shape(statuses: number[]) {
  const first = statuses.indexOf(429);
  return {
    before: statuses.slice(0, first === -1 ? statuses.length : first),
    limited: first !== -1 && statuses.slice(first).every((s) => s === 429),
  };
}

describe('sign-in attempts', () => {
  it('limits failures per account, whatever first X-Forwarded-For entry the client writes', async () => {
    const statuses: number[] = [];
    // the attacker writes a new first entry each time; the proxy appends the address it saw
    for (let i = 0; i < 30; i++)
      statuses.push((await signInVia(`10.9.${i}.1, 203.0.113.7`, 'partner@demo.jalon', `guess-${i}`)).status);
    const { before, limited } = shape(statuses);
    expect(limited).toBe(true);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThanOrEqual(10);
    expect(new Set(before)).toEqual(new Set([401]));

    // the right password, from anywhere else, is refused too while the account is locked
    const right = await signInVia('198.51.100.99', 'partner@demo.jalon', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('rate_limited');
    expect(right.body.error.message).toMatch(/try again/i);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('limits failures per address, and spoofed first entries do not reset the budget', async () => {
    const statuses: number[] = [];
    // a different account each time: only the address limit can stop this
    for (let i = 0; i < 80 && !statuses.includes(429); i++)
      statuses.push(
        (await signInVia(`10.8.${i}.1, 203.0.113.8`, `nobody-${i}@example.org`, `guess-${i}`)).status,
      );
    const { before, limited } = shape(statuses);
    expect(limited).toBe(true);
    expect(new Set(before)).toEqual(new Set([401]));
    // another address behind the same proxy is not affected
    expect((await signInVia('203.0.113.9', 'lead@demo.jalon', DEMO_PASSWORD)).status).toBe(200);
  });

  it("does not lock a hospital out for one colleague's typos: correct sign-ins are not counted", async () => {
    const hospital = '198.51.100.20';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await signInVia(hospital, 'researcher@demo.jalon', `typo-${i}`)).status);
    expect(statuses).toContain(429);
    // a colleague behind the same address signs in at once, and again and again
    for (let i = 0; i < 12; i++)
      expect((await signInVia(hospital, 'mentor@demo.jalon', DEMO_PASSWORD)).status, `sign-in ${i}`).toBe(
        200,
      );
  });

  it('counts guesses sent all at once: no more than the limit are ever checked', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signInVia('198.51.100.50', 'amina.diallo@demo.jalon', `rush-${i}`),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });

  it("a correct sign-in clears the account's failures", async () => {
    const office = '198.51.100.30';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++)
        expect((await signInVia(office, 'julien.moreau@demo.jalon', `typo-${i}`)).status).toBe(401);
      expect((await signInVia(office, 'julien.moreau@demo.jalon', DEMO_PASSWORD)).status).toBe(200);
    }
  });
});

describe('re-entering the password while signed in', () => {
  it('limits wrong current passwords at password change like sign-in, per account', async () => {
    const signed = await signedIn(server.url, 'camille.petit@demo.jalon', { fresh: true });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (
          await signed.post('/api/auth/change-password', {
            currentPassword: `guess-${i}`,
            newPassword: 'a-brand-new-passphrase-2027',
          })
        ).status,
      );
    const { before, limited } = shape(statuses);
    expect(limited).toBe(true);
    expect(before.length).toBeLessThanOrEqual(5);
    expect(new Set(before)).toEqual(new Set([400]));
    // the account's sign-in shares the count
    expect((await signInVia('198.51.100.60', 'camille.petit@demo.jalon', DEMO_PASSWORD)).status).toBe(429);
  });

  it("limits better-auth's password check for a signed-in user the same way", async () => {
    const signed = await signedIn(server.url, 'hugo.lambert@demo.jalon', { fresh: true });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await signed.post('/api/auth/verify-password', { password: `guess-${i}` })).status);
    const { before, limited } = shape(statuses);
    expect(limited).toBe(true);
    expect(before.length).toBeLessThanOrEqual(5);
    expect(new Set(before)).toEqual(new Set([400]));
    expect((await signInVia('198.51.100.61', 'hugo.lambert@demo.jalon', DEMO_PASSWORD)).status).toBe(429);
  });
});

describe('gate signature (re-entering the password)', () => {
  let project: { id: string; stage: number; track: string };
  let reviewId: string;

  beforeAll(async () => {
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    project = (await lead.get('/api/projects')).body.projects.find((p: { stage: number }) => p.stage < 5);
    await meetMustCriteria(server.url, lead, project);
    const requested = await lead.post(`/api/projects/${project.id}/gates`);
    expect(requested.status).toBe(201);
    reviewId = requested.body.id;
  });

  const refusals = async () =>
    (
      await server.deps.db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, 'gate_signature'), eq(auditEvents.entityId, reviewId)))
    )[0]!.n;

  it('refuses with 429 after a few wrong passwords, audits each wrong one, and then checks no password', async () => {
    const manager = await signedIn(server.url, 'manager@demo.jalon');
    const decide = (password: string) =>
      manager.post(`/api/projects/${project.id}/gates/${reviewId}/decision`, {
        outcome: 'go',
        rationale: 'Every must-meet criterion is evidenced.',
        password,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await decide(`guess-${i}`)).status);
    const { before, limited } = shape(statuses);
    expect(limited).toBe(true);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThanOrEqual(10);
    expect(new Set(before)).toEqual(new Set([403]));

    // every wrong password is in the audit trail, attributed; the refusals past the limit
    // checked no password
    expect(await refusals()).toBe(before.length);
    const [entry] = await server.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, 'gate_signature'))
      .limit(1);
    expect(entry).toMatchObject({ action: 'refused', projectId: project.id, reason: 'wrong password' });
    expect(entry!.actorId).toBe((await manager.get('/api/me')).body.user.id);

    // even the right password is refused while the limit holds, and nothing is signed
    const right = await decide(DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('rate_limited');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await server.deps.db.select({ n: count() }).from(gateDecisions))[0]!.n).toBe(0);
    expect(await refusals()).toBe(before.length);

    // the same account's sign-in shares the limit: guessing cannot move there
    expect((await signInVia('198.51.100.40', 'manager@demo.jalon', DEMO_PASSWORD)).status).toBe(429);
  });
});
