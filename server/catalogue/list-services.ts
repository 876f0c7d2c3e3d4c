/** The catalogue, as every signed-in user sees it (managers also see withdrawn offers). */
import { and, asc, eq } from 'drizzle-orm';
import type { Service, ServiceKind } from '../../shared/services.ts';
import { mayInCluster, requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { services } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loadServices } from './service-view.ts';

export async function listServices(deps: ServiceDeps, actor: Actor, kind?: ServiceKind): Promise<Service[]> {
  requireClusterAction(deps, actor, 'service.view');
  const rows = await deps.db
    .select()
    .from(services)
    .where(
      and(
        kind ? eq(services.kind, kind) : undefined,
        mayInCluster(actor, 'service.view_withdrawn') ? undefined : eq(services.active, true),
      ),
    )
    .orderBy(asc(services.kind), asc(services.nameEn));
  return loadServices(deps.db, actor, rows);
}

export async function getService(deps: ServiceDeps, actor: Actor, idOrSlug: string): Promise<Service> {
  requireClusterAction(deps, actor, 'service.view');
  const [row] = await deps.db.select().from(services).where(eq(services.id, idOrSlug)).limit(1);
  const found = row ?? (await deps.db.select().from(services).where(eq(services.slug, idOrSlug)).limit(1))[0];
  if (!found || (!found.active && !mayInCluster(actor, 'service.view_withdrawn')))
    throw new AppError('not_found', 'No such service');
  return (await loadServices(deps.db, actor, [found]))[0]!;
}
