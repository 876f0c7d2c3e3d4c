/**
 * floor: the team workload against a bare Socket.IO relay (relay-server.ts), the least any
 * server on Jalon's transport can spend on it, three times: storing nothing; committing each
 * update to a Jalon log before its ack; and committing it after applying it to the relay's copy
 * of the document, as any Yjs server does. Printed beside the team scenario's Jalon and
 * Hocuspocus figures of the same run:
 * - what the relay spends above Hocuspocus is the transport's (Socket.IO sends a binary
 *   message as two WebSocket frames, Hocuspocus one);
 * - what the committing relay spends above the relay is the durable log's, which Hocuspocus
 *   does not keep (it stores a document's whole state, debounced, after its acks);
 * - the committing relay that applies each update does what Hocuspocus does plus the durable
 *   log, and nothing of Jalon's: the least a server that keeps Jalon's promise spends here;
 * - what Jalon spends above it is its own work (access, validation, projection, audit).
 * The committing relay that applies each update also runs the create workload (each client
 * adding milestones), the yardstick for that scenario's CPU.
 */
import { join } from 'node:path';
import { JalonConn } from './clients.ts';
import { freePort, startProcess } from './lib.ts';
import { create, crowd, type Figures, type Target, team } from './scenarios.ts';
import type { Seeded } from './seed.ts';
import { formatTable, type Results } from './table.ts';

export interface FloorFigures {
  relay: Figures | null;
  committingRelay: Figures | null;
  /** the committing relay applying each update to its copy of the document first */
  applyingRelay?: Figures | null;
  /** the create scenario against the committing relay applying each update */
  applyingRelayCreate?: Figures | null;
  /** the crowd scenario against the relay (nothing stored) */
  relayCrowd?: Figures | null;
  error?: string;
}

type FloorOptions = { root: string; dir: string; hocusDb: string; seeded: Seeded };

export async function floor(options: FloorOptions): Promise<FloorFigures> {
  const logDb = (name: string) => `file:${join(options.dir, name)}`;
  const relay = await onRelay(options, {}, team);
  const committingRelay = await onRelay(options, { logDb: logDb('relay-log.db') }, team);
  const applyingRelay = await onRelay(options, { logDb: logDb('relay-apply-log.db'), apply: true }, team);
  // The seed's last set of create projects: the create rounds write to the others.
  const set = options.seeded.create.length - 1;
  const applyingRelayCreate =
    set >= 0
      ? await onRelay(options, { logDb: logDb('relay-apply-create-log.db'), apply: true }, (target) =>
          create(target, { projects: 5, perProject: 8, seconds: 15, warmupSeconds: 2, set }),
        )
      : null;
  const relayCrowd = await onRelay(options, {}, crowd);
  return { relay, committingRelay, applyingRelay, applyingRelayCreate, relayCrowd };
}

/**
 * A scenario against a relay; `logDb`: the database its log commits to, if any; `apply`: each
 * update applied to the relay's copy of the document first.
 */
async function onRelay(
  options: FloorOptions,
  variant: { logDb?: string; apply?: boolean },
  scenario: (target: Target) => Promise<Figures>,
): Promise<Figures> {
  const { logDb, apply } = variant;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startProcess({
    name: apply ? 'applying relay' : logDb ? 'committing relay' : 'relay',
    script: join(options.root, 'tests/bench/relay-server.ts'),
    port,
    logFile: join(options.dir, 'relay.log'),
    env: {
      RELAY_PORT: String(port),
      RELAY_DB: options.hocusDb,
      ...(logDb ? { RELAY_LOG_DB: logDb } : {}),
      ...(apply ? { RELAY_APPLY: '1' } : {}),
    },
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

/**
 * figure | relay | committing relay | committing relay applying | Jalon | Hocuspocus | and the
 * ratios between them
 */
export function renderFloorTable(floor: FloorFigures, results: Results): string {
  const lines: string[][] = [
    [
      'figure',
      'Socket.IO relay',
      'relay + log',
      'relay + Yjs + log',
      'Jalon',
      'Hocuspocus',
      'relay / Hocuspocus',
      'relay + log / Hocuspocus',
      'relay + Yjs + log / Hocuspocus',
      'Jalon / relay + Yjs + log',
    ],
  ];
  const ratio = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a / b).toFixed(2) : 'n/a';
  const row = (label: string, values: unknown[]) => {
    const [r, c, a, j, h] = values;
    lines.push([
      label,
      ...values.map((v) => String(v ?? 'n/a')),
      ratio(r, h),
      ratio(c, h),
      ratio(a, h),
      ratio(j, a),
    ]);
  };
  const team = results.team;
  for (const { label, field } of FLOOR_ROWS)
    row(label, [
      floor.relay?.[field],
      floor.committingRelay?.[field],
      floor.applyingRelay?.[field],
      team?.jalon?.[field],
      team?.hocuspocus?.[field],
    ]);
  if (floor.applyingRelayCreate)
    for (const { label, field } of FLOOR_ROWS)
      row(label.replace(/^team:/, 'create:'), [
        null,
        null,
        floor.applyingRelayCreate[field],
        results.create?.jalon?.[field],
        results.create?.hocuspocus?.[field],
      ]);
  if (floor.relayCrowd)
    row('crowd: fan-out p99 to 300 observers (ms), after a warm-up', [
      floor.relayCrowd.fanoutP99,
      null,
      null,
      results.crowd?.jalon?.fanoutP99,
      results.crowd?.hocuspocus?.fanoutP99,
    ]);
  return formatTable(lines);
}
