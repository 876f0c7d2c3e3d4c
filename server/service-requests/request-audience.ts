/**
 * Who may see a service request, for telling them live that it changed: the people who may see
 * its project (its members, whose roles allow `project.view`, and the cluster managers) and the
 * service's handling team (its handlers and the members of its handling organisation), as
 * `getServiceRequest` lets them read it. Nobody else: a request that is not found has no one.
 */
import { eq } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { can } from '../../shared/permissions.ts';
import type { Db } from '../db/client.ts';
import {
  clusterManagers,
  organisationMembers,
  projectMembers,
  serviceHandlers,
  serviceRequests,
  services,
} from '../db/schema/index.ts';
import { dataOfficeMembers } from './data-offices.ts';

export async function requestAudience(db: Db, requestId: string): Promise<string[]> {
  const [request] = await db
    .select({
      projectId: serviceRequests.projectId,
      serviceId: serviceRequests.serviceId,
      handlingOrganisationId: services.handlingOrganisationId,
      dataHospitalId: serviceRequests.dataHospitalId,
    })
    .from(serviceRequests)
    .innerJoin(services, eq(services.id, serviceRequests.serviceId))
    .where(eq(serviceRequests.id, requestId))
    .limit(1);
  if (!request) return [];
  const [members, team] = await Promise.all([
    db
      .select({ id: projectMembers.userId, role: projectMembers.role })
      .from(projectMembers)
      .where(eq(projectMembers.projectId, request.projectId)),
    handlingTeam(db, request),
  ]);
  const readers = members.filter((m) => can([m.role as ProjectRole], 'project.view')).map((m) => m.id);
  return [...new Set([...readers, ...team])];
}

/**
 * A request's handling team, and the cluster managers, who handle every service: for a
 * data-access request, the named hospital's data office only; otherwise the service's team.
 */
export async function handlingTeam(
  db: Db,
  service: { serviceId: string; handlingOrganisationId: string | null; dataHospitalId: string | null },
): Promise<string[]> {
  if (service.dataHospitalId) {
    const [office, managers] = await Promise.all([
      dataOfficeMembers(db, service.dataHospitalId),
      db.select({ id: clusterManagers.userId }).from(clusterManagers),
    ]);
    return [...office, ...managers.map((m) => m.id)];
  }
  const [handlers, members, managers] = await Promise.all([
    db
      .select({ id: serviceHandlers.userId })
      .from(serviceHandlers)
      .where(eq(serviceHandlers.serviceId, service.serviceId)),
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
