/**
 * Reading requests: a project's (everyone who may see the project, observers included), one
 * request (its project's readers and its handling team), and the handling queue (the services
 * the caller handles; every service for a cluster manager).
 */
import { and, asc, eq, inArray, isNull, notInArray, or } from 'drizzle-orm';
import { openStatuses, type ServiceRequest } from '../../shared/services.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { milestones, serviceRequests } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { handlerScope } from './data-offices.ts';
import { loadRequests } from './request-view.ts';

/** A project's requests, newest first, and its milestones (what a request may be tracked by). */
export async function listProjectRequests(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
): Promise<{ requests: ServiceRequest[]; milestones: { id: string; title: string }[] }> {
  await requireProjectAction(deps, actor, projectId, 'project.view');
  const [requests, rows] = await Promise.all([
    loadRequests(deps, actor, eq(serviceRequests.projectId, projectId)),
    deps.db
      .select({ id: milestones.id, title: milestones.title })
      .from(milestones)
      .where(eq(milestones.projectId, projectId))
      .orderBy(asc(milestones.position)),
  ]);
  return { requests: requests.reverse(), milestones: rows };
}

export async function getServiceRequest(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
): Promise<ServiceRequest> {
  const [request] = await loadRequests(deps, actor, eq(serviceRequests.id, requestId));
  if (request && (request.canHandle || request.canViewProject)) return request;
  throw new AppError('not_found', 'No such service request');
}

export async function listQueue(
  deps: ServiceDeps,
  actor: Actor,
  query: { status: 'open' | 'closed' | 'all'; service?: string },
): Promise<ServiceRequest[]> {
  const scope = await handlerScope(deps.db, actor);
  const services = [...scope.services];
  const hospitals = [...scope.hospitals];
  if (!scope.any && services.length === 0 && hospitals.length === 0) return [];
  // A hospital's data office sees the requests naming its hospital, and no other hospital's.
  const mine = scope.any
    ? undefined
    : or(
        services.length
          ? and(inArray(serviceRequests.serviceId, services), isNull(serviceRequests.dataHospitalId))
          : undefined,
        hospitals.length ? inArray(serviceRequests.dataHospitalId, hospitals) : undefined,
      );
  const open = [...openStatuses];
  return loadRequests(
    deps,
    actor,
    and(
      mine,
      query.service ? eq(serviceRequests.serviceId, query.service) : undefined,
      query.status === 'open' ? inArray(serviceRequests.status, open) : undefined,
      query.status === 'closed' ? notInArray(serviceRequests.status, open) : undefined,
    ),
  );
}
