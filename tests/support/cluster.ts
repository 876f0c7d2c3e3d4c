/**
 * Several Jalon nodes for tests and the bench, as in production: each node is `server/main.ts`
 * in its own process, all sharing one libSQL file and one Redis, behind a TCP load balancer
 * that sends each new connection to the next live node (WebSocket-only clients need no sticky
 * sessions). A node can be killed with SIGKILL; the balancer then sends its clients elsewhere.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastOutput, readyWhen, stop } from './child.ts';
import { freePort } from './ports.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLUSTER_SECRET = 'cluster-secret-cluster-secret-0123456789';

export interface ClusterNode {
  name: string;
  port: number;
  url: string;
  pid: number;
  /** the node's last log lines, for failure messages */
  output(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
  readonly alive: boolean;
}

export interface TestCluster {
  /** the one address users reach (the load balancer) */
  url: string;
  nodes: ClusterNode[];
  databaseUrl: string;
  dir: string;
  /** how many connections the balancer sent to each node's port */
  routed: Map<number, number>;
  close(): Promise<void>;
}

export async function startCluster(options: {
  nodes: number;
  redisUrl: string;
  env?: Record<string, string>;
  logLevel?: string;
  /** a script to run instead of server/main.ts (the bench serves its client build) */
  script?: string;
}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-cluster-'));
  const databaseUrl = `file:${join(dir, 'jalon.db')}`;
  const lbPort = await freePort();
  const url = `http://127.0.0.1:${lbPort}`;
  const ports: number[] = [];
  for (let i = 0; i < options.nodes; i++) ports.push(await freePort());
  const origins = [url, ...ports.map((p) => `http://127.0.0.1:${p}`)].join(',');
  const launch = (i: number) =>
    startNode({
      name: `node-${i + 1}`,
      port: ports[i]!,
      script: options.script ?? 'server/main.ts',
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(ports[i]),
        DATABASE_URL: databaseUrl,
        REDIS_URL: options.redisUrl,
        AUTH_SECRET: CLUSTER_SECRET,
        // one key for every node, as docs/deploy.md asks (each node signs its own commits' checkpoints)
        AUDIT_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
        JALON_DEMO: '1',
        // the demo as it stands today: its history would only slow every start down
        JALON_DEMO_HISTORY: '0',
        PUBLIC_URL: url,
        ALLOWED_ORIGINS: origins,
        LOG_LEVEL: options.logLevel ?? 'info',
        ...options.env,
      },
    });
  // The first node migrates and seeds the database; the others then start side by side.
  const nodes = [await launch(0)];
  const others = await Promise.allSettled(ports.slice(1).map((_, k) => launch(k + 1)));
  for (const o of others) if (o.status === 'fulfilled') nodes.push(o.value);
  const failed = others.find((o) => o.status === 'rejected');
  if (failed) {
    await Promise.all(nodes.map((n) => n.kill()));
    rmSync(dir, { recursive: true, force: true });
    throw failed.reason;
  }
  const balancer = await startBalancer(lbPort, () => nodes.filter((n) => n.alive).map((n) => n.port));
  return {
    url,
    nodes,
    databaseUrl,
    dir,
    routed: balancer.routed,
    async close() {
      await balancer.close();
      await Promise.all(nodes.map((n) => n.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startNode(options: {
  name: string;
  port: number;
  script: string;
  env: Record<string, string>;
}): Promise<ClusterNode> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', options.script], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = lastOutput(child);
  process.once('exit', () => child.kill('SIGKILL'));
  await readyWhen(child, /Jalon is listening/, options.name, 60_000).catch(async (err) => {
    await stop(child, 'SIGKILL');
    throw err;
  });
  return {
    name: options.name,
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid!,
    output,
    kill: () => stop(child, 'SIGKILL'),
    stop: () => stop(child, 'SIGTERM'),
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
}

/**
 * Round robin over the live nodes, connection by connection; a node that refuses is skipped.
 * When a node dies its connections close, and the clients' reconnections land elsewhere.
 */
async function startBalancer(
  port: number,
  live: () => number[],
): Promise<{ routed: Map<number, number>; close(): Promise<void> }> {
  const routed = new Map<number, number>();
  const open = new Set<Socket>();
  let next = 0;
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    const tryNode = (attempt: number) => {
      const ports = live();
      if (attempt >= ports.length) return client.destroy();
      const target = ports[next++ % ports.length]!;
      const upstream = createConnection({ port: target, host: '127.0.0.1' });
      open.add(upstream);
      upstream.once('close', () => open.delete(upstream));
      let connected = false;
      upstream.on('error', () => {
        upstream.destroy();
        if (connected) client.destroy();
        else if (!client.destroyed) tryNode(attempt + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        routed.set(target, (routed.get(target) ?? 0) + 1);
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
      });
    };
    tryNode(0);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
