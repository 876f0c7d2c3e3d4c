/**
 * Several nodes share one count of failed passwords through Redis: moving from one node to
 * another does not reset an account's limit. Without Redis each node still counts on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/db/seed/demo.ts';
import { ApiClient } from '../support/client.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let redis: TestRedis;
let nodes: TestServer[] = [];
beforeAll(async () => {
  redis = await startRedis();
  nodes = [
    await startTestServer({ env: { REDIS_URL: redis.url } }),
    await startTestServer({ env: { REDIS_URL: redis.url } }),
  ];
});
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.close()));
  await redis?.close();
});

const signIn = (node: TestServer, email: string, password: string) =>
  new ApiClient(node.url).signIn(email, password);

describe('password failures across nodes', () => {
  it('counts an account’s failures on every node together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await signIn(nodes[i % 2]!, 'partner@demo.jalon', `guess-${i}`)).status);
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(5);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    for (const node of nodes)
      expect((await signIn(node, 'partner@demo.jalon', DEMO_PASSWORD)).status).toBe(429);
    // another account is untouched
    expect((await signIn(nodes[1]!, 'lead@demo.jalon', DEMO_PASSWORD)).status).toBe(200);
  });

  it('keeps limiting on each node while Redis is away', async () => {
    await redis.close();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await signIn(nodes[0]!, 'mentor@demo.jalon', `guess-${i}`)).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
  });
});
