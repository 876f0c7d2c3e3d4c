/** Services of the catalogue in the shape of shared/services.ts, and who handles them. */
import { eq, inArray } from 'drizzle-orm';
import type { RequestKind } from '../../shared/data-requests.ts';
import type { DimensionId, OrganisationKind } from '../../shared/domain.ts';
import type { Service, ServiceKind } from '../../shared/services.ts';
import { mayInCluster } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import {
  hospitalDataOffices,
  organisationMembers,
  organisations,
  serviceHandlers,
  services,
  user,
} from '../db/schema/index.ts';

export type ServiceRow = typeof services.$inferSelect;

/** The handling team of a service: its handlers and the members of its handling organisation. */
export async function handlesService(db: Db, actor: Actor, service: ServiceRow): Promise<boolean> {
  if (mayInCluster(actor, 'service.handle_any')) return true;
  return (await handledServiceIds(db, actor.id)).has(service.id);
}

/**
 * Ids of the services whose handling team includes this user (managers aside); a hospital data
 * office handles the data-access services, for its own hospital's requests only
 * (server/service-requests/data-offices.ts decides per request).
 */
export async function handledServiceIds(db: Db, userId: string): Promise<Set<string>> {
  const [direct, orgs, offices] = await Promise.all([
    db
      .select({ id: serviceHandlers.serviceId })
      .from(serviceHandlers)
      .where(eq(serviceHandlers.userId, userId)),
    db
      .select({ id: services.id })
      .from(services)
      .innerJoin(organisationMembers, eq(organisationMembers.organisationId, services.handlingOrganisationId))
      .where(eq(organisationMembers.userId, userId)),
    db
      .selectDistinct({ id: services.id })
      .from(services)
      .innerJoin(hospitalDataOffices, eq(hospitalDataOffices.userId, userId))
      .where(eq(services.requestKind, 'data_access')),
  ]);
  return new Set([...direct, ...orgs, ...offices].map((r) => r.id));
}

export async function loadServices(db: Db, actor: Actor, rows: ServiceRow[]): Promise<Service[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const orgIds = rows.map((r) => r.handlingOrganisationId).filter((id): id is string => id !== null);
  const [handlers, orgs, mine] = await Promise.all([
    db
      .select({ serviceId: serviceHandlers.serviceId, id: user.id, name: user.name })
      .from(serviceHandlers)
      .innerJoin(user, eq(user.id, serviceHandlers.userId))
      .where(inArray(serviceHandlers.serviceId, ids))
      .orderBy(user.name),
    orgIds.length
      ? db
          .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, orgIds))
      : Promise.resolve([]),
    handledServiceIds(db, actor.id),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind as ServiceKind,
    name: { en: r.nameEn, fr: r.nameFr },
    description: { en: r.descriptionEn, fr: r.descriptionFr },
    audience: { en: r.audienceEn, fr: r.audienceFr },
    requesterKinds: r.requesterKinds as OrganisationKind[],
    form: r.form,
    handlingOrganisation: (r.handlingOrganisationId && orgById.get(r.handlingOrganisationId)) || null,
    handlers: handlers.filter((h) => h.serviceId === r.id).map((h) => ({ id: h.id, name: h.name })),
    dimension: (r.dimension as DimensionId | null) ?? null,
    requestKind: r.requestKind as RequestKind,
    active: r.active,
    canHandle: mayInCluster(actor, 'service.handle_any') || mine.has(r.id),
  }));
}
