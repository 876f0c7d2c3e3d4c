/** The one table of `npm run bench`: figure | Jalon | Hocuspocus | ratio (Jalon / Hocuspocus). */
import type { Product } from './clients.ts';
import { roundRatios } from './rounds.ts';
import type { Figures } from './scenarios.ts';

interface Row {
  label: string;
  scenario: string;
  field: string;
  /** Hocuspocus has no such figure: "—" */
  jalonOnly?: boolean;
  /** the figure of each round (when the scenario ran in rounds), and the range of their ratios */
  eachRound?: boolean;
}

export const ROWS: Row[] = [
  { label: 'team: fan-out p50 (ms), after a 2 s warm-up', scenario: 'team', field: 'fanoutP50' },
  { label: 'team: fan-out p99 (ms), after a 2 s warm-up', scenario: 'team', field: 'fanoutP99' },
  { label: 'team: fan-out p99 (ms) during the warm-up', scenario: 'team', field: 'warmupFanoutP99' },
  { label: 'team: ack p50 (ms) [Hocuspocus: applied, not stored]', scenario: 'team', field: 'ackP50' },
  { label: 'team: ack p99 (ms) [Hocuspocus: applied, not stored]', scenario: 'team', field: 'ackP99' },
  { label: 'team: server CPU per 1,000 updates (s)', scenario: 'team', field: 'cpuPer1000' },
  {
    label: 'team: of which the main thread (event loop) (s)',
    scenario: 'team',
    field: 'mainThreadPer1000',
  },
  {
    label: 'team: of which the other threads (V8 helpers, write thread) (s)',
    scenario: 'team',
    field: 'otherThreadsPer1000',
  },
  {
    label: 'team: server threads woken from sleep per 1,000 updates',
    scenario: 'team',
    field: 'wakeupsPer1000',
  },
  { label: 'team: updates / deliveries seen (or superseded)', scenario: 'team', field: 'deliveryLine' },
  { label: 'team: server RSS at the end of the edits (MB)', scenario: 'team', field: 'rssMb' },
  { label: 'team: server peak RSS since start (MB)', scenario: 'team', field: 'peakRssMb' },
  {
    label: 'team: server CPU per 1,000 updates (s), each round',
    scenario: 'team',
    field: 'cpuPer1000',
    eachRound: true,
  },
  { label: 'team: fan-out p99 (ms), each round', scenario: 'team', field: 'fanoutP99', eachRound: true },
  { label: 'create: fan-out p50 (ms), after a 2 s warm-up', scenario: 'create', field: 'fanoutP50' },
  { label: 'create: fan-out p99 (ms), after a 2 s warm-up', scenario: 'create', field: 'fanoutP99' },
  { label: 'create: fan-out p99 (ms) during the warm-up', scenario: 'create', field: 'warmupFanoutP99' },
  { label: 'create: ack p50 (ms) [Hocuspocus: applied, not stored]', scenario: 'create', field: 'ackP50' },
  { label: 'create: ack p99 (ms) [Hocuspocus: applied, not stored]', scenario: 'create', field: 'ackP99' },
  { label: 'create: server CPU per 1,000 updates (s)', scenario: 'create', field: 'cpuPer1000' },
  {
    label: 'create: of which the main thread (event loop) (s)',
    scenario: 'create',
    field: 'mainThreadPer1000',
  },
  {
    label: 'create: of which the other threads (V8 helpers, write thread) (s)',
    scenario: 'create',
    field: 'otherThreadsPer1000',
  },
  {
    label: 'create: server threads woken from sleep per 1,000 updates',
    scenario: 'create',
    field: 'wakeupsPer1000',
  },
  { label: 'create: updates / deliveries seen', scenario: 'create', field: 'deliveryLine' },
  {
    label: 'create: server CPU per 1,000 updates (s), each round',
    scenario: 'create',
    field: 'cpuPer1000',
    eachRound: true,
  },
  { label: 'create: ack p99 (ms), each round', scenario: 'create', field: 'ackP99', eachRound: true },
  { label: 'create: fan-out p99 (ms), each round', scenario: 'create', field: 'fanoutP99', eachRound: true },
  {
    label: 'crowd: fan-out p50 to 300 observers (ms), after 10 warm-up edits',
    scenario: 'crowd',
    field: 'fanoutP50',
  },
  {
    label: 'crowd: fan-out p99 to 300 observers (ms), after 10 warm-up edits',
    scenario: 'crowd',
    field: 'fanoutP99',
  },
  {
    label: 'crowd: fan-out p99 during the warm-up (ms)',
    scenario: 'crowd',
    field: 'warmupFanoutP99',
  },
  { label: 'cold load: join → synced p50 (ms)', scenario: 'cold', field: 'loadP50' },
  { label: 'cold load: join → synced p95 (ms)', scenario: 'cold', field: 'loadP95' },
  {
    label: 'cold load: the client applying the synced document, alone, p95 (ms)',
    scenario: 'cold',
    field: 'clientApplyP95',
  },
  {
    label: 'cold load: bytes stored / encoded state, as seeded, before any load',
    scenario: 'cold',
    field: 'storageRatioBefore',
  },
  {
    label: 'cold load: bytes stored / encoded state, after the loads and one edit',
    scenario: 'cold',
    field: 'storageRatio',
  },
  { label: 'join storm: 150 joins, synced p99 (ms)', scenario: 'storm', field: 'syncedP99' },
  { label: 'join storm: peak server RSS (MB)', scenario: 'storm', field: 'peakRssMb' },
  { label: 'idle: RSS per loaded project (KB)', scenario: 'idle', field: 'kbPerProject' },
  {
    label: 'idle: heap of one such Y.Doc alone, in the driver (KB)',
    scenario: 'idle',
    field: 'yDocHeapKb',
  },
  { label: 'idle: RSS retained after unload (MB)', scenario: 'idle', field: 'retainedAfterUnloadMb' },
  {
    label: 'reconnect: 300 clients synced after restart (ms)',
    scenario: 'reconnect',
    field: 'allSyncedFromRestartMs',
  },
  { label: 'reconnect: of which server stop + start (ms)', scenario: 'reconnect', field: 'restartMs' },
  { label: 'reconnect: errors', scenario: 'reconnect', field: 'errors' },
  {
    label: 'browser: portfolio route JS, gzip (KB)',
    scenario: 'browser',
    field: 'portfolioJsGzipKb',
    jalonOnly: true,
  },
  {
    label: 'browser: project room first render, 300 milestones (ms)',
    scenario: 'browser',
    field: 'roomFirstRenderMs',
    jalonOnly: true,
  },
  {
    label: 'browser: room first visit, JS before the board shows, gzip (KB) [throttled visit]',
    scenario: 'browser',
    field: 'roomFirstVisitJsKb',
    jalonOnly: true,
  },
  {
    label: 'browser: room first contentful paint, CPU 4× + Slow 4G (ms)',
    scenario: 'browser',
    field: 'roomThrottledFirstContentMs',
    jalonOnly: true,
  },
  {
    label: 'browser: room board (all cards), CPU 4× + Slow 4G (ms)',
    scenario: 'browser',
    field: 'roomThrottledBoardMs',
    jalonOnly: true,
  },
  {
    label: 'browser: portfolio first contentful paint, CPU 4× + Slow 4G (ms)',
    scenario: 'browser',
    field: 'portfolioThrottledFirstContentMs',
    jalonOnly: true,
  },
  {
    label: 'browser: remote change visible p50 (ms)',
    scenario: 'browser',
    field: 'remoteVisibleP50Ms',
    jalonOnly: true,
  },
];

