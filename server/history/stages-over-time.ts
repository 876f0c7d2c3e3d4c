/**
 * The portfolio's stage distribution over time, from the audit trail: each project's creation
 * records its stage, and every stage or archive change is an audited field change (gate
 * decisions and project edits alike), so the series is exact. Scoped to the projects the
 * actor may see (every project for a cluster manager).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { StagesOverTime } from '../../shared/history.ts';
import { STAGE_COUNT } from '../../shared/vocabularies.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleProjectsWhere } from '../auth/visibility.ts';
import { auditEvents, projects } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

interface ProjectState {
  stage: number;
  archived: boolean;
}

/** A stage from an audit value, or null when the value is not one. */
function stageIn(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < STAGE_COUNT
    ? value
    : null;
}

export async function stagesOverTime(deps: ServiceDeps, actor: Actor): Promise<StagesOverTime> {
  const visible = await deps.db
    .select({ id: projects.id })
    .from(projects)
    .where(visibleProjectsWhere(deps.db, actor, projects.id));
  const ids = visible.map((v) => v.id);
  const events = ids.length
    ? await deps.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entity, 'project'),
            inArray(auditEvents.entityId, ids),
            or(eq(auditEvents.action, 'create'), inArray(auditEvents.field, ['stage', 'archived'])),
          ),
        )
        .orderBy(asc(auditEvents.seq))
    : [];

  const state = new Map<string, ProjectState>();
  const points: StagesOverTime['points'] = [];
  for (const [i, e] of events.entries()) {
    const current = state.get(e.entityId);
    if (e.action === 'create') {
      const after = (e.after ?? {}) as { stage?: unknown; archived?: unknown };
      state.set(e.entityId, { stage: stageIn(after.stage) ?? 0, archived: after.archived === true });
    } else if (current && e.field === 'stage') {
      current.stage = stageIn(e.after) ?? current.stage;
    } else if (current && e.field === 'archived') {
      current.archived = e.after === true;
    }
    // events of the same instant (one batch: a seed, a decision) make one point
    if (events[i + 1]?.at.getTime() === e.at.getTime()) continue;
    const stages = Array.from({ length: STAGE_COUNT }, () => 0);
    let archived = 0;
    for (const p of state.values()) {
      if (p.archived) archived++;
      else stages[p.stage] = (stages[p.stage] ?? 0) + 1;
    }
    const previous = points.at(-1);
    if (previous && previous.archived === archived && previous.stages.join() === stages.join()) continue;
    points.push({ at: e.at.toISOString(), stages, archived });
  }
  return { stageCount: STAGE_COUNT, to: deps.clock().toISOString(), points };
}
