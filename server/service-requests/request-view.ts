/** Service requests in the shape of shared/services.ts, with what the caller may do with each. */
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import { can } from '../../shared/permissions.ts';
import {
  linkableStatuses,
  type RequestStatus,
  type ServiceKind,
  type ServiceRequest,
} from '../../shared/services.ts';
import { projectAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import {
  organisations,
  projects,
  serviceRequestEvents,
  serviceRequests,
  services,
  user,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { handlerScope } from './data-offices.ts';
import { handlerOf } from './service-requests.rules.ts';

export type RequestRow = typeof serviceRequests.$inferSelect;

export async function loadRequests(
  deps: ServiceDeps,
  actor: Actor,
  where: SQL | undefined,
): Promise<ServiceRequest[]> {
  const { db } = deps;
  const rows = await db
    .select({
      request: serviceRequests,
      service: services,
      projectTitle: projects.title,
      requesterName: user.name,
      hospital: { id: organisations.id, slug: organisations.slug, name: organisations.name },
    })
    .from(serviceRequests)
    .innerJoin(services, eq(services.id, serviceRequests.serviceId))
    .innerJoin(projects, eq(projects.id, serviceRequests.projectId))
    .innerJoin(user, eq(user.id, serviceRequests.requesterId))
    .leftJoin(organisations, eq(organisations.id, serviceRequests.dataHospitalId))
    .where(where)
    .orderBy(asc(serviceRequests.submittedAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.request.id);
  const [events, scope] = await Promise.all([
    db
      .select({ event: serviceRequestEvents, authorName: user.name })
      .from(serviceRequestEvents)
      .leftJoin(user, eq(user.id, serviceRequestEvents.authorId))
      .where(inArray(serviceRequestEvents.requestId, ids))
      .orderBy(asc(serviceRequestEvents.at)),
    handlerScope(db, actor),
  ]);
  const editRights = new Map<string, boolean>();
  const visible = new Set<string>();
  for (const projectId of new Set(rows.map((r) => r.request.projectId))) {
    const access = await projectAccess(db, actor, projectId);
    editRights.set(projectId, access !== null && can(access.roles, 'service.request'));
    if (access && can(access.roles, 'project.view')) visible.add(projectId);
  }
  return rows.map(({ request: r, service: s, projectTitle, requesterName, hospital }) => {
    const canHandle = handlerOf(scope, s.id, r.dataHospitalId);
    const projectSide = editRights.get(r.projectId) ?? false;
    return {
      id: r.id,
      service: {
        id: s.id,
        slug: s.slug,
        kind: s.kind as ServiceKind,
        name: { en: s.nameEn, fr: s.nameFr },
        form: s.form,
      },
      project: { id: r.projectId, title: projectTitle },
      hospital: r.dataHospitalId && hospital ? hospital : null,
      filingId: r.dataFilingId,
      requester: { id: r.requesterId, name: requesterName },
      answers: r.answers,
      status: r.status as RequestStatus,
      scheduledFor: r.scheduledFor,
      milestoneId: r.milestoneId,
      submittedAt: r.submittedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      events: events
        .filter((e) => e.event.requestId === r.id)
        .map(({ event: e, authorName }) => ({
          id: e.id,
          author: e.authorId ? { id: e.authorId, name: authorName ?? '' } : null,
          at: e.at.toISOString(),
          from: (e.fromStatus as RequestStatus | null) ?? null,
          to: (e.toStatus as RequestStatus | null) ?? null,
          comment: e.comment,
        })),
      link: requestLink(deps.publicUrl, r.projectId, r.id),
      canViewProject: visible.has(r.projectId),
      canHandle,
      canComment: canHandle || projectSide,
      canLink: (canHandle || projectSide) && linkableStatuses.includes(r.status as RequestStatus),
    };
  });
}

/** The address to cite a request by (readiness evidence, gate criteria): the project's requests page. */
export const requestLink = (publicUrl: string, projectId: string, requestId: string) =>
  `${publicUrl}/projects/${projectId}/services#request-${requestId}`;
