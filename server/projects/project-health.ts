/** Maturation at a glance for a set of projects: milestone health and readiness levels. */
import { and, inArray, sql } from 'drizzle-orm';
import type { ProjectHealth } from '../../shared/schemas/projects.ts';
import { milestones, readiness } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

const empty = (): ProjectHealth => ({
  total: 0,
  done: 0,
  overdue: 0,
  atRisk: 0,
  blocked: 0,
  doneThisMonth: 0,
});

export async function healthOf(
  deps: ServiceDeps,
  projectIds: string[],
): Promise<{ health: Map<string, ProjectHealth>; readiness: Map<string, Record<string, number>> }> {
  const health = new Map(projectIds.map((id) => [id, empty()]));
  const levels = new Map(projectIds.map((id) => [id, {} as Record<string, number>]));
  if (projectIds.length === 0) return { health, readiness: levels };
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const [counts, scores] = await Promise.all([
    deps.db
      .select({
        projectId: milestones.projectId,
        total: sql<number>`count(*)`,
        done: sql<number>`sum(${milestones.status} = 'done')`,
        overdue: sql<number>`sum(${milestones.status} != 'done' AND ${milestones.due} IS NOT NULL AND ${milestones.due} < ${today})`,
        atRisk: sql<number>`sum(${milestones.status} = 'at_risk')`,
        blocked: sql<number>`sum(${milestones.status} = 'blocked')`,
        doneThisMonth: sql<number>`sum(${milestones.status} = 'done' AND ${milestones.updatedAt} >= ${monthStart})`,
      })
      .from(milestones)
      .where(and(inArray(milestones.projectId, projectIds)))
      .groupBy(milestones.projectId),
    deps.db
      .select({ projectId: readiness.projectId, dimension: readiness.dimension, level: readiness.level })
      .from(readiness)
      .where(inArray(readiness.projectId, projectIds)),
  ]);
  for (const c of counts)
    health.set(c.projectId, {
      total: Number(c.total),
      done: Number(c.done ?? 0),
      overdue: Number(c.overdue ?? 0),
      atRisk: Number(c.atRisk ?? 0),
      blocked: Number(c.blocked ?? 0),
      doneThisMonth: Number(c.doneThisMonth ?? 0),
    });
  for (const s of scores) levels.get(s.projectId)![s.dimension] = s.level;
  return { health, readiness: levels };
}
