/**
 * Who handles a request: a data-access request is handled by the data office of the hospital it
 * names (and the cluster managers, who handle every service), never by another hospital's office
 * nor by the service's general team; any other request by its service's handling team.
 */
import { eq } from 'drizzle-orm';
import { mayInCluster } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { handledServiceIds, type ServiceRow } from '../catalogue/service-view.ts';
import type { Db } from '../db/client.ts';
import { hospitalDataOffices } from '../db/schema/index.ts';
import { handlerOf } from './service-requests.rules.ts';

/** The hospitals whose data office this user belongs to. */
export async function dataOfficeHospitalIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: hospitalDataOffices.hospitalId })
    .from(hospitalDataOffices)
    .where(eq(hospitalDataOffices.userId, userId));
  return new Set(rows.map((r) => r.id));
}

export async function dataOfficeMembers(db: Db, hospitalId: string): Promise<string[]> {
  const rows = await db
    .select({ id: hospitalDataOffices.userId })
    .from(hospitalDataOffices)
    .where(eq(hospitalDataOffices.hospitalId, hospitalId));
  return rows.map((r) => r.id);
}

/** What the caller handles: every request (a manager), or these services and hospitals. */
export async function handlerScope(db: Db, actor: Actor) {
  const [services, hospitals] = await Promise.all([
    handledServiceIds(db, actor.id),
    dataOfficeHospitalIds(db, actor.id),
  ]);
  return { any: mayInCluster(actor, 'service.handle_any'), services, hospitals };
}
export type HandlerScope = Awaited<ReturnType<typeof handlerScope>>;

export async function handlesRequest(
  db: Db,
  actor: Actor,
  service: ServiceRow,
  request: { dataHospitalId: string | null },
): Promise<boolean> {
  return handlerOf(await handlerScope(db, actor), service.id, request.dataHospitalId);
}
