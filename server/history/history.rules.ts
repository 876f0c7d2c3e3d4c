/** Pure decisions of time travel: what changed between two states of a project document. */
import type { Milestone } from '../../shared/doc/shape.ts';
import type { DimensionId } from '../../shared/domain.ts';
import {
  DIFFED_MILESTONE_FIELDS,
  type FieldChange,
  type HistoricState,
  type HistoryDiff,
} from '../../shared/history.ts';
import { dimensionIds } from '../../shared/vocabularies.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function milestoneChanges(then: Milestone, now: Milestone): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of DIFFED_MILESTONE_FIELDS) {
    const before = field === 'dependsOn' ? [...then.dependsOn].sort() : then[field];
    const after = field === 'dependsOn' ? [...now.dependsOn].sort() : now[field];
    if (!same(before, after)) changes.push({ field, before, after });
  }
  return changes;
}

/** From `then` to `now`: what was added, removed and changed, in document order. */
export function diffStates(then: HistoricState, now: HistoricState): HistoryDiff {
  const thenById = new Map(then.milestones.map((m) => [m.id, m]));
  const nowById = new Map(now.milestones.map((m) => [m.id, m]));
  const changed: HistoryDiff['milestones']['changed'] = [];
  for (const m of now.milestones) {
    const before = thenById.get(m.id);
    const changes = before ? milestoneChanges(before, m) : [];
    if (changes.length) changed.push({ id: m.id, title: m.title, changes });
  }

  const readiness: HistoryDiff['readiness'] = [];
  for (const dimension of dimensionIds as readonly DimensionId[]) {
    const a = then.readiness[dimension];
    const b = now.readiness[dimension];
    const evidenceChanged = (a?.evidence ?? '') !== (b?.evidence ?? '');
    if ((a?.level ?? null) !== (b?.level ?? null) || evidenceChanged)
      readiness.push({ dimension, before: a?.level ?? null, after: b?.level ?? null, evidenceChanged });
  }

  const criteria: HistoryDiff['criteria'] = [];
  for (const id of [...new Set([...Object.keys(then.criteria), ...Object.keys(now.criteria)])].sort()) {
    const a = then.criteria[id];
    const b = now.criteria[id];
    const evidenceChanged = (a?.evidence ?? '') !== (b?.evidence ?? '');
    if ((a?.checked ?? null) !== (b?.checked ?? null) || evidenceChanged)
      criteria.push({ id, before: a?.checked ?? null, after: b?.checked ?? null, evidenceChanged });
  }

  return {
    milestones: {
      added: now.milestones.filter((m) => !thenById.has(m.id)),
      removed: then.milestones.filter((m) => !nowById.has(m.id)),
      changed,
    },
    readiness,
    criteria,
  };
}

/** Why a moment cannot be shown, or null: before the project existed, or not yet come. */
export function momentProblem(at: number, createdAt: number, now: number): string | null {
  if (at < createdAt)
    return `The project did not exist yet at ${new Date(at).toISOString()} (created ${new Date(createdAt).toISOString()})`;
  if (at > now) return `${new Date(at).toISOString()} is in the future: history ends now`;
  return null;
}
