/**
 * Whether the actor may start a project now: the programme office always; otherwise as the
 * cluster's `projectCreation` setting says (shared/permissions.ts `mayStartProject`).
 */
import { and, eq } from 'drizzle-orm';
import { mayStartProject } from '../../shared/permissions.ts';
import { mayInCluster } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { projectMembers, projects } from '../db/schema/index.ts';
import type { Logger } from '../log.ts';
import { readSettings } from '../settings/read-settings.ts';

export async function mayStartProjects(deps: { db: Db; log: Logger }, actor: Actor): Promise<boolean> {
  if (mayInCluster(actor, 'project.start_any_time')) return true;
  const { projectCreation } = await readSettings(deps);
  if (projectCreation !== 'leads') return false;
  const [led] = await deps.db
    .select({ id: projects.id })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(
      and(eq(projectMembers.userId, actor.id), eq(projectMembers.role, 'lead'), eq(projects.archived, false)),
    )
    .limit(1);
  return mayStartProject(actor, projectCreation, led !== undefined);
}

/** Why a person may not start a project, in the words they read. */
export async function startRefusal(deps: { db: Db; log: Logger }): Promise<string> {
  const { projectCreation } = await readSettings(deps);
  return projectCreation === 'managers'
    ? 'Only cluster managers start projects in this cluster: ask the programme office'
    : 'Only cluster managers and the leads of a current project start projects: ask the programme office';
}
