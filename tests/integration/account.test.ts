/**
 * The account page's API: one's profile (the shared schema and the display-name rule), one's
 * sessions (listed with the current one marked, signed out one at a time), and who must not
 * reach them: another user, or an API token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../support/accounts.ts';
import { ApiClient } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { bearerClient, createToken } from './api-tokens.fixtures.ts';

const PASSWORD = 'a long and unusual passphrase';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A fresh account and `n` browsers signed in as it. */
async function person(label: string, n = 1): Promise<{ email: string; browsers: ApiClient[] }> {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  await createAccount(server, { name: `Camille ${label}`, email, password: PASSWORD });
  const browsers: ApiClient[] = [];
  for (let i = 0; i < n; i++) {
    const client = new ApiClient(server.url);
    const reply = await client.request(
      'POST',
      '/api/auth/sign-in/email',
      { email, password: PASSWORD },
      {
        'user-agent': `Mozilla/5.0 (Browser ${i}) Firefox/130.0`,
      },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    browsers.push(client);
  }
  return { email, browsers };
}

describe('profile', () => {
  it('changes name, title, language and time zone, and reads them back', async () => {
    const [browser] = (await person('profile')).browsers as [ApiClient];
    const reply = await browser.patch('/api/me', {
      name: '  Camille Roussel ',
      title: 'Clinical research nurse',
      locale: 'fr',
      timeZone: 'America/Montreal',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.user).toMatchObject({
      name: 'Camille Roussel',
      title: 'Clinical research nurse',
      locale: 'fr',
      timeZone: 'America/Montreal',
    });
    // Empty clears the optional fields.
    const cleared = await browser.patch('/api/me', { title: '', timeZone: '' });
    expect(cleared.body.user).toMatchObject({ name: 'Camille Roussel', title: null, timeZone: null });
    expect((await browser.get('/api/me')).body.user.title).toBeNull();
  });

  it('refuses, on the field, a name that passes for the office, an unknown zone, an empty name', async () => {
    const [browser] = (await person('refused')).browsers as [ApiClient];
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Bureau du Programme' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ title: 'x'.repeat(101) }, 'title'],
    ];
    for (const [body, field] of cases) {
      const reply = await browser.patch('/api/me', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.issues[0].path).toBe(field);
    }
    expect((await browser.patch('/api/me', { email: 'other@example.org' })).status).toBe(400);
    expect((await browser.get('/api/me')).body.user.name).toMatch(/^Camille refused$/);
  });

  it('a read-only token cannot change the profile', async () => {
    const [browser] = (await person('token-profile')).browsers as [ApiClient];
    const { token } = await createToken(browser, { scope: 'read' });
    const reply = await bearerClient(server.url, token).patch('/api/me', { name: 'Someone Else' });
    expect(reply.status).toBe(403);
    expect((await browser.get('/api/me')).body.user.name).toMatch(/^Camille /);
  });
});

describe('sessions', () => {
  it('lists one’s sessions with the current one marked, and signs one out', async () => {
    const [here, there] = (await person('sessions', 2)).browsers as [ApiClient, ApiClient];
    const { sessions } = (await here.get('/api/me/sessions')).body;
    expect(sessions).toHaveLength(2);
    const current = sessions.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0].userAgent).toContain('Browser 0');
    const other = sessions.find((s: { current: boolean }) => !s.current);
    expect(other.userAgent).toContain('Browser 1');
    expect(JSON.stringify(sessions)).not.toMatch(/token/i);

    expect((await here.delete(`/api/me/sessions/${other.id}`)).status).toBe(204);
    expect((await there.get('/api/me')).status).toBe(401);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await here.get('/api/me/sessions')).body.sessions).toHaveLength(1);
  });

  it('another user neither sees nor signs out my sessions', async () => {
    const [mine] = (await person('owner')).browsers as [ApiClient];
    const [theirs] = (await person('intruder')).browsers as [ApiClient];
    const myId = (await mine.get('/api/me/sessions')).body.sessions[0].id;
    const seen = (await theirs.get('/api/me/sessions')).body.sessions as { id: string }[];
    expect(seen.map((s) => s.id)).not.toContain(myId);
    expect((await theirs.delete(`/api/me/sessions/${myId}`)).status).toBe(404);
    expect((await mine.get('/api/me')).status).toBe(200);
  });

  it('another user cannot revoke my API token', async () => {
    const [mine] = (await person('token-owner')).browsers as [ApiClient];
    const [theirs] = (await person('token-intruder')).browsers as [ApiClient];
    const created = await createToken(mine, { name: 'mine' });
    expect((await theirs.get('/api/me/tokens')).body.tokens).toEqual([]);
    expect((await theirs.delete(`/api/me/tokens/${created.id}`)).status).toBe(404);
    expect((await bearerClient(server.url, created.token).get('/api/me')).status).toBe(200);
  });

  it('an API token cannot sign sessions out', async () => {
    const [browser] = (await person('token-sessions')).browsers as [ApiClient];
    const { token } = await createToken(browser, { scope: 'write' });
    const id = (await browser.get('/api/me/sessions')).body.sessions[0].id;
    expect((await bearerClient(server.url, token).delete(`/api/me/sessions/${id}`)).status).toBe(403);
    expect((await browser.get('/api/me')).status).toBe(200);
  });

  it('changing the password with the current one signs out the other sessions', async () => {
    const [here, there] = (await person('password', 2)).browsers as [ApiClient, ApiClient];
    const wrong = await here.post('/api/auth/change-password', {
      currentPassword: 'not the password at all',
      newPassword: 'another long unusual passphrase',
      revokeOtherSessions: true,
    });
    expect(wrong.status).toBe(400);
    expect((await there.get('/api/me')).status).toBe(200);
    const changed = await here.post('/api/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'another long unusual passphrase',
      revokeOtherSessions: true,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await there.get('/api/me')).status).toBe(401);
    expect((await here.get('/api/me')).status).toBe(200);
  });
});
