/**
 * The handling team (or a cluster manager) moves a request through
 * submitted → in_review → accepted | declined → scheduled → delivered, with a comment; both
 * sides comment; an accepted request is tracked by a project milestone (created for it or
 * chosen), which follows the request: due on the scheduled date, done when delivered.
 * Each change is one change set (server/change-set.ts): audited, notifying the other side, and
 * refused as a conflict if someone else moved the request first.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { findPatientData, patientDataMessage } from '../../shared/patient-data.ts';
import { can } from '../../shared/permissions.ts';
import {
  linkableStatuses,
  type RequestStatus,
  type ServiceRequest,
  type UpdateServiceRequestBody,
} from '../../shared/services.ts';
import { projectAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { serviceRequestEvents, serviceRequests, services } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { handlesRequest } from './data-offices.ts';
import { notifyRequestChange } from './notify-request-change.ts';
import { loadRequests } from './request-view.ts';
import { milestoneEffect, requireTransition, stampsFor } from './service-requests.rules.ts';
import { requestMilestoneEffect, trackingFor } from './track-with-milestone.ts';

export async function updateServiceRequest(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: z.output<typeof UpdateServiceRequestBody>,
): Promise<ServiceRequest> {
  const { db } = deps;
  const [found] = await db
    .select({ request: serviceRequests, service: services })
    .from(serviceRequests)
    .innerJoin(services, eq(services.id, serviceRequests.serviceId))
    .where(eq(serviceRequests.id, requestId))
    .limit(1);
  if (!found) throw new AppError('not_found', 'No such service request');
  const { request, service } = found;
  const [handler, access] = await Promise.all([
    handlesRequest(db, actor, service, request),
    projectAccess(db, actor, request.projectId),
  ]);
  const projectSide = access !== null && can(access.roles, 'service.request');
  if (!handler && !(access && can(access.roles, 'project.view'))) {
    deps.log.warn({ userId: actor.id, requestId, reason: 'not visible' }, 'access denied');
    throw new AppError('not_found', 'No such service request');
  }
  if (input.status && !handler)
    throw new AppError(
      'forbidden',
      'Only the service’s handling team and cluster managers change a request’s status',
    );
  if (!handler && !projectSide)
    throw new AppError(
      'forbidden',
      'Your role on this project does not allow acting on its service requests',
    );

  // Comments on requests are free text too: no patient-level data in them either.
  const patientData = input.comment ? findPatientData(input.comment) : null;
  if (patientData)
    throw new AppError('invalid_input', 'The comment was not saved: it looks like patient-level data', [
      {
        path: 'comment',
        message: patientDataMessage({ en: 'Comment', fr: 'Commentaire' }, patientData.kind),
      },
    ]);

  const from = request.status as RequestStatus;
  if (input.status) requireTransition(from, input.status);
  if (input.scheduledFor && input.status !== 'scheduled')
    throw new AppError('invalid_input', 'A date is given only when scheduling the request', [
      { path: 'scheduledFor', message: 'only with status "scheduled"' },
    ]);
  const to = input.status ?? from;
  if (input.milestone) {
    if (!linkableStatuses.includes(to))
      throw new AppError('conflict', 'Only an accepted request can be tracked by a milestone of the project');
    if (request.milestoneId) throw new AppError('conflict', 'This request is already tracked by a milestone');
  }

  const now = deps.clock();
  const changes = new ChangeSet(deps, { at: now, actor, projectId: request.projectId });
  if (input.status) {
    // Guarded: of two moves from the same state, the second finds it gone and changes nothing.
    changes.guarded(
      db
        .update(serviceRequests)
        .set({
          status: input.status,
          ...stampsFor(input.status, now),
          ...(input.status === 'scheduled' ? { scheduledFor: input.scheduledFor } : {}),
          updatedAt: now,
        })
        .where(and(eq(serviceRequests.id, requestId), eq(serviceRequests.status, from))),
      `This request was moved on meanwhile (it is no longer ${from}): reload it to see where it stands`,
    );
    changes.audit({
      entity: 'service_request',
      entityId: requestId,
      action: 'update',
      field: 'status',
      before: from,
      after: input.status,
      reason: input.comment ?? null,
    });
    if (input.status === 'scheduled')
      changes.audit({
        entity: 'service_request',
        entityId: requestId,
        action: 'update',
        field: 'scheduled_for',
        before: request.scheduledFor,
        after: input.scheduledFor,
      });
  } else if (input.comment) {
    changes.audit({
      entity: 'service_request',
      entityId: requestId,
      action: 'comment',
      after: input.comment,
    });
  }
  if (input.status || input.comment) {
    changes.write(
      db.insert(serviceRequestEvents).values({
        id: crypto.randomUUID(),
        requestId,
        authorId: actor.id,
        at: now,
        fromStatus: input.status ? from : null,
        toStatus: input.status ?? null,
        comment: input.comment ?? null,
      }),
    );
    changes.notify(
      await notifyRequestChange(deps, actor, {
        id: requestId,
        projectId: request.projectId,
        requesterId: request.requesterId,
        service,
        dataHospitalId: request.dataHospitalId,
        to: input.status ?? null,
        comment: input.comment,
      }),
    );
  }

  // The milestone change rides in the same batch as an owed effect (server/effects): the request
  // and its milestone commit together, and a restart completes what a crash interrupted.
  const scheduledFor = input.status === 'scheduled' ? (input.scheduledFor ?? null) : request.scheduledFor;
  const { milestone } = input;
  if (milestone) {
    const effectId = crypto.randomUUID();
    const tracking = await trackingFor(deps, request, service, milestone, effectId);
    const owed = requestMilestoneEffect(
      deps,
      actor.id,
      request.projectId,
      now,
      { requestId, ...tracking },
      effectId,
    );
    changes
      .guarded(
        db
          .update(serviceRequests)
          .set({ milestoneId: tracking.milestoneId, updatedAt: now })
          .where(and(eq(serviceRequests.id, requestId), isNull(serviceRequests.milestoneId))),
        'This request was linked to a milestone meanwhile: reload it to see which',
      )
      .write(owed.statement)
      .audit({
        entity: 'service_request',
        entityId: requestId,
        action: 'update',
        field: 'milestone_id',
        after: tracking.milestoneId,
        reason: 'tracked on the project timeline',
      })
      .afterCommit(() => deps.effects.run(owed.effect));
  } else if (input.status && request.milestoneId && milestoneEffect(input.status, scheduledFor)) {
    const owed = requestMilestoneEffect(deps, actor.id, request.projectId, now, {
      requestId,
      milestoneId: request.milestoneId,
      create: null,
    });
    changes.write(owed.statement).afterCommit(() => deps.effects.run(owed.effect));
  }
  // Everyone who may see the project reads its requests (list-service-requests.ts).
  changes
    .activity('project.view')
    .emit('service_request.changed', { projectId: request.projectId, requestId });
  await changes.commit();

  deps.log.info({ requestId, from, to, by: actor.id }, 'service request changed');
  return (await loadRequests(deps, actor, eq(serviceRequests.id, requestId)))[0]!;
}