/**
 * The figures of each scenario; of one that ran in rounds, each figure's median over them, and
 * the rounds' own figures
 */
export type Results = Record<
  string,
  {
    jalon: Figures | null;
    hocuspocus: Figures | null;
    error?: string;
    /** each round's figures, in order (null: that round failed) */
    rounds?: Record<Product, (Figures | null)[]>;
  }
>;

function value(f: Figures | null, field: string): string | number | null {
  if (!f) return null;
  if (field === 'deliveryLine')
    return `${f.updates ?? '?'} / ${f.deliveries ?? '?'} of ${f.expectedDeliveries ?? '?'}`;
  const v = f[field];
  return v === undefined ? null : v;
}

const show = (v: string | number | null) => (v === null ? 'n/a' : String(v));

export function renderTable(results: Results): string {
  const lines: string[][] = [['figure', 'Jalon', 'Hocuspocus', 'ratio']];
  for (const row of ROWS) {
    const r = results[row.scenario];
    if (!r) continue;
    if (row.eachRound) {
      if (!r.rounds) continue;
      const each = (figures: (Figures | null)[]) => figures.map((f) => show(value(f, row.field))).join(' / ');
      const ratios = roundRatios(r.rounds.jalon, r.rounds.hocuspocus, row.field);
      const range = ratios.length
        ? `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`
        : 'n/a';
      lines.push([row.label, each(r.rounds.jalon), each(r.rounds.hocuspocus), range]);
      continue;
    }
    const j = value(r.jalon, row.field);
    const h = row.jalonOnly ? null : value(r.hocuspocus, row.field);
    const ratio =
      typeof j === 'number' && typeof h === 'number' && h !== 0
        ? (j / h).toFixed(2)
        : row.jalonOnly
          ? '—'
          : 'n/a';
    lines.push([row.label, show(j), row.jalonOnly ? '—' : show(h), ratio]);
  }
  const out = [formatTable(lines)];
  const errors = Object.entries(results)
    .filter(([, r]) => r.error)
    .map(([name, r]) => `- ${name}: ${r.error}`);
  if (errors.length) out.push('', 'Errors:', ...errors);
  return out.join('\n');
}

/** A Markdown table: the first line is the header, the first column left-aligned, the rest right. */
export function formatTable(lines: string[][]): string {
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const fmt = (l: string[]) =>
    `| ${l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [
    fmt(lines[0]!),
    `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.slice(1).map(fmt),
  ].join('\n');
}
