/**
 * Who hears of a service request's change: when the handling side acts (a status change, a
 * comment, a milestone), the requester; when the project side acts (filing, a comment), the
 * handling team and the cluster managers, pointed at the handling queue; the team hears of it
 * even when it does not see the project.
 */
import { eq } from 'drizzle-orm';
import type { RequestStatus } from '../../shared/services.ts';
import type { Actor } from '../auth/actor.ts';
import { handlesService, type ServiceRow } from '../catalogue/service-view.ts';
import { clusterManagers, organisationMembers, projects, serviceHandlers } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { type PreparedNotifications, prepareNotifications } from '../notifications/notify.ts';
import { excerpt } from '../notifications/sources.ts';

export async function notifyRequestChange(
  deps: ServiceDeps,
  actor: Actor,
  change: {
    id: string;
    projectId: string;
    requesterId: string;
    service: ServiceRow;
    /** the new status, or null for a comment or a milestone link */
    to: RequestStatus | null;
    comment?: string;
  },
): Promise<PreparedNotifications> {
  const { db } = deps;
  const handlingSide = await handlesService(db, actor, change.service);
  // The handling team hears of what the project side does even without seeing the project.
  const recipients = handlingSide ? [change.requesterId] : await handlingTeam(deps, change.service);
  const [project] = await db
    .select({ title: projects.title })
    .from(projects)
    .where(eq(projects.id, change.projectId));
  return prepareNotifications(deps, [
    {
      type: 'service_request.changed',
      projectId: change.projectId,
      actorId: actor.id,
      subject: { kind: 'service_request', id: change.id },
      payload: {
        actor: { id: actor.id, name: actor.name },
        projectTitle: project?.title ?? '',
        service: { en: change.service.nameEn, fr: change.service.nameFr },
        ...(change.to ? { status: change.to } : {}),
        ...(change.comment ? { excerpt: excerpt(change.comment) } : {}),
        ...(handlingSide ? {} : { queue: true }),
      },
      recipients,
      ...(handlingSide ? {} : { handlers: recipients }),
    },
  ]);
}

async function handlingTeam(deps: ServiceDeps, service: ServiceRow): Promise<string[]> {
  const { db } = deps;
  const [handlers, members, managers] = await Promise.all([
    db
      .select({ id: serviceHandlers.userId })
      .from(serviceHandlers)
      .where(eq(serviceHandlers.serviceId, service.id)),
    service.handlingOrganisationId
      ? db
          .select({ id: organisationMembers.userId })
          .from(organisationMembers)
          .where(eq(organisationMembers.organisationId, service.handlingOrganisationId))
      : Promise.resolve([]),
    db.select({ id: clusterManagers.userId }).from(clusterManagers),
  ]);
  return [...handlers, ...members, ...managers].map((r) => r.id);
}
