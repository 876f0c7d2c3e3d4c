/**
 * An API token's life: created only by someone who just proved their password, expiring, its
 * last use recorded, and revoked alone, with every token of its owner, or with "sign out
 * everywhere".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEventMap } from '../../server/events.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectWith } from '../support/socket.ts';
import { bearerClient, createToken, twoProjects } from './api-tokens.fixtures.ts';

const DAY = 86_400_000;
/** how far the server's clock is ahead of the real one (sessions are stamped in real time) */
let ahead = 0;
let server: TestServer;
let lead: ApiClient;
/** two projects the lead leads: the token's own, and another */
let own: { id: string; title: string };
let other: { id: string; title: string };

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + ahead) });
  lead = await signedIn(server.url, 'lead@demo.jalon');
  ({ own, other } = await twoProjects(lead));
});
afterAll(async () => {
  await server?.close();
});

/** A client that authenticates with `Authorization: Bearer`, as scripts do. */
const withToken = (token: string) => bearerClient(server.url, token);

describe('creating a token', () => {
  it('a token cannot mint a token', async () => {
    const { token } = await createToken(lead, { scope: 'write' });
    const reply = await withToken(token).post('/api/me/tokens', { name: 'offspring', scope: 'write' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toMatch(/session/i);
  });

  it('needs a recent sign-in: a session older than 10 minutes is told to sign in again', async () => {
    ahead = 11 * 60_000;
    try {
      const reply = await lead.post('/api/me/tokens', { name: 'late' });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toMatch(/sign in again/i);
    } finally {
      ahead = 0;
    }
    await createToken(lead, { name: 'in time' });
  });

  it('is read-only and expires in 90 days unless asked; at most a year', async () => {
    const before = Date.now();
    const created = await createToken(lead, {});
    expect(created.scope).toBe('read');
    expect(created.project).toBeNull();
    const expires = new Date(created.expiresAt).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 90 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 90 * DAY);
    const year = await createToken(lead, { expiresInDays: 365 });
    expect(new Date(year.expiresAt).getTime()).toBeGreaterThan(Date.now() + 364 * DAY);
    for (const expiresInDays of [366, 0, 1.5, 100_000]) {
      const reply = await lead.post('/api/me/tokens', { name: 'forever', expiresInDays });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_input');
    }
    expect((await lead.post('/api/me/tokens', { name: 'admin', scope: 'admin' })).status).toBe(400);
  });

  it('binds a token only to a project its creator may see (404 otherwise)', async () => {
    const partner = await signedIn(server.url, 'partner@demo.jalon');
    const seen = new Set(
      ((await partner.get('/api/projects')).body.projects as { id: string }[]).map((p) => p.id),
    );
    const hidden = [own, other].find((p) => !seen.has(p.id)) ?? other;
    if (!seen.has(hidden.id)) {
      const reply = await partner.post('/api/me/tokens', { name: 'peek', projectId: hidden.id });
      expect(reply.status).toBe(404);
    }
    const unknown = await lead.post('/api/me/tokens', { name: 'x', projectId: crypto.randomUUID() });
    expect(unknown.status).toBe(404);
    const bound = await createToken(lead, { projectId: own.id });
    expect(bound.project).toEqual({ id: own.id, title: own.title });
  });
});

describe('an expired token', () => {
  it('is refused on REST and on the socket, saying it expired', async () => {
    const { token } = await createToken(lead, { scope: 'write', expiresInDays: 1 });
    expect((await withToken(token).get('/api/projects')).status).toBe(200);
    const live = await connectWith(server.url, { token });
    live.close();
    ahead = DAY + 60_000;
    try {
      const reply = await withToken(token).get('/api/projects');
      expect(reply.status).toBe(401);
      expect(reply.body.error).toMatchObject({
        code: 'unauthenticated',
        message: expect.stringMatching(/expired/),
      });
      await expect(connectWith(server.url, { token })).rejects.toMatchObject({
        data: { code: 'unauthenticated', message: expect.stringMatching(/expired/) },
      });
    } finally {
      ahead = 0;
    }
  });
});

describe('a token’s last use', () => {
  it('is recorded, at most once a minute, and shown with expiry, scope and project', async () => {
    const { id, token } = await createToken(lead, { scope: 'read', projectId: own.id });
    const listed = async () =>
      ((await lead.get('/api/me/tokens')).body.tokens as Record<string, unknown>[]).find((t) => t.id === id)!;
    expect(await listed()).toMatchObject({ lastUsedAt: null, scope: 'read', project: { id: own.id } });
    const firstUse = Date.now();
    await withToken(token).get(`/api/projects/${own.id}`);
    const first = (await listed()).lastUsedAt as string;
    expect(new Date(first).getTime()).toBeGreaterThanOrEqual(firstUse);
    await withToken(token).get(`/api/projects/${own.id}`);
    expect((await listed()).lastUsedAt).toBe(first);
    ahead = 61_000;
    try {
      await withToken(token).get(`/api/projects/${own.id}`);
      expect(new Date((await listed()).lastUsedAt as string).getTime()).toBeGreaterThan(
        new Date(first).getTime() + 60_000,
      );
    } finally {
      ahead = 0;
    }
    expect(await listed()).toMatchObject({
      expiresAt: expect.any(String),
      prefix: expect.stringMatching(/^jalon_/),
    });
  });
});

describe('revoking sessions', () => {
  it('keeps the tokens when asked to, and revokes them too when asked to', async () => {
    const here = await signedIn(server.url, 'researcher@demo.jalon', { fresh: true });
    const elsewhere = await signedIn(server.url, 'researcher@demo.jalon', { fresh: true });
    const { id, token } = await createToken(here, { scope: 'write' });
    const ended: DomainEventMap['credentials.ended'][0][] = [];
    const record = (e: DomainEventMap['credentials.ended'][0]) => ended.push(e);
    server.deps.events.on('credentials.ended', record);
    const keep = await here.post('/api/me/sessions/revoke', { tokens: false });
    expect(keep.status).toBe(200);
    // the other session, and any other this account had open
    expect(keep.body.sessions).toBeGreaterThanOrEqual(1);
    expect(keep.body.tokens).toBe(0);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await withToken(token).get('/api/me')).status).toBe(200);
    // a token cannot end sessions
    expect((await withToken(token).post('/api/me/sessions/revoke', { tokens: true })).status).toBe(403);

    const all = await here.post('/api/me/sessions/revoke', { tokens: true, keepCurrent: false });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ sessions: 1, tokens: 1 });
    const refused = await withToken(token).get('/api/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/revoked/);
    expect((await here.get('/api/me')).status).toBe(401);
    // the realtime layer hears of each ending, to close the sockets these credentials opened
    server.deps.events.off('credentials.ended', record);
    const sessionsEnded = ended.filter((e) => e.reason === 'sessions_revoked').flatMap((e) => e.sessionIds);
    expect(sessionsEnded).toHaveLength(keep.body.sessions + all.body.sessions);
    expect(ended.filter((e) => e.reason === 'token_revoked')).toEqual([
      { userId: expect.any(String), tokenIds: [id], reason: 'token_revoked' },
    ]);
  });

  it('the body must say whether tokens go too', async () => {
    const reply = await lead.post('/api/me/sessions/revoke', {});
    expect(reply.status).toBe(400);
  });

  it('revoking one token says so to the realtime layer', async () => {
    const { id, token } = await createToken(lead, { scope: 'read' });
    const ended = new Promise((resolve) => server.deps.events.once('credentials.ended', resolve));
    expect((await lead.delete(`/api/me/tokens/${id}`)).status).toBe(204);
    expect(await ended).toMatchObject({ tokenIds: [id], reason: 'token_revoked' });
    expect((await withToken(token).get('/api/me')).status).toBe(401);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const paths = (await new ApiClient(server.url).get('/api/openapi.json')).body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/me/tokens', '/me/tokens/{id}', '/me/sessions/revoke']),
    );
    expect(Object.keys(paths['/me/tokens'])).toEqual(expect.arrayContaining(['get', 'post', 'delete']));
  });

  it('DELETE /api/me/tokens revokes every token of the caller, and only theirs', async () => {
    const mine = await createToken(lead, { scope: 'read' });
    const mentor = await signedIn(server.url, 'mentor@demo.jalon');
    const theirs = await createToken(mentor, { scope: 'read' });
    const ended: DomainEventMap['credentials.ended'][0][] = [];
    const record = (e: DomainEventMap['credentials.ended'][0]) => ended.push(e);
    server.deps.events.on('credentials.ended', record);
    const reply = await lead.delete('/api/me/tokens');
    server.deps.events.off('credentials.ended', record);
    expect(reply.status).toBe(200);
    expect(ended).toHaveLength(1);
    expect(ended[0]!.tokenIds).toContain(mine.id);
    expect(ended[0]!.tokenIds).not.toContain(theirs.id);
    expect(reply.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await lead.get('/api/me/tokens')).body.tokens).toEqual([]);
    expect((await withToken(mine.token).get('/api/me')).status).toBe(401);
    expect((await withToken(theirs.token).get('/api/me')).status).toBe(200);
  });
});
