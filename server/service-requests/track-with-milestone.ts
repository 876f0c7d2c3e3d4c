/**
 * The project milestone that tracks a service request, changed through the live document
 * (`deps.documents`), so that it appears at once on the timeline of everyone in the project
 * room and is committed to the document's update log like any edit.
 */
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { createMilestone, readMilestoneById, updateMilestone } from '../../shared/doc/index.ts';
import type { DimensionId, MilestoneStatus } from '../../shared/domain.ts';
import type { MilestoneLink } from '../../shared/services.ts';
import type { ServiceRow } from '../catalogue/service-view.ts';
import { projects, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { RequestRow } from './request-view.ts';

/** Creates the milestone, or checks the chosen one exists; returns its id. */
export async function milestoneFor(
  deps: ServiceDeps,
  actorId: string,
  request: RequestRow,
  service: ServiceRow,
  link: MilestoneLink,
  scheduledFor: string | null,
  status: MilestoneStatus,
): Promise<string> {
  if ('milestoneId' in link) {
    const doc = await deps.documents.read(request.projectId);
    const found = readMilestoneById(doc, link.milestoneId);
    doc.destroy();
    if (!found)
      throw new AppError('invalid_input', 'That milestone is not in this project', [
        { path: 'milestone.milestoneId', message: 'no such milestone in the project' },
      ]);
    if (scheduledFor)
      await applyToMilestone(deps, actorId, request.projectId, link.milestoneId, { due: scheduledFor });
    return link.milestoneId;
  }
  const [[project], [requester]] = await Promise.all([
    deps.db.select({ stage: projects.stage }).from(projects).where(eq(projects.id, request.projectId)),
    deps.db.select({ locale: user.locale }).from(user).where(eq(user.id, request.requesterId)),
  ]);
  const name = requester?.locale === 'fr' ? service.nameFr : service.nameEn;
  let id = '';
  await deps.documents.change(request.projectId, actorId, (doc: Y.Doc) => {
    id = createMilestone(
      doc,
      {
        title: link.title ?? name,
        description: `${requester?.locale === 'fr' ? 'Demande de service' : 'Service request'}: ${deps.publicUrl}/projects/${request.projectId}/services#request-${request.id}`,
        owner: request.requesterId,
        due: scheduledFor,
        status,
        stage: project?.stage ?? 0,
        dimension: (service.dimension as DimensionId | null) ?? null,
      },
      actorId,
    );
  });
  return id;
}

/** Moves the tracking milestone along with the request (due date when scheduled, done when delivered). */
export async function applyToMilestone(
  deps: ServiceDeps,
  actorId: string,
  projectId: string,
  milestoneId: string,
  patch: { due?: string; status?: MilestoneStatus },
): Promise<void> {
  await deps.documents.change(projectId, actorId, (doc) => {
    // Someone may have deleted the milestone from the project: the request keeps its history.
    if (readMilestoneById(doc, milestoneId)) updateMilestone(doc, milestoneId, patch, actorId);
  });
}
