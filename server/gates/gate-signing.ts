/**
 * The framework's setting of who signs a gate decision of a review with a committee: the chair
 * alone, or every member not excluded. It is a cluster's policy for the track, not part of its
 * criteria: set on every version of the framework at once, so a new version keeps it.
 */
import { eq } from 'drizzle-orm';
import type { GateSigning } from '../../shared/schemas/gates.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { frameworks } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

export async function setGateSigning(
  deps: ServiceDeps,
  actor: Actor,
  frameworkId: string,
  signing: GateSigning,
): Promise<{ frameworkId: string; signing: GateSigning }> {
  requireClusterAction(deps, actor, 'framework.manage');
  const [framework] = await deps.db
    .select({ lineage: frameworks.lineage, signing: frameworks.gateSigning })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId));
  if (!framework) throw new AppError('not_found', 'No such framework');
  const lineage = framework.lineage || frameworkId;
  await new ChangeSet(deps, { at: deps.clock(), actor, projectId: null })
    .write(deps.db.update(frameworks).set({ gateSigning: signing }).where(eq(frameworks.lineage, lineage)))
    .write(deps.db.update(frameworks).set({ gateSigning: signing }).where(eq(frameworks.id, frameworkId)))
    .audit({
      entity: 'framework',
      entityId: lineage,
      action: 'update',
      field: 'gateSigning',
      before: framework.signing,
      after: signing,
    })
    .commit();
  return { frameworkId, signing };
}
