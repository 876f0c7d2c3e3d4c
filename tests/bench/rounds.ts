/**
 * A scenario run several times, as one set of figures. The team figures move from run to run on
 * a small virtual machine (CPU per 1,000 updates by ±20%, the fan-out p99 more), so `npm run
 * bench` runs team in rounds, Jalon and Hocuspocus alternating, and reports each figure's median
 * over the rounds, with the rounds themselves beside it.
 */
import type { Figures } from './scenarios.ts';

/** Each figure's median over the rounds (numbers); a figure that is not a number: the last round's. */
export function medianFigures(rounds: readonly Figures[]): Figures {
  const last = rounds.at(-1);
  if (!last) throw new Error('medianFigures needs at least one round');
  const out: Figures = {};
  for (const field of Object.keys(last)) {
    const numbers = rounds.map((r) => r[field]).filter((v): v is number => typeof v === 'number');
    out[field] = numbers.length ? median(numbers) : (last[field] ?? null);
  }
  return out;
}

/** The middle value; with an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 1000) / 1000;
}

/** Round r's figure of Jalon over Hocuspocus's, for each round both completed (null: failed). */
export function roundRatios(
  jalon: readonly (Figures | null)[],
  hocuspocus: readonly (Figures | null)[],
  field: string,
): number[] {
  const ratios: number[] = [];
  for (let r = 0; r < Math.min(jalon.length, hocuspocus.length); r++) {
    const j = jalon[r]?.[field];
    const h = hocuspocus[r]?.[field];
    if (typeof j === 'number' && typeof h === 'number' && h !== 0) ratios.push(j / h);
  }
  return ratios;
}
