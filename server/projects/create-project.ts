/** A signed-in user starts a project for one of their organisations and becomes its lead. */
import { and, desc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateProjectBody, ProjectDetail } from '../../shared/schemas/projects.ts';
import { mayInCluster } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  frameworks,
  organisationMembers,
  projectMembers,
  projectPartners,
  projects,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { getProject } from './get-project.ts';
import { checkPartners } from './project.rules.ts';
import { existingOrganisationIds, loadOrganisation } from './project-view.ts';

export async function createProject(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof CreateProjectBody>,
): Promise<ProjectDetail> {
  const { db } = deps;
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, input.track)).limit(1);
  if (!framework) throw new AppError('invalid_input', `Unknown track "${input.track}"`);
  // A new project starts on its track's current version; older ones stay for the projects on them.
  const [newer] = await db
    .select({ id: frameworks.id, version: frameworks.version })
    .from(frameworks)
    .where(and(eq(frameworks.lineage, framework.lineage), gt(frameworks.version, framework.version)))
    .orderBy(desc(frameworks.version))
    .limit(1);
  if (newer)
    throw new AppError(
      'invalid_input',
      `"${framework.nameEn}" version ${framework.version} has been replaced: new projects start on its current version, ${newer.version} ("${newer.id}")`,
      [{ path: 'track', message: `not the current version: use "${newer.id}"` }],
    );
  const leadOrg = await loadOrganisation(db, input.leadOrganisationId);
  if (!leadOrg) throw new AppError('invalid_input', 'Unknown lead organisation');
  if (!mayInCluster(actor, 'project.create_any_organisation')) {
    const [membership] = await db
      .select()
      .from(organisationMembers)
      .where(
        and(eq(organisationMembers.organisationId, leadOrg.id), eq(organisationMembers.userId, actor.id)),
      )
      .limit(1);
    if (!membership)
      throw new AppError('forbidden', 'You can only start a project for an organisation you belong to');
  }
  checkPartners(
    input.leadOrganisationId,
    input.partners,
    await existingOrganisationIds(
      db,
      input.partners.map((p) => p.organisationId),
    ),
  );

  const now = deps.clock();
  const id = crypto.randomUUID();
  const row = {
    id,
    title: input.title,
    summary: input.summary,
    frameworkId: framework.id,
    stage: 0,
    leadOrganisationId: leadOrg.id,
    listedInDirectory: input.listedInDirectory,
    archived: false,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  };
  await new ChangeSet(deps, { at: now, actor, projectId: id })
    .write(
      db.insert(projects).values(row),
      db
        .insert(projectMembers)
        .values({ projectId: id, userId: actor.id, role: 'lead', addedBy: actor.id, addedAt: now }),
      ...(input.partners.length
        ? [db.insert(projectPartners).values(input.partners.map((p) => ({ projectId: id, ...p })))]
        : []),
    )
    .audit({ entity: 'project', entityId: id, action: 'create', after: { ...row, partners: input.partners } })
    .audit({
      entity: 'member',
      entityId: `${id}:${actor.id}`,
      action: 'create',
      field: 'role',
      after: 'lead',
    })
    .emit('project.changed', { projectId: id })
    .commit();
  deps.log.info({ projectId: id, userId: actor.id }, 'project created');
  return getProject(deps, actor, id);
}
