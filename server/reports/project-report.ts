/**
 * What the printable report of one project shows, for anyone who may see the project: its
 * card, milestone health, readiness now and at the last gate, the stage history with each
 * signed gate decision, and the milestones (as projected from the live document). No
 * comments: the report is for sharing with every reader of the project, observers included.
 */
import { asc, eq } from 'drizzle-orm';
import type { ProjectReport } from '../../shared/reports.ts';
import type { Actor } from '../auth/actor.ts';
import { milestones, readiness, readinessDimensions, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadGateReviews } from '../gates/gate-view.ts';
import { getProject } from '../projects/get-project.ts';
import { healthOf } from '../projects/project-health.ts';

export async function projectReport(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
): Promise<ProjectReport> {
  const project = await getProject(deps, actor, projectId);
  const { db } = deps;
  const [reviews, levels, dimensions, rows, { health }] = await Promise.all([
    loadGateReviews(db, projectId),
    db.select().from(readiness).where(eq(readiness.projectId, projectId)),
    db.select().from(readinessDimensions).orderBy(asc(readinessDimensions.position)),
    db
      .select({ m: milestones, owner: user.name })
      .from(milestones)
      .leftJoin(user, eq(user.id, milestones.ownerId))
      .where(eq(milestones.projectId, projectId))
      .orderBy(asc(milestones.stage), asc(milestones.due), asc(milestones.position)),
    healthOf(deps, [projectId]),
  ]);
  const decided = reviews.filter((r) => r.decision);
  const lastGate = decided[0];
  const readinessAtLastGate = lastGate ? lastGate.packReadiness : null;
  const byDimension = new Map(levels.map((l) => [l.dimension, l]));
  // Oldest first: the stage the project started at, then each decided move.
  const moves = [...decided].reverse();
  const first = moves[0]?.decision?.stageBefore ?? project.stage;
  return {
    project,
    generatedAt: deps.clock().toISOString(),
    health: health.get(projectId)!,
    readiness: dimensions
      .filter((d) => byDimension.has(d.id))
      .map((d) => ({
        dimension: d.id,
        level: byDimension.get(d.id)!.level,
        evidence: byDimension.get(d.id)!.evidence,
      })),
    readinessAtLastGate,
    stageHistory: [
      { at: project.createdAt, stage: first, reviewId: null },
      ...moves.map((r) => ({
        at: r.decision!.signature.signedAt,
        stage: r.decision!.stageAfter,
        reviewId: r.id,
      })),
    ],
    gates: decided,
    milestones: rows.map(({ m, owner }) => ({
      id: m.id,
      title: m.title,
      status: m.status as ProjectReport['milestones'][number]['status'],
      due: m.due,
      stage: m.stage,
      owner: owner ?? null,
    })),
  };
}
