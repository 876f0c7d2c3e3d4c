/**
 * What an API token may reach: a read-only token reads and nothing else, on REST and on the
 * socket, whatever its owner's role becomes; a token bound to one project sees that project only.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';
import { APP_EVENTS, DOC_EVENTS } from '../../shared/protocol/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { joinAndSync } from '../support/durability.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { connectWith, emitWithAck, type Peer, peer } from '../support/socket.ts';
import { bearerClient, createToken, twoProjects } from './api-tokens.fixtures.ts';

let server: TestServer;
let lead: ApiClient;
/** two projects the lead leads: the token's own, and another */
let own: { id: string; title: string };
let other: { id: string; title: string };

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.url, 'lead@demo.jalon');
  ({ own, other } = await twoProjects(lead));
});
afterAll(async () => {
  await server?.close();
});

/** A client that authenticates with `Authorization: Bearer`, as scripts do. */
const withToken = (token: string) => bearerClient(server.url, token);

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('a read-only token', () => {
  it('reads, and every other method is refused with 403', async () => {
    const { id, token } = await createToken(lead, { scope: 'read' });
    const api = withToken(token);
    expect((await api.get('/api/projects')).status).toBe(200);
    const project = await api.get(`/api/projects/${own.id}`);
    expect(project.status).toBe(200);
    // what it says the caller may do is what the token may do, not all its owner may
    expect((await lead.get(`/api/projects/${own.id}`)).body.permissions).toContain('project.edit');
    expect(project.body.permissions).toContain('project.view');
    expect(project.body.permissions).not.toContain('project.edit');
    expect((await api.get(`/api/projects/${own.id}/comments`)).status).toBe(200);
    const attempts = [
      await api.patch(`/api/projects/${own.id}`, { title: 'Renamed by a read token' }),
      await api.post(`/api/projects/${own.id}/comments`, { body: 'hello', visibility: 'team' }),
      await api.delete(`/api/me/tokens/${id}`),
      await api.post('/api/me/sessions/revoke', { tokens: true }),
    ];
    for (const reply of attempts) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toMatch(/read-only/);
    }
    expect((await lead.get(`/api/projects/${own.id}`)).body.title).toBe(own.title);
  });

  it('views a document: its updates are refused like an observer’s, and reach no one', async () => {
    const { token } = await createToken(lead, { scope: 'read' });
    const watcher: Peer = await peer(server.url, 'lead@demo.jalon', docName(own.id));
    const probe = await connectWith(server.url, { token });
    expect(await emitWithAck(probe, DOC_EVENTS.join, docName(own.id))).toEqual({ ok: true, access: 'view' });
    probe.close();
    const socket = await connectWith(server.url, { token });
    try {
      const doc = new Y.Doc();
      await joinAndSync(socket, doc, docName(own.id));
      const before = Y.encodeStateVector(doc);
      createMilestone(doc, { title: 'Written with a read token', status: 'planned', stage: 0 }, 'x');
      const ack = await emitWithAck(
        socket,
        DOC_EVENTS.msg,
        docName(own.id),
        updateMessage(Y.encodeStateAsUpdate(doc, before)),
      );
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // a member's edit after it still flows, and the refused one is nowhere
      const id = createMilestone(
        watcher.doc,
        { title: 'after the refusal', status: 'planned', stage: 0 },
        'l',
      );
      await watcher.provider.whenSaved();
      const fresh = await peer(server.url, 'researcher@demo.jalon', docName(own.id));
      const titles = readProjectDoc(fresh.doc).milestones;
      expect(titles.some((m) => m.id === id)).toBe(true);
      expect(titles.some((m) => m.title === 'Written with a read token')).toBe(false);
      fresh.close();
    } finally {
      socket.close();
      watcher.close();
    }
  });

  it('stays read-only when its owner’s role changes while its socket is open', async () => {
    const partner = await signedIn(server.url, 'partner@demo.jalon');
    const partnerId = (await partner.get('/api/me')).body.user.id as string;
    const observed = new Set(
      ((await partner.get('/api/projects')).body.projects as { id: string }[]).map((p) => p.id),
    );
    const leads = (await lead.get('/api/projects')).body.projects as { id: string; myRole: string }[];
    const project = leads.find((p) => observed.has(p.id) && p.myRole === 'lead')!;
    expect(project).toBeDefined();
    const name = docName(project.id);
    const { token } = await createToken(partner, { scope: 'read' });
    const bySession = await connectWith(server.url, { cookie: partner.cookie, origin: server.url });
    const byToken = await connectWith(server.url, { token });
    try {
      expect(await emitWithAck(bySession, DOC_EVENTS.join, name)).toEqual({ ok: true, access: 'view' });
      const doc = new Y.Doc();
      await joinAndSync(byToken, doc, name);
      const promoted = new Promise<void>((resolve) =>
        bySession.on(
          DOC_EVENTS.access,
          (_: string, change: { access: string }) => change.access === 'edit' && resolve(),
        ),
      );
      const reply = await lead.patch(`/api/projects/${project.id}/members/${partnerId}`, {
        role: 'contributor',
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      await promoted;
      const before = Y.encodeStateVector(doc);
      createMilestone(doc, { title: 'Written after a promotion', status: 'planned', stage: 0 }, 'x');
      const ack = await emitWithAck(
        byToken,
        DOC_EVENTS.msg,
        name,
        updateMessage(Y.encodeStateAsUpdate(doc, before)),
      );
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      byToken.close();
      bySession.close();
      await lead.patch(`/api/projects/${project.id}/members/${partnerId}`, { role: 'observer' });
    }
  });
});

describe('a token bound to one project', () => {
  it('sees that project and no other: list, get, search, portfolio, socket', async () => {
    const { token } = await createToken(lead, { scope: 'write', projectId: own.id });
    const api = withToken(token);
    const listed = (await api.get('/api/projects')).body.projects as { id: string }[];
    expect(listed.map((p) => p.id)).toEqual([own.id]);
    expect((await api.get(`/api/projects/${own.id}`)).status).toBe(200);
    for (const path of [
      `/api/projects/${other.id}`,
      `/api/projects/${other.id}/comments`,
      `/api/projects/${other.id}/members`,
      `/api/projects/${other.id}/report`,
    ]) {
      const reply = await api.get(path);
      expect(reply.status, path).toBe(404);
    }
    const patched = await api.patch(`/api/projects/${other.id}`, { title: 'Taken over' });
    expect(patched.status).toBe(404);
    // search: the session finds the other project by its title, the token does not
    const q = encodeURIComponent(other.title);
    const bySession = (await lead.get(`/api/search?q=${q}`)).body.hits as { projectId: string }[];
    expect(bySession.some((h) => h.projectId === other.id)).toBe(true);
    const byToken = (await api.get(`/api/search?q=${q}`)).body.hits as { projectId: string }[];
    expect(byToken.every((h) => h.projectId === own.id)).toBe(true);
    // the portfolio's report and history, and notifications, hold the bound project only
    const csv = (await api.get('/api/reports/portfolio.csv')).body as string;
    expect(csv).toContain(own.title);
    expect(csv).not.toContain(other.title);
    const counted = async (client: { get: (path: string) => Promise<{ body: unknown }> }) => {
      const { points } = (await client.get('/api/portfolio/stages-over-time')).body as {
        points: { stages: number[]; archived: number }[];
      };
      const last = points.at(-1)!;
      return last.stages.reduce((a, b) => a + b, 0) + last.archived;
    };
    expect(await counted(lead)).toBeGreaterThanOrEqual(2);
    expect(await counted(api)).toBe(1);
    const notes = (await api.get('/api/notifications')).body.notifications as { projectId: string | null }[];
    expect(notes.every((n) => n.projectId === own.id)).toBe(true);
    // routes about no project in particular, or about the cluster, are closed to it
    expect((await api.post('/api/projects', { title: 'New' })).status).toBe(403);
    expect((await api.get('/api/me/tokens')).status).toBe(403);
    // the socket joins its project only
    const socket = await connectWith(server.url, { token });
    try {
      expect(await emitWithAck(socket, DOC_EVENTS.join, docName(other.id))).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await emitWithAck(socket, DOC_EVENTS.join, docName(own.id))).toEqual({
        ok: true,
        access: 'edit',
      });
    } finally {
      socket.close();
    }
  });

  it('its socket hears its project only, never news of the owner’s other projects', async () => {
    const { token } = await createToken(lead, { scope: 'read', projectId: own.id });
    const leadId = (await lead.get('/api/me')).body.user.id as string;
    const researcher = await signedIn(server.url, 'researcher@demo.jalon');
    const comment = async (projectId: string, body: string) => {
      const [milestone] = (await lead.get(`/api/projects/${projectId}/milestones`)).body.milestones;
      const reply = await researcher.post(`/api/projects/${projectId}/comments`, {
        milestoneId: milestone.id,
        body,
        mentions: [leadId],
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    };
    const bound = await connectWith(server.url, { token });
    const session = await connectWith(server.url, { cookie: lead.cookie, origin: server.url });
    const heard: { event: string; projectId?: string }[] = [];
    bound.onAny((event: string, payload: { projectId?: string }) =>
      heard.push({ event, projectId: payload?.projectId }),
    );
    try {
      expect((await emitWithAck(bound, DOC_EVENTS.join, docName(own.id))).ok).toBe(true);
      const notified = new Promise<void>((resolve) =>
        session.on(
          APP_EVENTS.notificationCreated,
          (n: { projectId: string }) => n.projectId === other.id && resolve(),
        ),
      );
      await comment(other.id, 'about the other project');
      await notified;
      // an event of its own project, sent after: once it arrives, anything sent before has too
      const ownComment = new Promise<void>((resolve) =>
        bound.on(
          APP_EVENTS.commentChanged,
          (c: { projectId: string }) => c.projectId === own.id && resolve(),
        ),
      );
      await comment(own.id, 'about its own project');
      await ownComment;
      expect(heard.filter((h) => h.projectId === other.id)).toEqual([]);
      expect(heard.some((h) => h.event === APP_EVENTS.notificationCreated)).toBe(false);
      // and its notifications over REST are its project's only, where the session's are not
      const byToken = (await withToken(token).get('/api/notifications')).body.notifications as {
        projectId: string | null;
      }[];
      const bySession = (await lead.get('/api/notifications')).body.notifications as {
        projectId: string | null;
      }[];
      expect(bySession.some((n) => n.projectId === other.id)).toBe(true);
      expect(byToken.length).toBeGreaterThan(0);
      expect(byToken.every((n) => n.projectId === own.id)).toBe(true);
    } finally {
      bound.close();
      session.close();
    }
  });
});
