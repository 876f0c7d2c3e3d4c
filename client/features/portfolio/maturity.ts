/**
 * Maturation at a glance, derived from the portfolio list: what the health column, the
 * readiness radar and the manager's charts show. Pure functions, tested in
 * tests/unit/client-collab-portfolio.test.ts.
 */
import type { OrganisationKind } from '../../../shared/domain.ts';
import { STAGE_COUNT } from '../../domain.ts';

interface HealthLike {
  total: number;
  done: number;
  overdue: number;
  atRisk: number;
  blocked: number;
  doneThisMonth: number;
}

/** The one word a row's health is summed up by, worst first: what a reader should see first. */
export type HealthTone = 'overdue' | 'attention' | 'on_track' | 'empty';

export function healthTone(h: HealthLike): HealthTone {
  if (h.total === 0) return 'empty';
  if (h.overdue > 0) return 'overdue';
  if (h.atRisk > 0 || h.blocked > 0) return 'attention';
  return 'on_track';
}

/** Share of milestones done, 0–1 (0 when there are none). */
export function doneShare(h: HealthLike): number {
  return h.total === 0 ? 0 : Math.min(1, h.done / h.total);
}

export interface StageCount {
  stage: number;
  count: number;
}

/** How many projects sit at each stage, every stage listed (a funnel shows its empty steps). */
export function stageFunnel(projects: readonly { stage: number }[]): StageCount[] {
  const counts = Array.from({ length: STAGE_COUNT }, (_, stage) => ({ stage, count: 0 }));
  for (const p of projects) {
    const row = counts[p.stage];
    if (row) row.count += 1;
  }
  return counts;
}

export interface KindCount {
  kind: OrganisationKind;
  count: number;
}

/** Projects by their lead organisation's kind, most first (ties in `order`), kinds with none left out. */
export function kindCounts(
  projects: readonly { leadOrganisation: { kind: OrganisationKind } }[],
  order: readonly OrganisationKind[],
): KindCount[] {
  const counts = new Map<OrganisationKind, number>();
  for (const p of projects)
    counts.set(p.leadOrganisation.kind, (counts.get(p.leadOrganisation.kind) ?? 0) + 1);
  const rank = (k: OrganisationKind) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...counts]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || rank(a.kind) - rank(b.kind));
}

export interface ReadinessSummary {
  /** each dimension's level, in `dimensions` order; null where not scored */
  levels: { id: string; level: number | null }[];
  /** mean of the scored levels, null if none is */
  average: number | null;
  /** the weakest scored dimension (first in order on a tie) */
  lowest: { id: string; level: number } | null;
}

export function readinessSummary(
  readiness: Readonly<Record<string, number>>,
  dimensions: readonly string[],
): ReadinessSummary {
  const ids = dimensions.length > 0 ? dimensions : Object.keys(readiness);
  const levels = ids.map((id) => {
    const level = readiness[id];
    return { id, level: typeof level === 'number' && level >= 1 && level <= 9 ? level : null };
  });
  let sum = 0;
  let n = 0;
  let lowest: ReadinessSummary['lowest'] = null;
  for (const { id, level } of levels) {
    if (level === null) continue;
    sum += level;
    n += 1;
    if (!lowest || level < lowest.level) lowest = { id, level };
  }
  return { levels, average: n === 0 ? null : sum / n, lowest };
}
