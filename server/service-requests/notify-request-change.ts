/**
 * Who hears of a service request's change: when the handling side acts (a status change, a
 * comment, a milestone), the requester; when the project side acts (filing, a comment), the
 * handling team and the cluster managers, pointed at the handling queue; the team hears of it
 * even when it does not see the project.
 */
import { eq } from 'drizzle-orm';
import type { RequestStatus } from '../../shared/services.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceRow } from '../catalogue/service-view.ts';
import { projects } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { type PreparedNotifications, prepareNotifications } from '../notifications/notify.ts';
import { excerpt } from '../notifications/sources.ts';
import { handlesRequest } from './data-offices.ts';
import { handlingTeam } from './request-audience.ts';

export async function notifyRequestChange(
  deps: ServiceDeps,
  actor: Actor,
  change: {
    id: string;
    projectId: string;
    requesterId: string;
    service: ServiceRow;
    /** data-access requests: the hospital whose data office handles it */
    dataHospitalId: string | null;
    /** the new status, or null for a comment or a milestone link */
    to: RequestStatus | null;
    comment?: string;
  },
): Promise<PreparedNotifications> {
  const { db } = deps;
  const handlingSide = await handlesRequest(db, actor, change.service, change);
  // The handling team hears of what the project side does even without seeing the project.
  const recipients = handlingSide
    ? [change.requesterId]
    : await handlingTeam(db, {
        serviceId: change.service.id,
        handlingOrganisationId: change.service.handlingOrganisationId,
        dataHospitalId: change.dataHospitalId,
      });
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
