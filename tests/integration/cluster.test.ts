/**
 * Three Jalon nodes behind one address, sharing one database file and one Redis (Debian's
 * redis-server, installed by scripts/ensure-redis.sh): they must behave as one. Clients spread
 * over the nodes co-edit five projects and converge; a node is killed mid-edit and its clients
 * carry on through the others with nothing acknowledged lost; presence, comments and
 * revocations cross nodes.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LibsqlDocStore } from '../../server/collab/libsql-doc-store.ts';
import { openDatabase } from '../../server/db/client.ts';
import { createMilestone, docName, readProjectDoc } from '../../shared/doc/index.ts';
import { APP_EVENTS, DOC_EVENTS } from '../../shared/protocol/index.ts';
import type { Comment } from '../../shared/schemas/comments.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { type ClusterNode, startCluster, type TestCluster } from '../support/cluster.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { connectWith, emitWithAck, type Peer, peerOn, until } from '../support/socket.ts';

let redis: TestRedis;
let cluster: TestCluster;
const api: Record<string, ApiClient> = {};
const ids: Record<string, string> = {};
let projects: string[] = [];
const open: Peer[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  // Compaction every 40 rows: the nodes compact the same documents while others append.
  cluster = await startCluster({ nodes: 3, redisUrl: redis.url, env: { DOC_COMPACT_ROWS: '40' } });
  for (const who of ['lead', 'researcher', 'mentor']) {
    api[who] = await signedIn(cluster.url, `${who}@demo.jalon`);
    ids[who] = (await api[who]!.get('/api/me')).body.user.id;
  }
  const list = (await api.researcher!.get('/api/projects')).body.projects as { id: string }[];
  projects = list.slice(0, 5).map((p) => p.id);
}, 120_000);

afterAll(async () => {
  for (const p of open) p.close();
  for (const s of sockets) s.close();
  await cluster?.close();
  await redis?.close();
});

/** A socket as `who`, through the balancer or straight to one node. */
async function socketAs(who: string, url = cluster.url): Promise<Socket> {
  const socket = await connectWith(url, { cookie: api[who]!.cookie, origin: cluster.url });
  sockets.push(socket);
  return socket;
}

async function editor(who: string, projectId: string, url = cluster.url): Promise<Peer> {
  const p = await peerOn(await socketAs(who, url), docName(projectId));
  open.push(p);
  return p;
}

const titles = (doc: Y.Doc) => new Set(readProjectDoc(doc).milestones.map((m) => m.title));
const hasAll = (doc: Y.Doc, expected: string[]) => {
  const have = titles(doc);
  return expected.every((t) => have.has(t));
};

/** What a fresh client joining through `url` is sent: that node's copy of the document. */
async function copyOn(url: string, projectId: string): Promise<Y.Doc> {
  const p = await editor('researcher', projectId, url);
  return p.doc;
}

/** The document as the shared database holds it (latest snapshot + pending log). */
async function copyInDatabase(projectId: string): Promise<Y.Doc> {
  const database = await openDatabase(cluster.databaseUrl);
  try {
    const stored = await new LibsqlDocStore(database.client).load(docName(projectId));
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u.data);
    return doc;
  } finally {
    database.close();
  }
}

/** Every change in `expected` is in each of `nodes`' copies and in the database. */
async function expectEverywhere(projectId: string, expected: string[], nodes: ClusterNode[]) {
  for (const node of nodes) {
    const doc = await copyOn(node.url, projectId);
    expect(hasAll(doc, expected), `${node.name}, project ${projectId}`).toBe(true);
  }
  expect(hasAll(await copyInDatabase(projectId), expected)).toBe(true);
}

/** Resolves once `p`'s view of who is present satisfies `holds`. */
function presence(p: Peer, holds: (states: Map<number, unknown>) => boolean): Promise<void> {
  const { awareness } = p.provider;
  return new Promise((resolve) => {
    if (holds(awareness.getStates())) return resolve();
    awareness.on('change', () => holds(awareness.getStates()) && resolve());
  });
}

