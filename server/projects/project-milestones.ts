/**
 * A project's milestones as last projected from its document (the `milestones` rows): the
 * project room draws its board from them while the document itself is on its way.
 */
import { eq } from 'drizzle-orm';
import { compareByOrder } from '../../shared/doc/index.ts';
import type { Milestone } from '../../shared/doc/shape.ts';
import type { MilestoneStatus } from '../../shared/domain.ts';
import type { ProjectMilestones } from '../../shared/schemas/projects.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { milestones } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

type MilestoneRow = typeof milestones.$inferSelect;

/** A row in the document's plain shape; who created the milestone, and when, is not projected. */
export function milestoneOfRow(row: MilestoneRow): Omit<Milestone, 'createdBy' | 'createdAt'> {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    owner: row.ownerId,
    due: row.due,
    status: row.status as MilestoneStatus,
    stage: row.stage,
    dimension: row.dimension as Milestone['dimension'],
    dependsOn: row.dependsOn,
    order: row.position,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt?.getTime() ?? null,
  };
}

export async function projectMilestones(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
): Promise<ProjectMilestones> {
  await requireProjectAction(deps, actor, projectId, 'project.view');
  const rows = await deps.db.select().from(milestones).where(eq(milestones.projectId, projectId));
  return {
    milestones: rows
      .map((row) => ({ ...milestoneOfRow(row), createdBy: null, createdAt: null }))
      .sort(compareByOrder),
  };
}
