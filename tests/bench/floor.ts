/**
 * floor: the team workload against a bare Socket.IO relay (relay-server.ts), the least any
 * server on Jalon's transport can spend on it, twice: storing nothing, then committing each
 * update to a Jalon log before its ack. Printed beside the team scenario's Jalon and
 * Hocuspocus figures of the same run:
 * - what the relay spends above Hocuspocus is the transport's (Socket.IO sends a binary
 *   message as two WebSocket frames, Hocuspocus one);
 * - what the committing relay spends above the relay is the durable log's, which Hocuspocus
 *   does not keep (it stores a document's whole state, debounced, after its acks);
 * - what Jalon spends above the committing relay is its own work (validation, projection,
 *   audit, access).
 */
import { join } from 'node:path';
import { JalonConn } from './clients.ts';
import { freePort, startProcess } from './lib.ts';
import { crowd, type Figures, type Target, team } from './scenarios.ts';
import type { Seeded } from './seed.ts';
import { formatTable } from './table.ts';

export interface FloorFigures {
  relay: Figures | null;
  committingRelay: Figures | null;
  /** the crowd scenario against the relay (nothing stored) */
  relayCrowd?: Figures | null;
  error?: string;
}

type FloorOptions = { root: string; dir: string; hocusDb: string; seeded: Seeded };

export async function floor(options: FloorOptions): Promise<FloorFigures> {
  const relay = await onRelay(options, null, team);
  const committingRelay = await onRelay(options, `file:${join(options.dir, 'relay-log.db')}`, team);
  const relayCrowd = await onRelay(options, null, crowd);
  return { relay, committingRelay, relayCrowd };
}

/** A scenario against a relay; `logDb`: the database its log commits to, if any. */
async function onRelay(
  options: FloorOptions,
  logDb: string | null,
  scenario: (target: Target) => Promise<Figures>,
): Promise<Figures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startProcess({
    name: logDb ? 'committing relay' : 'relay',
    script: join(options.root, 'tests/bench/relay-server.ts'),
    port,
    logFile: join(options.dir, 'relay.log'),
    env: { RELAY_PORT: String(port), RELAY_DB: options.hocusDb, ...(logDb ? { RELAY_LOG_DB: logDb } : {}) },
    ready: async (u) => (await fetch(`${u}/socket.io/?EIO=4&transport=polling`)).status > 0,
  });
  const connect = () => new JalonConn({ url, cookie: '' });
  const target: Target = {
    product: 'jalon',
    server,
    seeded: options.seeded,
    connect,
    connectRaw: connect,
    restart: () => Promise.reject(new Error('not used by the floor scenario')),
    storedBytes: () => Promise.reject(new Error('not used by the floor scenario')),
  };
  try {
    return await scenario(target);
  } finally {
    await server.stop();
  }
}

const FLOOR_ROWS: { label: string; field: string }[] = [
  { label: 'team: fan-out p50 (ms)', field: 'fanoutP50' },
  { label: 'team: fan-out p99 (ms)', field: 'fanoutP99' },
  { label: 'team: ack p99 (ms)', field: 'ackP99' },
  { label: 'team: server CPU per 1,000 updates (s)', field: 'cpuPer1000' },
  { label: 'team: of which in the kernel (s, the whole run)', field: 'kernelSeconds' },
  { label: 'team: threads woken from sleep per 1,000 updates', field: 'wakeupsPer1000' },
];

/** figure | relay | committing relay | Jalon | Hocuspocus | and the ratios between them */
export function renderFloorTable(
  floor: FloorFigures,
  results: Record<string, { jalon: Figures | null; hocuspocus: Figures | null }>,
): string {
  const lines: string[][] = [
    [
      'figure',
      'Socket.IO relay',
      'relay + log',
      'Jalon',
      'Hocuspocus',
      'relay / Hocuspocus',
      'relay + log / Hocuspocus',
      'Jalon / relay + log',
    ],
  ];
  const ratio = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a / b).toFixed(2) : 'n/a';
  const row = (label: string, values: unknown[]) => {
    const [r, c, j, h] = values;
    lines.push([label, ...values.map((v) => String(v ?? 'n/a')), ratio(r, h), ratio(c, h), ratio(j, c)]);
  };
  const team = results.team;
  for (const { label, field } of FLOOR_ROWS)
    row(label, [
      floor.relay?.[field],
      floor.committingRelay?.[field],
      team?.jalon?.[field],
      team?.hocuspocus?.[field],
    ]);
  if (floor.relayCrowd)
    row('crowd: fan-out p99 to 300 observers (ms), after a warm-up', [
      floor.relayCrowd.fanoutP99,
      null,
      results.crowd?.jalon?.fanoutP99,
      results.crowd?.hocuspocus?.fanoutP99,
    ]);
  return formatTable(lines);
}
