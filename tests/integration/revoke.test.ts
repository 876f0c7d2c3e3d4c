/**
 * Ending a credential ends its connections (DESIGN §4): signing out, revoking sessions, revoking
 * an API token, deactivating an account, and a session or token reaching its expiry each end,
 * within a second, exactly the sockets that credential opened. The client is told why
 * (`credentials:ended`), is disconnected, cannot reconnect with the dead credential, and what
 * it tries to write is not accepted; updates no longer reach it.
 */
import { and, eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, session as sessions } from '../../server/db/schema/index.ts';
import type { MailMessage } from '../../server/mail/transport.ts';
import { sendWeeklyDigests } from '../../server/notifications/digest-mailer.ts';
import { isoWeekOf } from '../../server/notifications/iso-week.ts';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';
import { APP_EVENTS, DOC_EVENTS } from '../../shared/protocol/index.ts';
import { ApiClient, signedIn } from '../support/client.ts';
import {
  countDocMessages,
  credentialsEnded,
  milestoneMessage,
  refusedOnReconnect,
  tryWrite,
} from '../support/credentials.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectWith, emitWithAck, type Peer, peer, peerOn } from '../support/socket.ts';

const DAY_MS = 86_400_000;

/** A project the researcher and the mentor are members of (the lead leads it). */
async function sharedProject(url: string): Promise<string> {
  const mentor = await signedIn(url, 'mentor@demo.jalon');
  const theirs = new Set(
    ((await mentor.get('/api/projects')).body.projects as { id: string }[]).map((p) => p.id),
  );
  const researcher = await signedIn(url, 'researcher@demo.jalon');
  const list = (await researcher.get('/api/projects')).body.projects as { id: string }[];
  return list.find((p) => theirs.has(p.id))!.id;
}

describe('sessions', () => {
  let server: TestServer;
  let name: string;
  let projectId: string;
  let lead: Peer;
  const closing: { close(): void }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    projectId = await sharedProject(server.url);
    name = docName(projectId);
    lead = await peer(server.url, 'lead@demo.jalon', name);
    closing.push(lead);
  });
  afterAll(async () => {
    for (const c of closing) c.close();
    await server?.close();
  });

  /** A fresh session of `email` (its own cookie) and a socket it opened, joined to the document. */
  async function session(email: string): Promise<{ api: ApiClient; socket: Socket; editor: Peer }> {
    const api = await signedIn(server.url, email, { fresh: true });
    const socket = await connectWith(server.url, { cookie: api.cookie, origin: server.url });
    const editor = await peerOn(socket, name);
    closing.push(editor);
    return { api, socket, editor };
  }

  /** The ended socket's writes are not accepted, and the lead's later edit does not reach it. */
  async function expectCutOff(socket: Socket, editor: Peer, title: string) {
    const heard = countDocMessages(socket);
    expect(await tryWrite(socket, name, milestoneMessage(editor.doc, title))).not.toBe('accepted');
    const after = `Lead's edit after ${title}`;
    createMilestone(lead.doc, { title: after, status: 'planned', stage: 1 }, 'lead');
    await lead.provider.whenSaved();
    const stored = readProjectDoc(await server.realtime.documents.read(projectId)).milestones;
    expect(stored.some((m) => m.title === after)).toBe(true);
    expect(stored.some((m) => m.title === title)).toBe(false);
    expect(readProjectDoc(editor.doc).milestones.some((m) => m.title === after)).toBe(false);
    expect(heard()).toBe(0);
  }

  it('signing out ends the socket that session opened, within a second', async () => {
    const { api, socket, editor } = await session('researcher@demo.jalon');
    const ended = credentialsEnded(socket);
    const at = Date.now();
    expect((await api.post('/api/auth/sign-out')).status).toBe(200);
    const { reason, at: endedAt, disconnect } = await ended;
    expect(reason).toBe('signed_out');
    expect(endedAt - at).toBeLessThan(1000);
    expect(disconnect).toBe('io server disconnect');
    expect(await refusedOnReconnect(socket)).toMatch(/sign in/i);
    await expectCutOff(socket, editor, 'Written after signing out');
    // someone else's connection is untouched
    expect(lead.socket.connected).toBe(true);
    expect(await emitWithAck(lead.socket, DOC_EVENTS.join, name)).toMatchObject({ ok: true });
  });

  it('"revoke sessions" ends the sockets of every session of the account', async () => {
    const here = await session('mentor@demo.jalon');
    const elsewhere = await session('mentor@demo.jalon');
    const both = Promise.all([credentialsEnded(here.socket), credentialsEnded(elsewhere.socket)]);
    const at = Date.now();
    expect((await here.api.post('/api/auth/revoke-sessions')).status).toBe(200);
    for (const ended of await both) {
      expect(ended.reason).toBe('sessions_revoked');
      expect(ended.at - at).toBeLessThan(1000);
    }
    expect(await refusedOnReconnect(elsewhere.socket)).toMatch(/sign in/i);
    await expectCutOff(elsewhere.socket, elsewhere.editor, 'Written after revoke sessions');
  });

  it('"revoke other sessions" ends the others and spares the current one', async () => {
    const here = await session('researcher@demo.jalon');
    const elsewhere = await session('researcher@demo.jalon');
    let hereEnded = false;
    here.socket.on(APP_EVENTS.credentialsEnded, () => {
      hereEnded = true;
    });
    const ended = credentialsEnded(elsewhere.socket);
    expect((await here.api.post('/api/auth/revoke-other-sessions')).status).toBe(200);
    expect((await ended).reason).toBe('sessions_revoked');
    // the current session's socket goes on: its write is acknowledged
    expect(await tryWrite(here.socket, name, milestoneMessage(here.editor.doc, 'Still signed in here'))).toBe(
      'accepted',
    );
    expect(here.socket.connected).toBe(true);
    expect(hereEnded).toBe(false);
    await expectCutOff(elsewhere.socket, elsewhere.editor, 'Written after revoke other sessions');
  });
});

