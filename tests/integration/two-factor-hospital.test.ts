/**
 * The second step of sign-in for a hospital behind one address: every request here comes from
 * 127.0.0.1. Right codes are never counted against the address, however many colleagues sign in;
 * wrong codes are, over all accounts, like wrong passwords.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_FAILURES } from '../../server/auth/password-attempts.ts';
import { createAccount } from '../support/accounts.ts';
import { ApiClient } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { secretOf, totp, wrongCode } from '../support/totp.ts';

const PASSWORD = 'a long enough password for tests';
const STAFF = 32;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const people: { email: string; secret: string }[] = [];

/** Password first: the reply asks for the code. */
async function firstStep(email: string) {
  const client = new ApiClient(server.url);
  const reply = await client.signIn(email, PASSWORD);
  expect(reply.status, `password of ${email}`).toBe(200);
  expect(reply.body).toMatchObject({ twoFactorRedirect: true });
  return client;
}

describe('a hospital’s colleagues at the second step, from one address', () => {
  it(`turns on two-factor for ${STAFF} colleagues: every first code is accepted`, async () => {
    for (let i = 0; i < STAFF; i++) {
      const email = `nurse-${i}@chvb.example`;
      await createAccount(server, { name: `Nurse ${i}`, email, password: PASSWORD });
      const client = new ApiClient(server.url);
      expect((await client.signIn(email, PASSWORD)).status).toBe(200);
      const enabled = await client.post('/api/auth/two-factor/enable', { password: PASSWORD });
      expect(enabled.status).toBe(200);
      const secret = secretOf(enabled.body.totpURI);
      const confirmed = await client.post('/api/auth/two-factor/verify-totp', { code: totp(secret) });
      expect(confirmed.status, `first code of ${email}`).toBe(200);
      people.push({ email, secret });
    }
  }, 180_000);

  it(`signs all ${STAFF} in with password and code at once, none refused`, async () => {
    const replies = await Promise.all(
      people.map(async (p) => {
        const client = await firstStep(p.email);
        const verified = await client.post('/api/auth/two-factor/verify-totp', { code: totp(p.secret) });
        return { verified: verified.status, me: (await client.get('/api/me')).status };
      }),
    );
    expect(replies).toEqual(people.map(() => ({ verified: 200, me: 200 })));
  }, 120_000);

  it('counts wrong codes over every account of the address, and then refuses with a time to wait', async () => {
    const statuses: number[] = [];
    // four wrong codes per sign-in (the plugin stops a sign-in at five), a new colleague each time
    for (let i = 0; statuses.length < ADDRESS_FAILURES + 10 && !statuses.includes(429); i++) {
      const p = people[i % people.length]!;
      const client = await firstStep(p.email);
      for (let guess = 0; guess < 4 && !statuses.includes(429); guess++) {
        const reply = await client.post('/api/auth/two-factor/verify-totp', { code: wrongCode(p.secret) });
        statuses.push(reply.status);
        if (reply.status === 429) {
          expect(reply.body.error.code).toBe('rate_limited');
          expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(60);
        }
      }
    }
    expect(statuses.indexOf(429)).toBe(ADDRESS_FAILURES);
    expect(new Set(statuses.slice(0, ADDRESS_FAILURES))).toEqual(new Set([401]));
  }, 120_000);
});
