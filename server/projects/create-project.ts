/**
 * A cluster manager, or a lead where the cluster allows it (may-start-project.ts), starts a
 * project for an active organisation. Anyone but a cluster manager becomes its lead (managers
 * see every project by their role, and stay out of its team unless added). The first members
 * are added or invited once the project exists, through the same use case as later ones; every
 * check that could refuse them runs before anything is written.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreatedProject, CreateProjectBody } from '../../shared/schemas/projects.ts';
import { isClusterManager, mayInCluster } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  frameworkStages,
  frameworks,
  organisationMembers,
  projectMembers,
  projectPartners,
  projects,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { addMember } from '../members/add-member.ts';
import { getProject } from './get-project.ts';
import { mayStartProjects, startRefusal } from './may-start-project.ts';
import { checkFirstMembers, checkPartners } from './project.rules.ts';
import { activeOrganisationIds, loadOrganisation } from './project-view.ts';

export async function createProject(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof CreateProjectBody>,
): Promise<CreatedProject> {
  const { db } = deps;
  if (!(await mayStartProjects(deps, actor))) {
    deps.log.warn({ denied: 'project.create', userId: actor.id }, 'access denied');
    throw new AppError('forbidden', await startRefusal(deps));
  }
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
  const [stage] = await db
    .select({ index: frameworkStages.stageIndex })
    .from(frameworkStages)
    .where(and(eq(frameworkStages.frameworkId, framework.id), eq(frameworkStages.stageIndex, input.stage)))
    .limit(1);
  if (!stage) throw new AppError('invalid_input', `This track has no stage ${input.stage}`);
  const leadOrg = await loadOrganisation(db, input.leadOrganisationId);
  if (!leadOrg) throw new AppError('invalid_input', 'Unknown lead organisation');
  if (leadOrg.deactivatedAt)
    throw new AppError('invalid_input', `${leadOrg.name} is deactivated: it cannot lead a project`);
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
    await activeOrganisationIds(
      db,
      input.partners.map((p) => p.organisationId),
    ),
  );
  const joinsAsLead = !isClusterManager(actor);
  checkFirstMembers(input.members, joinsAsLead ? actor.email : null);
  // A first member's organisation is checked here too: once the project exists, nothing may refuse.
  const memberOrganisations = await activeOrganisationIds(
    db,
    input.members.flatMap((m) => (m.organisationId ? [m.organisationId] : [])),
  );
  const inactive = input.members.findIndex(
    (m) => m.organisationId && !memberOrganisations.has(m.organisationId),
  );
  if (inactive >= 0)
    throw new AppError('invalid_input', 'A first member’s organisation is unknown or deactivated', [
      { path: `members.${inactive}.organisationId`, message: 'Unknown or deactivated organisation' },
    ]);

  const now = deps.clock();
  const id = crypto.randomUUID();
  const row = {
    id,
    title: input.title,
    summary: input.summary,
    frameworkId: framework.id,
    stage: input.stage,
    leadOrganisationId: leadOrg.id,
    listedInDirectory: input.listedInDirectory,
    archived: false,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  };
  const changes = new ChangeSet(deps, { at: now, actor, projectId: id })
    .write(
      db.insert(projects).values(row),
      ...(input.partners.length
        ? [db.insert(projectPartners).values(input.partners.map((p) => ({ projectId: id, ...p })))]
        : []),
    )
    .audit({
      entity: 'project',
      entityId: id,
      action: 'create',
      after: { ...row, partners: input.partners },
    });
  if (joinsAsLead)
    changes
      .write(
        db
          .insert(projectMembers)
          .values({ projectId: id, userId: actor.id, role: 'lead', addedBy: actor.id, addedAt: now }),
      )
      .audit({
        entity: 'member',
        entityId: `${id}:${actor.id}`,
        action: 'create',
        field: 'role',
        after: 'lead',
      });
  await changes.emit('project.changed', { projectId: id }).commit();
  deps.log.info({ projectId: id, userId: actor.id }, 'project created');

  const firstMembers = [];
  for (const member of input.members) firstMembers.push(await addMember(deps, actor, id, member));
  return { ...(await getProject(deps, actor, id)), firstMembers };
}