describe('API tokens and deactivation', () => {
  let server: TestServer;
  let name: string;
  let projectId: string;
  let manager: ApiClient;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    projectId = await sharedProject(server.url);
    name = docName(projectId);
    manager = await signedIn(server.url, 'manager@demo.jalon');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  async function tokenSocket(api: ApiClient, label: string) {
    const created = await api.post('/api/me/tokens', { name: label });
    expect(created.status).toBe(201);
    const socket = await connectWith(server.url, { token: created.body.token });
    sockets.push(socket);
    expect(await emitWithAck(socket, DOC_EVENTS.join, name)).toMatchObject({ ok: true });
    return { id: created.body.id as string, token: created.body.token as string, socket };
  }

  it('revoking an API token ends the sockets it opened, and only those', async () => {
    const researcher = await signedIn(server.url, 'researcher@demo.jalon');
    const revoked = await tokenSocket(researcher, 'script to revoke');
    const kept = await tokenSocket(researcher, 'script to keep');
    const session = await connectWith(server.url, { cookie: researcher.cookie, origin: server.url });
    sockets.push(session);
    const ended = credentialsEnded(revoked.socket);
    const at = Date.now();
    expect((await researcher.delete(`/api/me/tokens/${revoked.id}`)).status).toBe(204);
    const { reason, at: endedAt } = await ended;
    expect(reason).toBe('token_revoked');
    expect(endedAt - at).toBeLessThan(1000);
    expect(await refusedOnReconnect(revoked.socket)).toMatch(/token/i);
    expect(await tryWrite(revoked.socket, name, new Uint8Array([0, 2, 0]))).not.toBe('accepted');
    // the other token and the session go on
    expect(await emitWithAck(kept.socket, DOC_EVENTS.join, name)).toMatchObject({ ok: true });
    expect(kept.socket.connected && session.connected).toBe(true);
  });

  it('deactivating an account ends its sockets, refuses its cookie and tokens, and its sign-in', async () => {
    const mentor = await signedIn(server.url, 'mentor@demo.jalon', { fresh: true });
    const mentorId = (await mentor.get('/api/me')).body.user.id as string;
    const script = await tokenSocket(mentor, 'mentor script');
    const browser = await connectWith(server.url, { cookie: mentor.cookie, origin: server.url });
    sockets.push(browser);
    const ended = Promise.all([credentialsEnded(browser), credentialsEnded(script.socket)]);
    const at = Date.now();
    const reply = await manager.post(`/api/people/${mentorId}/deactivate`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: mentorId, deactivatedAt: expect.any(String) });
    for (const e of await ended) {
      expect(e.reason).toBe('deactivated');
      expect(e.at - at).toBeLessThan(1000);
    }
    // REST: the cookie and the token are refused
    expect((await mentor.get('/api/me')).status).toBe(401);
    const byToken = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${script.token}` },
    });
    expect(byToken.status).toBe(401);
    // socket: neither can connect again
    expect(await refusedOnReconnect(browser)).toMatch(/sign in/i);
    expect(await refusedOnReconnect(script.socket)).toMatch(/token/i);
    // sign-in: the right password is refused with a clear reason, and no session is made
    const again = new ApiClient(server.url);
    const refused = await again.signIn('mentor@demo.jalon');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/deactivated/i);
    expect(again.cookie).toBe('');
    // a wrong password says no more than it says for any account
    const wrong = await again.signIn('mentor@demo.jalon', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/invalid email or password/i);

    // the audit trail records who deactivated whom
    const managerId = (await manager.get('/api/me')).body.user.id as string;
    const [entry] = await server.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, mentorId)));
    expect(entry).toMatchObject({ actorId: managerId, field: 'deactivated_at', before: null });

    // no weekly digest about the projects goes to the deactivated account; one goes to its team
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    const milestones = (await lead.get(`/api/projects/${projectId}/milestones`)).body.milestones;
    const comment = { milestoneId: milestones[0].id, body: 'Tox plan for the team', visibility: 'team' };
    expect((await lead.post(`/api/projects/${projectId}/comments`, comment)).status).toBe(201);
    const sent: MailMessage[] = [];
    const transport = { sendMail: async (m: MailMessage) => void sent.push(m) };
    await sendWeeklyDigests(server.deps, transport, 'Jalon <digest@jalon.test>', isoWeekOf(new Date()));
    expect(sent.map((m) => m.to)).toContain('researcher@demo.jalon');
    expect(sent.map((m) => m.to)).not.toContain('mentor@demo.jalon');

    // reactivated, the account signs in again (its old tokens stay revoked)
    expect((await manager.post(`/api/people/${mentorId}/reactivate`)).body).toMatchObject({
      id: mentorId,
      deactivatedAt: null,
    });
    expect((await again.signIn('mentor@demo.jalon')).status).toBe(200);
    expect((await again.get('/api/me')).status).toBe(200);
    const stillRevoked = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${script.token}` },
    });
    expect(stillRevoked.status).toBe(401);
  });

  it('only cluster managers deactivate, and the last manager cannot deactivate themselves', async () => {
    const lead = await signedIn(server.url, 'lead@demo.jalon');
    const managerId = (await manager.get('/api/me')).body.user.id as string;
    const researcherId = (await (await signedIn(server.url, 'researcher@demo.jalon')).get('/api/me')).body
      .user.id as string;
    const byLead = await lead.post(`/api/people/${researcherId}/deactivate`);
    expect(byLead.status).toBe(403);
    expect(byLead.body.error.code).toBe('forbidden');
    const self = await manager.post(`/api/people/${managerId}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.error.message).toMatch(/last cluster manager/i);
    expect((await manager.get('/api/me')).status).toBe(200);
    const nobody = await manager.post('/api/people/no-such-person/deactivate');
    expect(nobody.status).toBe(404);
  });
});

describe('expiry', () => {
  let server: TestServer;
  let name: string;
  /** how far the server's clock (which judges API tokens) is ahead of the real one */
  let ahead = 0;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      clock: () => new Date(Date.now() + ahead),
      // each socket's credential is re-read this often (five minutes in production)
      realtime: { credentialCheckMs: 200 },
    });
    name = docName(await sharedProject(server.url));
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  /** A fresh session of `email`, a socket it opened, and a way to move its expiry. */
  async function sessionSocket(email: string) {
    const api = await signedIn(server.url, email, { fresh: true });
    const socket = await connectWith(server.url, { cookie: api.cookie, origin: server.url });
    sockets.push(socket);
    const [row] = await server.deps.db
      .select()
      .from(sessions)
      .where(eq(sessions.token, decodeURIComponent(api.cookie).split('=')[1]!.split('.')[0]!));
    const expireAt = (at: number) =>
      server.deps.db
        .update(sessions)
        .set({ expiresAt: new Date(at) })
        .where(eq(sessions.id, row!.id));
    return { api, socket, expireAt, id: row!.id };
  }

  it('a socket ends when its session expires', async () => {
    const { socket, expireAt } = await sessionSocket('researcher@demo.jalon');
    expect(await emitWithAck(socket, DOC_EVENTS.join, name)).toMatchObject({ ok: true });
    const expiry = Date.now() + 800;
    await expireAt(expiry);
    const ended = await credentialsEnded(socket, 4000);
    expect(ended.reason).toBe('expired');
    expect(ended.at).toBeGreaterThanOrEqual(expiry - 20);
    expect(await refusedOnReconnect(socket)).toMatch(/sign in/i);
  });

  it('a session that better-auth extends on use keeps its socket past its first expiry', async () => {
    const used = await sessionSocket('lead@demo.jalon');
    const idle = await sessionSocket('lead@demo.jalon');
    const later = await sessionSocket('lead@demo.jalon');
    const expiry = Date.now() + 1000;
    await used.expireAt(expiry);
    await idle.expireAt(expiry);
    await later.expireAt(expiry + 500);
    // Used now, a day or more into its week: better-auth moves its end a week away.
    expect((await used.api.get('/api/me')).status).toBe(200);
    expect((await credentialsEnded(idle.socket, 4000)).reason).toBe('expired');
    // By the end of a session that expired half a second later, the first expiry has long
    // been checked: the extended session's socket is still there, and still served.
    expect((await credentialsEnded(later.socket, 4000)).reason).toBe('expired');
    expect(used.socket.connected).toBe(true);
    expect(await emitWithAck(used.socket, DOC_EVENTS.join, name)).toMatchObject({ ok: true });
  });

  it('a session ended where no event tells this node (a row deleted by hand) ends its socket at the next check', async () => {
    const { socket, id } = await sessionSocket('researcher@demo.jalon');
    await server.deps.db.delete(sessions).where(eq(sessions.id, id));
    expect((await credentialsEnded(socket, 2000)).reason).toBe('sessions_revoked');
  });

  it('a socket opened by an API token ends when the token expires', async () => {
    const api = await signedIn(server.url, 'mentor@demo.jalon');
    const created = await api.post('/api/me/tokens', { name: 'short-lived' });
    expect(created.status).toBe(201);
    const expiresIn = new Date(created.body.expiresAt ?? Date.now() + 90 * DAY_MS).getTime() - Date.now();
    ahead = expiresIn - 1500;
    try {
      const socket = await connectWith(server.url, { token: created.body.token });
      sockets.push(socket);
      const { reason } = await credentialsEnded(socket, 5000);
      expect(reason).toBe('expired');
    } finally {
      ahead = 0;
    }
  });
});
