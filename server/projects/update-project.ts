/**
 * The lead (or a cluster manager) edits a project's card; each changed field is audited.
 * Archiving (leads and managers) and restoring (managers only) go through here too: an archived
 * project refuses every other change until it is restored (shared/permissions.ts).
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProjectDetail, UpdateProjectBody } from '../../shared/schemas/projects.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { projectPartners, projects } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { getProject } from './get-project.ts';
import { checkPartners } from './project.rules.ts';
import { activeOrganisationIds, loadPartners } from './project-view.ts';

export async function updateProject(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof UpdateProjectBody>,
): Promise<ProjectDetail> {
  const { db } = deps;
  const { archived, ...card } = input;
  const editsCard = Object.values(card).some((v) => v !== undefined);
  const access = await requireProjectAction(deps, actor, projectId, 'project.view');
  const before = access.project;
  if (archived === false && before.archived)
    await requireProjectAction(deps, actor, projectId, 'project.restore');
  else if (archived !== undefined) await requireProjectAction(deps, actor, projectId, 'project.archive');
  if (editsCard) await requireProjectAction(deps, actor, projectId, 'project.edit');
  const now = deps.clock();
  const changes = new ChangeSet(deps, { at: now, actor, projectId });
  const set: Partial<typeof projects.$inferInsert> = {};
  let changed = false;
  for (const field of ['title', 'summary', 'listedInDirectory', 'archived'] as const) {
    const value = input[field];
    if (value === undefined || value === before[field]) continue;
    (set as Record<string, unknown>)[field] = value;
    changed = true;
    changes.audit({
      entity: 'project',
      entityId: projectId,
      action: 'update',
      field,
      before: before[field],
      after: value,
    });
  }
  const partners: Statement[] = [];
  if (input.partners) {
    const previous = (await loadPartners(db, projectId)).map((p) => ({
      organisationId: p.organisation.id,
      role: p.role,
    }));
    // A partner deactivated since it joined may stay; a new one must be active.
    const allowed = await activeOrganisationIds(
      db,
      input.partners.map((p) => p.organisationId),
    );
    for (const p of previous) allowed.add(p.organisationId);
    checkPartners(before.leadOrganisationId, input.partners, allowed);
    const key = (l: { organisationId: string; role: string }[]) =>
      JSON.stringify([...l].sort((a, b) => a.organisationId.localeCompare(b.organisationId)));
    if (key(previous) !== key(input.partners)) {
      partners.push(db.delete(projectPartners).where(eq(projectPartners.projectId, projectId)));
      if (input.partners.length)
        partners.push(db.insert(projectPartners).values(input.partners.map((p) => ({ projectId, ...p }))));
      changed = true;
      changes.audit({
        entity: 'project',
        entityId: projectId,
        action: 'update',
        field: 'partners',
        before: previous,
        after: input.partners,
      });
    }
  }
  // Archiving or restoring changes what every open page may do: their sockets re-check at once.
  if (set.archived !== undefined) changes.emit('membership.changed', { projectId });
  if (changed)
    await changes
      .write(
        db
          .update(projects)
          .set({ ...set, updatedAt: now })
          .where(eq(projects.id, projectId)),
        ...partners,
      )
      .emit('project.changed', { projectId })
      .commit();
  return getProject(deps, actor, projectId);
}
