/**
 * The readiness thresholds of the gate ahead of a project, against its current scores (the live
 * document's): the gate view shows them, and the review request records those not met.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type ProjectDocData, readMaturation } from '../../shared/doc/index.ts';
import type { ThresholdStatus } from '../../shared/schemas/gates.ts';
import type { Db } from '../db/client.ts';
import { gateReadinessThresholds, readinessDimensions } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { thresholdStatus } from './gates.rules.ts';

/** The levels of a document's readiness, by dimension. */
export function levelsOf(readiness: ProjectDocData['readiness']): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const [dimension, entry] of Object.entries(readiness))
    if (typeof entry?.level === 'number') levels[dimension] = entry.level;
  return levels;
}

export async function gateThresholdStatus(
  db: Db,
  project: { frameworkId: string; stage: number },
  levels: Record<string, number>,
): Promise<ThresholdStatus[]> {
  const thresholds = await db
    .select({ dimension: gateReadinessThresholds.dimension, minLevel: gateReadinessThresholds.minLevel })
    .from(gateReadinessThresholds)
    .innerJoin(readinessDimensions, eq(readinessDimensions.id, gateReadinessThresholds.dimension))
    .where(
      and(
        eq(gateReadinessThresholds.frameworkId, project.frameworkId),
        eq(gateReadinessThresholds.stageIndex, project.stage),
      ),
    )
    .orderBy(asc(readinessDimensions.position));
  return thresholdStatus(thresholds, levels);
}

/** The thresholds of the gate ahead of the project, against its live document's scores. */
export async function currentThresholds(
  deps: ServiceDeps,
  project: { id: string; frameworkId: string; stage: number },
): Promise<ThresholdStatus[]> {
  const doc = await deps.documents.read(project.id);
  try {
    return await gateThresholdStatus(deps.db, project, levelsOf(readMaturation(doc).readiness));
  } finally {
    doc.destroy();
  }
}
