/**
 * cluster: the team workload spread over three Jalon nodes (one database file, one
 * Redis, connections dealt round robin to the nodes) against the same workload on one node.
 * Server CPU is summed over the three nodes and Redis; fan-out crosses nodes for two editors in
 * three, so its latency includes the hop through Redis.
 */
import { join } from 'node:path';
import { startRedis } from '../support/redis.ts';
import { JalonConn } from './clients.ts';
import { cpuSeconds, freePort, jalonEnv, type ServerProcess, startProcess } from './lib.ts';
import { type Figures, type Target, team } from './scenarios.ts';
import type { Seeded } from './seed.ts';
import { formatTable } from './table.ts';

export interface ClusterFigures {
  threeNodes: Figures | null;
  oneNode: Figures | null;
  error?: string;
}

export async function cluster(options: {
  /** the compiled server's script (compiled-server.ts) */
  script: string;
  dir: string;
  databaseUrl: string;
  seeded: Seeded;
  cookies: Record<'lead' | 'manager' | 'idleLead', string>;
  log: (line: string) => void;
}): Promise<ClusterFigures> {
  const { script, dir, databaseUrl, seeded, cookies, log } = options;
  const result: ClusterFigures = { threeNodes: null, oneNode: null };
  const redis = await startRedis();
  const pidOfRedis = await redisPid(redis.url);
  const startNodes = async (count: number, withRedis: boolean): Promise<ServerProcess[]> => {
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    const start = (i: number) =>
      startProcess({
        name: `jalon-node-${i + 1}`,
        script,
        port: ports[i]!,
        logFile: join(dir, `jalon-node-${i + 1}.log`),
        env: jalonEnv({
          port: ports[i]!,
          publicUrl: urls[0]!,
          databaseUrl,
          extra: { ALLOWED_ORIGINS: urls.join(','), ...(withRedis ? { REDIS_URL: redis.url } : {}) },
        }),
        ready: async (url) => (await fetch(`${url}/api/ready`)).status === 200,
      });
    const first = await start(0);
    const rest = await Promise.all(ports.slice(1).map((_, k) => start(k + 1)));
    return [first, ...rest];
  };
  const targetOf = (nodes: ServerProcess[], withRedis: boolean): Target => {
    let next = 0;
    const connect = (who: 'lead' | 'manager' | 'idleLead') =>
      new JalonConn({ url: nodes[next++ % nodes.length]!.url, cookie: cookies[who] });
    return {
      product: 'jalon',
      server: nodes[0]!,
      seeded,
      connect,
      connectRaw: connect,
      restart: () => Promise.reject(new Error('not used by the cluster scenario')),
      storedBytes: () => Promise.reject(new Error('not used by the cluster scenario')),
      cpuSeconds: () =>
        nodes.reduce((sum, n) => sum + cpuSeconds(n.pid), 0) +
        (withRedis && pidOfRedis ? cpuSeconds(pidOfRedis) : 0),
    };
  };
  try {
    for (const [key, count] of [
      ['oneNode', 1],
      ['threeNodes', 3],
    ] as const) {
      const nodes = await startNodes(count, count > 1);
      try {
        log(`cluster: ${count} node${count > 1 ? 's' : ''}`);
        result[key] = (await team(targetOf(nodes, count > 1))) as Figures;
        log(`cluster: ${count} node(s) done ${JSON.stringify(result[key])}`);
      } catch (err) {
        result.error = `${result.error ? `${result.error}; ` : ''}${count} node(s): ${err}`;
        log(`cluster: ${count} node(s) failed: ${err}`);
      } finally {
        await Promise.all(nodes.map((n) => n.stop()));
      }
    }
  } finally {
    await redis.close();
  }
  return result;
}

/** The pid of the redis-server listening at `url`, from its own INFO. */
async function redisPid(url: string): Promise<number | null> {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  try {
    await client.connect();
    const info = await client.info('server');
    const match = /process_id:(\d+)/.exec(info);
    return match ? Number(match[1]) : null;
  } finally {
    client.destroy();
  }
}

const CLUSTER_ROWS: { label: string; field: string }[] = [
  { label: 'cluster (team): fan-out p50 (ms)', field: 'fanoutP50' },
  { label: 'cluster (team): fan-out p99 (ms)', field: 'fanoutP99' },
  { label: 'cluster (team): ack p99 (ms)', field: 'ackP99' },
  { label: 'cluster (team): server CPU per 1,000 updates (s), nodes + Redis', field: 'cpuPer1000' },
  { label: 'cluster (team): deliveries seen / expected', field: 'deliveries' },
];

/** figure | 3 nodes | 1 node | ratio (3 nodes / 1 node) */
export function renderClusterTable(r: ClusterFigures): string {
  const lines: string[][] = [['figure', '3 nodes', '1 node', 'ratio']];
  for (const row of CLUSTER_ROWS) {
    const three = r.threeNodes?.[row.field];
    const one = r.oneNode?.[row.field];
    if (row.field === 'deliveries') {
      const show = (f: Figures | null) => (f ? `${f.deliveries} / ${f.expectedDeliveries}` : 'n/a');
      lines.push([row.label, show(r.threeNodes), show(r.oneNode), '']);
      continue;
    }
    const ratio =
      typeof three === 'number' && typeof one === 'number' && one !== 0 ? (three / one).toFixed(2) : 'n/a';
    lines.push([row.label, String(three ?? 'n/a'), String(one ?? 'n/a'), ratio]);
  }
  const out = [formatTable(lines)];
  if (r.error) out.push('', `Errors: ${r.error}`);
  return out.join('\n');
}
