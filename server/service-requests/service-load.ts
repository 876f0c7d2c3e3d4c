/** The managers' view of each service's load: open requests and median times to decide and deliver. */
import { asc } from 'drizzle-orm';
import {
  openStatuses,
  type RequestStatus,
  type ServiceKind,
  type ServiceLoad,
} from '../../shared/services.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { serviceRequests, services } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { days, median } from './service-requests.rules.ts';

export async function serviceLoad(deps: ServiceDeps, actor: Actor): Promise<ServiceLoad[]> {
  requireClusterAction(deps, actor, 'service.load');
  const [rows, requests] = await Promise.all([
    deps.db.select().from(services).orderBy(asc(services.kind), asc(services.nameEn)),
    deps.db
      .select({
        serviceId: serviceRequests.serviceId,
        status: serviceRequests.status,
        submittedAt: serviceRequests.submittedAt,
        decidedAt: serviceRequests.decidedAt,
        deliveredAt: serviceRequests.deliveredAt,
      })
      .from(serviceRequests),
  ]);
  return rows.map((s) => {
    const mine = requests.filter((r) => r.serviceId === s.id);
    return {
      service: { id: s.id, slug: s.slug, name: { en: s.nameEn, fr: s.nameFr }, kind: s.kind as ServiceKind },
      open: mine.filter((r) => openStatuses.includes(r.status as RequestStatus)).length,
      total: mine.length,
      medianDaysToDecision: median(
        mine.flatMap((r) => (r.decidedAt ? [days(r.submittedAt, r.decidedAt)] : [])),
      ),
      medianDaysToDelivery: median(
        mine.flatMap((r) => (r.deliveredAt ? [days(r.submittedAt, r.deliveredAt)] : [])),
      ),
    };
  });
}
