import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session, user } from '../../server/db/schema/index.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const sessions = async () => (await server.deps.db.select({ n: count() }).from(session))[0]?.n ?? 0;

describe('signing in', () => {
  it.each([
    ['manager@demo.jalon', 'Hélène Marchand', true],
    ['lead@demo.jalon', 'Claire Dubois', false],
    ['researcher@demo.jalon', 'Karim Benali', false],
    ['mentor@demo.jalon', 'Dr. Sophie Laurent', false],
    ['partner@demo.jalon', 'Thomas Weber', false],
  ])('%s signs in and is recognised', async (email, name, manager) => {
    const client = await signedIn(server.url, email);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, name });
    expect(me.body.clusterManager).toBe(manager);
    expect(me.body.organisations.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password with a clear error and creates no session', async () => {
    const before = await sessions();
    const client = new ApiClient(server.url);
    const reply = await client.signIn('lead@demo.jalon', 'not-the-password');
    expect(reply.status).toBe(401);
    expect(reply.body.message ?? reply.body.error?.message).toMatch(/invalid email or password/i);
    expect(client.cookie).toBe('');
    expect(await sessions()).toBe(before);
  });

  it('answers 401 with the error shape when not signed in', async () => {
    const anonymous = new ApiClient(server.url);
    for (const path of ['/api/me', '/api/projects', '/api/organisations', '/api/frameworks']) {
      const reply = await anonymous.get(path);
      expect(reply.status, path).toBe(401);
      expect(reply.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    }
  });

  it('treats an expired session as signed out', async () => {
    const client = await signedIn(server.url, 'researcher@demo.jalon', { fresh: true });
    const [researcher] = await server.deps.db
      .select()
      .from(user)
      .where(eq(user.email, 'researcher@demo.jalon'));
    await server.deps.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.userId, researcher!.id));
    const reply = await client.get('/api/projects');
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthenticated');
  });

  it('signs out', async () => {
    const client = await signedIn(server.url, 'mentor@demo.jalon', { fresh: true });
    expect((await client.post('/api/auth/sign-out')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('rate-limits repeated wrong passwords for one account', async () => {
    const client = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await client.signIn('partner@demo.jalon', `wrong-${i}`)).status);
    expect(statuses).toContain(429);
    // even the right password is refused while the limit holds: guessing cannot go on
    expect((await client.signIn('partner@demo.jalon')).status).toBe(429);
  });
});