describe('three nodes, one database, one Redis', () => {
  it('clients spread over the nodes co-edit five projects, and every client and node converges', async () => {
    expect(projects).toHaveLength(5);
    // Three editors per project through the balancer: round robin puts them on all three nodes.
    const teams = await Promise.all(
      projects.map(async (projectId) => ({
        projectId,
        peers: [
          await editor('lead', projectId),
          await editor('researcher', projectId),
          await editor('lead', projectId),
        ],
      })),
    );
    expect([...cluster.routed.keys()].sort()).toEqual(cluster.nodes.map((n) => n.port).sort());

    const written = new Map<string, string[]>();
    for (let round = 0; round < 12; round++)
      for (const { projectId, peers } of teams)
        for (const [k, p] of peers.entries()) {
          const title = `Round ${round} by editor ${k}`;
          createMilestone(
            p.doc,
            { title, status: 'planned', stage: 1 },
            k === 1 ? ids.researcher! : ids.lead!,
          );
          written.set(projectId, [...(written.get(projectId) ?? []), title]);
        }

    for (const { projectId, peers } of teams) {
      const expected = written.get(projectId)!;
      await Promise.all(peers.map((p) => p.provider.whenSaved(20_000)));
      for (const p of peers) await until(p.doc, () => hasAll(p.doc, expected), 20_000);
    }
    // Each node's own copy, and the database, hold every change.
    for (const { projectId } of teams)
      await expectEverywhere(projectId, written.get(projectId)!, cluster.nodes);
  }, 120_000);

  it('shares presence and comments across nodes', async () => {
    const projectId = projects[0]!;
    const [first, second, third] = cluster.nodes;
    const lead = await editor('lead', projectId, first!.url);
    const researcher = await editor('researcher', projectId, second!.url);
    lead.provider.awareness.setLocalState({ user: { id: ids.lead, name: 'Lead', color: '#123456' } });
    const leadThere = (states: Map<number, unknown>) =>
      [...states.values()].some((s) => (s as { user?: { id?: string } }).user?.id === ids.lead);
    await presence(researcher, leadThere);
    // Someone joining later on the third node is told who is there.
    const late = await editor('researcher', projectId, third!.url);
    await presence(late, leadThere);
    // The lead leaves: the others stop showing them.
    lead.close();
    await presence(late, (states) => !leadThere(states));

    // A mentor comments through the first node; sockets on the other two hear of it.
    const milestoneId = readProjectDoc(researcher.doc).milestones[0]!.id;
    const listeners = await Promise.all(
      [second!, third!].map(async (node) => {
        const socket = await socketAs('researcher', node.url);
        expect((await emitWithAck(socket, DOC_EVENTS.join, docName(projectId))).ok).toBe(true);
        return { heard: new Promise<Comment>((resolve) => socket.on(APP_EVENTS.commentChanged, resolve)) };
      }),
    );
    const mentorOnFirst = await signedIn(first!.url, 'mentor@demo.jalon');
    const posted = await mentorOnFirst.post(`/api/projects/${projectId}/comments`, {
      milestoneId,
      body: 'Checked on another node.',
      visibility: 'team',
    });
    expect(posted.status).toBe(201);
    for (const comment of await Promise.all(listeners.map((l) => l.heard)))
      expect(comment.body).toBe('Checked on another node.');
  }, 60_000);

  it('a revoked member loses access on every node within a second', async () => {
    const projectId = projects[4]!;
    const [first, second, third] = cluster.nodes;
    const onFirst = await editor('researcher', projectId, first!.url);
    const onThird = await editor('researcher', projectId, third!.url);
    const revoked = (p: Peer) =>
      new Promise<number>((resolve) => p.provider.on('access', (a) => a === null && resolve(Date.now())));
    const both = Promise.all([revoked(onFirst), revoked(onThird)]);
    const leadOnSecond = await signedIn(second!.url, 'lead@demo.jalon');
    const removedAt = Date.now();
    expect((await leadOnSecond.delete(`/api/projects/${projectId}/members/${ids.researcher}`)).status).toBe(
      204,
    );
    for (const at of await both) expect(at - removedAt).toBeLessThan(1000);
  }, 30_000);

  it('a node killed mid-edit loses no acknowledged change; its clients carry on through the others', async () => {
    const projectIds = projects.slice(0, 4);
    const peers = await Promise.all(
      projectIds.flatMap((projectId) => [0, 1, 2].map(() => editor('lead', projectId))),
    );
    const victim = cluster.nodes[1]!;
    const written = new Map<Peer, string[]>();
    const acknowledged = new Map<Peer, string[]>();
    // Each editor adds a milestone every few milliseconds; the node dies halfway.
    const total = 40;
    let made = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        for (const [k, p] of peers.entries()) {
          const title = `Burst ${made} by editor ${k}`;
          createMilestone(p.doc, { title, status: 'planned', stage: 2 }, ids.lead!);
          written.set(p, [...(written.get(p) ?? []), title]);
          // Once saved, everything written so far by this editor is acknowledged.
          const sofar = [...written.get(p)!];
          p.provider.whenSaved(60_000).then(
            () => acknowledged.set(p, sofar),
            () => undefined,
          );
        }
        made += 1;
        if (made === total / 2) void victim.kill();
        if (made === total) {
          clearInterval(timer);
          resolve();
        }
      }, 15);
    });
    expect(victim.alive).toBe(false);
    await Promise.all(peers.map((p) => p.provider.whenSaved(30_000)));

    const survivors = cluster.nodes.filter((n) => n.alive);
    // Only the node we killed is gone: the others survived the failover (their log if not).
    expect(survivors.length, cluster.nodes.map((n) => n.output().slice(-1500)).join('\n')).toBe(2);
    for (const projectId of projectIds) {
      const team = peers.filter((p) => p.provider.docName === docName(projectId));
      const expected = team.flatMap((p) => written.get(p)!);
      expect(team.flatMap((p) => acknowledged.get(p) ?? []).length).toBeGreaterThan(0);
      for (const p of team) await until(p.doc, () => hasAll(p.doc, expected), 20_000);
      await expectEverywhere(projectId, expected, survivors);
    }
  }, 120_000);

  it('a node stopped for a deploy (SIGTERM) hands its clients over with nothing lost', async () => {
    const leaving = cluster.nodes[2]!;
    const projectId = projects[1]!;
    const ready = await fetch(`${leaving.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { database: 'ok', redis: 'ok' } });

    // Four editors through the balancer: with node 2 gone, two of them land on node 3.
    const before = cluster.routed.get(leaving.port) ?? 0;
    const editors = [
      await editor('lead', projectId),
      await editor('researcher', projectId),
      await editor('lead', projectId),
      await editor('researcher', projectId),
    ];
    expect(cluster.routed.get(leaving.port)).toBe(before + 2);
    const written: string[] = [];
    const round = (label: string) => {
      for (const [k, p] of editors.entries()) {
        const title = `${label} by editor ${k}`;
        createMilestone(p.doc, { title, status: 'planned', stage: 3 }, ids.lead!);
        written.push(title);
      }
    };
    for (let i = 0; i < 10; i++) round(`Before the deploy ${i}`);
    // Each client of the leaving node sees its transport close, which socket.io-client
    // reconnects from on its own (not a server "disconnect", which it would not).
    const reasons = new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      for (const p of editors)
        p.socket.once('disconnect', (reason) => {
          seen.push(reason);
          if (seen.length === 2) resolve(seen);
        });
    });
    const stopped = leaving.stop();
    // Written while the node goes away: kept by the clients until a node acknowledges them.
    for (let i = 0; i < 10; i++) round(`During the deploy ${i}`);
    await stopped;
    expect(leaving.alive).toBe(false);
    expect(await reasons).toEqual(['transport close', 'transport close']);
    for (const p of editors) await p.provider.whenSaved(30_000);
    for (const p of editors) await until(p.doc, () => hasAll(p.doc, written), 20_000);
    expect(hasAll(await copyInDatabase(projectId), written)).toBe(true);
  }, 60_000);

  it('a node whose Redis is unreachable reports not ready, so the balancer stops sending it users', async () => {
    const node = cluster.nodes.find((n) => n.alive)!;
    await redis.close();
    type Readiness = { ready: boolean; checks: Record<string, string> };
    const ask = async (): Promise<{ status: number; body: Readiness }> => {
      // A kept-alive connection the node closed as idle may be reset under the request (fetch
      // reuses it): that is the client's pool, not the node; one fresh attempt tells them apart,
      // and the health check below fails if the node itself went down.
      const res = await fetch(`${node.url}/api/ready`).catch(() => fetch(`${node.url}/api/ready`));
      return { status: res.status, body: (await res.json()) as Readiness };
    };
    // The node notices the lost connection by itself; ask until it says so (bounded).
    let reply = await ask();
    for (let attempt = 0; attempt < 100 && reply.body.ready; attempt++) {
      await new Promise((r) => setTimeout(r, 50));
      reply = await ask();
    }
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({ ready: false, checks: { database: 'ok', redis: 'not connected' } });
    // Its liveness is unaffected: the process is up, it just should not take new users.
    expect((await fetch(`${node.url}/api/health`)).status).toBe(200);
  }, 30_000);
});
