/** The lead (or a cluster manager) edits a project's card; each changed field is audited. */
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
import { existingOrganisationIds, loadPartners } from './project-view.ts';

export async function updateProject(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof UpdateProjectBody>,
): Promise<ProjectDetail> {
  const { db } = deps;
  const access = await requireProjectAction(deps, actor, projectId, 'project.edit');
  if (input.archived !== undefined) await requireProjectAction(deps, actor, projectId, 'project.archive');
  const before = access.project;
  const now = deps.clock();
  const changes = new ChangeSet(deps, { at: now, actor, projectId });
  const card: Partial<typeof projects.$inferInsert> = {};
  let changed = false;
  for (const field of ['title', 'summary', 'listedInDirectory', 'archived'] as const) {
    const value = input[field];
    if (value === undefined || value === before[field]) continue;
    (card as Record<string, unknown>)[field] = value;
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
    checkPartners(
      before.leadOrganisationId,
      input.partners,
      await existingOrganisationIds(
        db,
        input.partners.map((p) => p.organisationId),
      ),
    );
    const previous = (await loadPartners(db, projectId)).map((p) => ({
      organisationId: p.organisation.id,
      role: p.role,
    }));
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
  if (changed)
    await changes
      .write(
        db
          .update(projects)
          .set({ ...card, updatedAt: now })
          .where(eq(projects.id, projectId)),
        ...partners,
      )
      .emit('project.changed', { projectId })
      .commit();
  return getProject(deps, actor, projectId);
}
