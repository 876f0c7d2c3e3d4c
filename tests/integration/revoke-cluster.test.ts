/**
 * Two Jalon nodes sharing one database and one Redis: a credential ended through one node ends
 * the sockets it opened on the other within a second (the `credentials.ended` event crosses
 * the Redis bridge), and so do withdrawn cluster-manager rights (`cluster_role.changed`).
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docName } from '../../shared/doc/index.ts';
import { type ApiClient, signedIn } from '../support/client.ts';
import { startCluster, type TestCluster } from '../support/cluster.ts';
import { credentialsEnded, refusedOnReconnect } from '../support/credentials.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { connectWith, peerOn } from '../support/socket.ts';

let redis: TestRedis;
let cluster: TestCluster;
const sockets: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  cluster = await startCluster({ nodes: 2, redisUrl: redis.url });
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await cluster?.close();
  await redis?.close();
});

async function socketOn(url: string, how: { cookie?: string; token?: string }): Promise<Socket> {
  const socket = await connectWith(
    url,
    how.token ? { token: how.token } : { cookie: how.cookie, origin: cluster.url },
  );
  sockets.push(socket);
  return socket;
}

describe('ending credentials across nodes', () => {
  it('signing out through one node ends that session’s sockets on both, within a second', async () => {
    const [first, second] = cluster.nodes;
    const api: ApiClient = await signedIn(first!.url, 'researcher@demo.jalon', { fresh: true });
    const onFirst = await socketOn(first!.url, { cookie: api.cookie });
    const onSecond = await socketOn(second!.url, { cookie: api.cookie });
    const both = Promise.all([credentialsEnded(onFirst), credentialsEnded(onSecond)]);
    const at = Date.now();
    const out = await fetch(`${second!.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: api.cookie, origin: cluster.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    for (const ended of await both) {
      expect(ended.reason).toBe('signed_out');
      expect(ended.at - at).toBeLessThan(1000);
    }
    expect(await refusedOnReconnect(onFirst)).toMatch(/sign in/i);
  }, 30_000);

  it('revoking an API token through one node ends its socket on the other', async () => {
    const [first, second] = cluster.nodes;
    const api = await signedIn(first!.url, 'lead@demo.jalon');
    const created = await api.post('/api/me/tokens', { name: 'cluster script' });
    expect(created.status).toBe(201);
    const onSecond = await socketOn(second!.url, { token: created.body.token });
    const ended = credentialsEnded(onSecond);
    const at = Date.now();
    expect((await api.delete(`/api/me/tokens/${created.body.id}`)).status).toBe(204);
    const { reason, at: endedAt } = await ended;
    expect(reason).toBe('token_revoked');
    expect(endedAt - at).toBeLessThan(1000);
  }, 30_000);

  it('deactivating an account through one node ends its sockets on the other', async () => {
    const [first, second] = cluster.nodes;
    const mentor = await signedIn(second!.url, 'mentor@demo.jalon', { fresh: true });
    const mentorId = (await mentor.get('/api/me')).body.user.id as string;
    const onSecond = await socketOn(second!.url, { cookie: mentor.cookie });
    const ended = credentialsEnded(onSecond);
    const manager = await signedIn(first!.url, 'manager@demo.jalon');
    const at = Date.now();
    expect((await manager.post(`/api/people/${mentorId}/deactivate`)).status).toBe(200);
    const { reason, at: endedAt } = await ended;
    expect(reason).toBe('deactivated');
    expect(endedAt - at).toBeLessThan(1000);
  }, 30_000);

  it('withdrawing cluster-manager rights through one node cuts the documents open on the other', async () => {
    const [first, second] = cluster.nodes;
    const manager = await signedIn(first!.url, 'manager@demo.jalon');
    const partner = await signedIn(second!.url, 'partner@demo.jalon', { fresh: true });
    const partnerId = (await partner.get('/api/me')).body.user.id as string;
    const rights = (clusterManager: boolean) =>
      manager.request('PUT', `/api/people/${partnerId}/cluster-manager`, { clusterManager });
    expect((await rights(true)).status).toBe(200);
    const own = new Set(
      ((await partner.get('/api/projects?mine=true')).body.projects as { id: string }[]).map((p) => p.id),
    );
    const all = (await manager.get('/api/projects')).body.projects as { id: string }[];
    const elsewhere = all.find((p) => !own.has(p.id))!;
    const open = await peerOn(await socketOn(second!.url, { cookie: partner.cookie }), docName(elsewhere.id));
    expect(open.provider.access).not.toBeNull();
    const cutOff = new Promise<number>((resolve) => {
      open.provider.on('access', (access) => access === null && resolve(Date.now()));
    });
    const at = Date.now();
    expect((await rights(false)).status).toBe(200);
    expect((await cutOff) - at).toBeLessThan(1000);
    open.close();
  }, 30_000);
});
