/**
 * A cluster manager deactivates an organisation that has left the cluster, or brings it back.
 *
 * Deactivated means: it leaves the directory and every organisation picker (GET /organisations
 * lists active ones only) and its profile is not found except by those who manage
 * organisations. Nothing else is cut: its people keep their accounts and their project
 * memberships, the projects it partners keep it as a partner (their history stays true), and it
 * can be reactivated as it was. It is refused while the organisation leads a project that is not
 * archived: that project would be led by an organisation nobody can find or pick.
 */
import { and, eq, isNotNull, isNull, notExists } from 'drizzle-orm';
import type { AdminOrganisationDetail } from '../../shared/schemas/organisations.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { organisations, projects } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { conflict } from '../errors.ts';
import { adminOrganisationDetail, loadOrganisationRow } from './admin-organisations.ts';
import { leadsActiveProjectsRefusal } from './organisation.rules.ts';

export async function deactivateOrganisation(
  deps: ServiceDeps,
  actor: Actor,
  idOrSlug: string,
): Promise<AdminOrganisationDetail> {
  requireClusterAction(deps, actor, 'organisation.manage');
  const { db } = deps;
  const row = await loadOrganisationRow(deps, idOrSlug);
  if (row.deactivatedAt) return adminOrganisationDetail(deps, actor, row.id);
  const activeLed = and(eq(projects.leadOrganisationId, row.id), eq(projects.archived, false));
  const led = await db
    .select({ title: projects.title })
    .from(projects)
    .where(activeLed)
    .orderBy(projects.title);
  const refusal = leadsActiveProjectsRefusal(
    row.name,
    led.map((p) => p.title),
  );
  if (refusal) throw conflict(refusal);
  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor, projectId: null })
    // The check above, again inside the write: a project given this lead meanwhile also refuses it.
    .guarded(
      db
        .update(organisations)
        .set({ deactivatedAt: now, version: row.version + 1 })
        .where(
          and(
            eq(organisations.id, row.id),
            isNull(organisations.deactivatedAt),
            notExists(db.select({ id: projects.id }).from(projects).where(activeLed)),
          ),
        ),
      'This organisation changed meanwhile (deactivated, or now leading a project): reload it and try again',
    )
    .audit({
      entity: 'organisation',
      entityId: row.id,
      action: 'update',
      field: 'deactivated_at',
      before: null,
      after: now.toISOString(),
    })
    .commit();
  deps.log.info({ organisationId: row.id, by: actor.id }, 'organisation deactivated');
  return adminOrganisationDetail(deps, actor, row.id);
}

export async function reactivateOrganisation(
  deps: ServiceDeps,
  actor: Actor,
  idOrSlug: string,
): Promise<AdminOrganisationDetail> {
  requireClusterAction(deps, actor, 'organisation.manage');
  const row = await loadOrganisationRow(deps, idOrSlug);
  if (!row.deactivatedAt) return adminOrganisationDetail(deps, actor, row.id);
  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor, projectId: null })
    .guarded(
      deps.db
        .update(organisations)
        .set({ deactivatedAt: null, version: row.version + 1 })
        .where(and(eq(organisations.id, row.id), isNotNull(organisations.deactivatedAt))),
      'This organisation was reactivated meanwhile',
    )
    .audit({
      entity: 'organisation',
      entityId: row.id,
      action: 'update',
      field: 'deactivated_at',
      before: row.deactivatedAt.toISOString(),
      after: null,
    })
    .commit();
  deps.log.info({ organisationId: row.id, by: actor.id }, 'organisation reactivated');
  return adminOrganisationDetail(deps, actor, row.id);
}
