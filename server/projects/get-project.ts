/** One project as its viewer may see it, with what they may do there. */

import { actions, can } from '../../shared/permissions.ts';
import type { ProjectDetail } from '../../shared/schemas/projects.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { credentialAllows } from '../auth/credential-limits.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loadOrganisation, loadPartners, toSummary } from './project-view.ts';

export async function getProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ProjectDetail> {
  const access = await requireProjectAction(deps, actor, projectId, 'project.view');
  const { project } = access;
  const [leadOrg, partners] = await Promise.all([
    loadOrganisation(deps.db, project.leadOrganisationId),
    loadPartners(deps.db, project.id),
  ]);
  if (!leadOrg) throw new AppError('internal', 'Project has no lead organisation');
  return {
    ...toSummary(project, leadOrg, access.memberRole),
    partners,
    createdAt: project.createdAt.toISOString(),
    // what this caller may do: its roles, within what its credential allows
    permissions: actions.filter((a) => can(access.roles, a) && credentialAllows(actor, a)),
  };
}
