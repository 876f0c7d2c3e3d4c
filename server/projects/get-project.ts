/** One project as its viewer may see it, with what they may do there. */

import type { ProjectDetail } from '../../shared/schemas/projects.ts';
import { allowedActions, requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { lastActivity } from './project-activity.ts';
import { currentLevel } from './project-level.ts';
import { loadOrganisation, loadPartners, toSummary } from './project-view.ts';

export async function getProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ProjectDetail> {
  const access = await requireProjectAction(deps, actor, projectId, 'project.view');
  const { project } = access;
  const [leadOrg, partners, updated, level] = await Promise.all([
    loadOrganisation(deps.db, project.leadOrganisationId),
    loadPartners(deps.db, project.id),
    lastActivity(deps.db, actor, [{ ...project, memberRole: access.memberRole }]),
    currentLevel(deps.db, project.id),
  ]);
  if (!leadOrg) throw new AppError('internal', 'Project has no lead organisation');
  return {
    ...toSummary(project, leadOrg, access.memberRole),
    updatedAt: (updated.get(project.id) ?? project.updatedAt).toISOString(),
    partners,
    createdAt: project.createdAt.toISOString(),
    // what this caller may do: its roles, within what its credential allows
    permissions: allowedActions(actor, access),
    level,
  };
}
