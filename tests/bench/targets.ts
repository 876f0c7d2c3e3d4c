/**
 * The targets `npm run bench` is judged by (docs/performance.md, "Targets"), printed after the
 * tables: each figure of the run, its target, and whether this run meets it. Ratios are of
 * figures measured in the same run; a team or create figure is the median of its rounds.
 */
import type { FloorFigures } from './floor.ts';
import type { StartFigures } from './start.ts';
import { formatTable, type Results } from './table.ts';

export interface BenchReport {
  results: Results;
  floor: FloorFigures | null;
  start: StartFigures | null;
}

interface Goal {
  label: string;
  /** the figure of this run, or null when a scenario it needs did not run or failed */
  figure: (r: BenchReport) => number | null;
  /** what the target says, as printed */
  target: string;
  /** whether the figure meets it; null: a direction to move in, not a threshold */
  met: ((x: number) => boolean) | null;
  /** digits shown */
  digits?: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ratio = (a: unknown, b: unknown): number | null => {
  const x = num(a);
  const y = num(b);
  return x !== null && y !== null && y !== 0 ? x / y : null;
};
const jalon = (r: BenchReport, scenario: string, field: string) => r.results[scenario]?.jalon?.[field];
const hocus = (r: BenchReport, scenario: string, field: string) => r.results[scenario]?.hocuspocus?.[field];
const vsHocus = (scenario: string, field: string) => (r: BenchReport) =>
  ratio(jalon(r, scenario, field), hocus(r, scenario, field));
const atMost = (limit: number) => (x: number) => x <= limit;

export const TARGETS: Goal[] = [
  {
    label: 'team: CPU per 1,000 updates, Jalon / floor relay (relay + Yjs + log)',
    figure: (r) => ratio(jalon(r, 'team', 'cpuPer1000'), r.floor?.applyingRelay?.cpuPer1000),
    target: '≤ 1.10',
    met: atMost(1.1),
    digits: 2,
  },
  {
    label: 'team: fan-out p50, Jalon / Hocuspocus',
    figure: vsHocus('team', 'fanoutP50'),
    target: '≤ 1.00',
    met: atMost(1),
    digits: 2,
  },
  {
    label: 'team: fan-out p99, Jalon / Hocuspocus',
    figure: vsHocus('team', 'fanoutP99'),
    target: '≤ 1.00',
    met: atMost(1),
    digits: 2,
  },
  {
    label: 'team: ack p99 (ms), committed with synchronous=FULL',
    figure: (r) => num(jalon(r, 'team', 'ackP99')),
    target: '≤ 25',
    met: atMost(25),
    digits: 1,
  },
  {
    label: 'create: ack p99 (ms)',
    figure: (r) => num(jalon(r, 'create', 'ackP99')),
    target: '≤ 25',
    met: atMost(25),
    digits: 1,
  },
  {
    label: 'create: CPU per 1,000 updates, Jalon / floor relay on the same workload',
    figure: (r) => ratio(jalon(r, 'create', 'cpuPer1000'), r.floor?.applyingRelayCreate?.cpuPer1000),
    target: '≤ 1.20',
    met: atMost(1.2),
    digits: 2,
  },
  {
    label: 'team: floor relay (relay + Yjs + log) / Hocuspocus CPU, the price of durability',
    figure: (r) => ratio(r.floor?.applyingRelay?.cpuPer1000, hocus(r, 'team', 'cpuPer1000')),
    target: 'lower (1.59–2.06 before issue 26)',
    met: null,
    digits: 2,
  },
  {
    label: 'team: server RSS at the end, Jalon / Hocuspocus',
    figure: vsHocus('team', 'rssMb'),
    target: '≤ 2.00',
    met: atMost(2),
    digits: 2,
  },
  {
    label: 'crowd: fan-out p99 to 300 observers (ms)',
    figure: (r) => num(jalon(r, 'crowd', 'fanoutP99')),
    target: '≤ 50',
    met: atMost(50),
    digits: 1,
  },
  {
    label: 'cold load: join → synced p95, Jalon / Hocuspocus',
    figure: vsHocus('cold', 'loadP95'),
    target: '≤ 1.00',
    met: atMost(1),
    digits: 2,
  },
  {
    label: 'cold load: bytes stored / encoded state, after compaction',
    figure: (r) => num(jalon(r, 'cold', 'storageRatio')),
    target: '≤ 2.00',
    met: atMost(2),
    digits: 2,
  },
  {
    label: 'join storm: 150 joins, synced p99 (ms)',
    figure: (r) => num(jalon(r, 'storm', 'syncedP99')),
    target: '≤ 1500',
    met: atMost(1500),
    digits: 0,
  },
  {
    label: 'idle: RSS per loaded project (KB)',
    figure: (r) => num(jalon(r, 'idle', 'kbPerProject')),
    target: '≤ 100',
    met: atMost(100),
    digits: 1,
  },
  {
    label: 'reconnect: 300 clients synced after restart, Jalon / Hocuspocus',
    figure: vsHocus('reconnect', 'allSyncedFromRestartMs'),
    target: '≤ 2.00',
    met: atMost(2),
    digits: 2,
  },
  {
    label: 'reconnect: errors',
    figure: (r) => num(jalon(r, 'reconnect', 'errors')),
    target: '0',
    met: (x) => x === 0,
    digits: 0,
  },
  {
    label: 'start: compiled server, process start → /api/health, migrated database (ms)',
    figure: (r) => r.start?.medianMs ?? null,
    target: '≤ 1000',
    met: atMost(1000),
    digits: 0,
  },
  {
    label: 'browser: portfolio route JS, gzip (KB)',
    figure: (r) => num(jalon(r, 'browser', 'portfolioJsGzipKb')),
    target: '≤ 150',
    met: atMost(150),
    digits: 1,
  },
  {
    label: 'browser: project room, JS loaded before the board shows, gzip (KB)',
    figure: (r) => num(jalon(r, 'browser', 'roomFirstVisitJsKb')),
    target: '≤ 150',
    met: atMost(150),
    digits: 1,
  },
  {
    label: 'browser: project room first content, CPU 4× slower and Slow 4G (ms)',
    figure: (r) => num(jalon(r, 'browser', 'roomThrottledFirstContentMs')),
    target: '≤ 1500',
    met: atMost(1500),
    digits: 0,
  },
  {
    label: 'browser: remote change visible p50 (ms)',
    figure: (r) => num(jalon(r, 'browser', 'remoteVisibleP50Ms')),
    target: '≤ 100',
    met: atMost(100),
    digits: 1,
  },
];

/** target | this run | target | met: one line per target whose scenarios ran. */
export function renderTargets(report: BenchReport): string {
  const lines: string[][] = [['target', 'this run', 'target', 'met']];
  for (const t of TARGETS) {
    const x = t.figure(report);
    if (x === null) continue;
    const verdict = t.met === null ? '—' : t.met(x) ? 'yes' : 'NO';
    lines.push([t.label, x.toFixed(t.digits ?? 2), t.target, verdict]);
  }
  return lines.length > 1 ? formatTable(lines) : '';
}
