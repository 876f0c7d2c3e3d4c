/**
 * The project milestone that tracks a service request. The change to the request owes the
 * milestone change as an effect (server/effects), recorded in the request's own batch and
 * applied to the live document after it (at once on everyone's timeline, committed to the
 * document's update log like any edit), or at start if the process died in between.
 *
 * Applying is idempotent and order-free: a milestone created for the request has an id derived
 * from the effect, and the milestone is made to follow the request *as it stands* when the
 * effect is applied (due on the scheduled date, done when delivered), not as it stood when the
 * effect was recorded; an effect applied twice, or late, leaves the same milestone.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { createMilestoneWithId, readMilestoneById, updateMilestone } from '../../shared/doc/index.ts';
import { DimensionId } from '../../shared/domain.ts';
import type { MilestoneLink, RequestStatus } from '../../shared/services.ts';
import type { ServiceRow } from '../catalogue/service-view.ts';
import { projects, serviceRequests, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { type Effect, effectMilestoneId, pendingEffect } from '../effects/effect.ts';
import { AppError } from '../errors.ts';
import type { RequestRow } from './request-view.ts';
import { milestoneEffect } from './service-requests.rules.ts';

/** As stored in the effect's row. */
const RequestMilestonePayload = z.strictObject({
  requestId: z.string().max(64),
  milestoneId: z.string().max(64),
  /** what a milestone created for the request holds; null: a milestone chosen from the project */
  create: z
    .strictObject({
      title: z.string().max(300),
      description: z.string().max(2000),
      owner: z.string().max(200),
      stage: z.number().int().min(0).max(20),
      dimension: DimensionId.nullable(),
    })
    .nullable(),
});
type RequestMilestonePayload = z.output<typeof RequestMilestonePayload>;

/**
 * The effect that makes the request's milestone follow it, for the batch of the change (with
 * `effectId` given: the one `trackingFor` derived a new milestone's id from).
 */
export function requestMilestoneEffect(
  deps: ServiceDeps,
  actorId: string,
  projectId: string,
  at: Date,
  payload: RequestMilestonePayload,
  effectId?: string,
) {
  return pendingEffect(deps.db, 'service_request.milestone', projectId, payload, actorId, at, effectId);
}

/**
 * What tracking by `link` means, checked before anything is written: a milestone of the project
 * that exists, or one to create under an id derived from the effect that will create it.
 */
export async function trackingFor(
  deps: ServiceDeps,
  request: RequestRow,
  service: ServiceRow,
  link: MilestoneLink,
  effectId: string,
): Promise<{ milestoneId: string; create: RequestMilestonePayload['create'] }> {
  if ('milestoneId' in link) {
    const doc = await deps.documents.read(request.projectId);
    const found = readMilestoneById(doc, link.milestoneId);
    doc.destroy();
    if (!found)
      throw new AppError('invalid_input', 'That milestone is not in this project', [
        { path: 'milestone.milestoneId', message: 'no such milestone in the project' },
      ]);
    return { milestoneId: link.milestoneId, create: null };
  }
  const [[project], [requester]] = await Promise.all([
    deps.db.select({ stage: projects.stage }).from(projects).where(eq(projects.id, request.projectId)),
    deps.db.select({ locale: user.locale }).from(user).where(eq(user.id, request.requesterId)),
  ]);
  const fr = requester?.locale === 'fr';
  return {
    milestoneId: effectMilestoneId(effectId, 0),
    create: {
      title: link.title ?? (fr ? service.nameFr : service.nameEn),
      description: `${fr ? 'Demande de service' : 'Service request'}: ${deps.publicUrl}/projects/${request.projectId}/services#request-${request.id}`,
      owner: request.requesterId,
      stage: project?.stage ?? 0,
      dimension: DimensionId.nullable().catch(null).parse(service.dimension),
    },
  };
}

/**
 * Makes the milestone follow the request: creates it if the effect creates one and it is not
 * there, else sets the due date and status the request's state calls for. A milestone someone
 * deleted from the project is not brought back by a later move: the request keeps its history.
 */
export async function applyRequestMilestone(deps: ServiceDeps, effect: Effect): Promise<void> {
  const { requestId, milestoneId, create } = RequestMilestonePayload.parse(effect.payload);
  const [request] = await deps.db
    .select({ status: serviceRequests.status, scheduledFor: serviceRequests.scheduledFor })
    .from(serviceRequests)
    .where(eq(serviceRequests.id, requestId))
    .limit(1);
  if (!request || !milestoneId) return;
  const follows = milestoneEffect(request.status as RequestStatus, request.scheduledFor);
  const actorId = effect.actorId;
  if (!actorId) throw new Error('A request’s milestone change needs the person who moved it as author');
  await deps.documents.change(effect.projectId, actorId, (doc) => {
    if (readMilestoneById(doc, milestoneId)) {
      if (follows) updateMilestone(doc, milestoneId, follows, actorId);
    } else if (create) {
      createMilestoneWithId(
        doc,
        milestoneId,
        { ...create, due: request.scheduledFor, status: follows?.status ?? 'planned' },
        actorId,
      );
    }
  });
}
