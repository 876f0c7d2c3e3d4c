/**
 * An organisation's directory profile: its description and focus areas, its parent and teams,
 * the people who agreed to be listed as contacts, the projects it takes part in that their
 * leads listed in the directory (summary cards only), and the services it handles.
 */
import { and, eq, or } from 'drizzle-orm';
import type { ListedProject, OrganisationProfile } from '../../shared/directory.ts';
import { mayInCluster, requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import {
  organisationMembers,
  organisations,
  projectPartners,
  projects,
  services,
  user,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { toOrganisation } from './list-organisations.ts';

export async function organisationProfile(
  deps: ServiceDeps,
  actor: Actor,
  idOrSlug: string,
): Promise<OrganisationProfile> {
  requireClusterAction(deps, actor, 'directory.view');
  const { db } = deps;
  const [row] = await db
    .select()
    .from(organisations)
    .where(or(eq(organisations.id, idOrSlug), eq(organisations.slug, idOrSlug)))
    .limit(1);
  // A deactivated organisation has left the directory: only those who manage organisations see it.
  if (!row || (row.deactivatedAt && !mayInCluster(actor, 'organisation.manage')))
    throw new AppError('not_found', 'No such organisation');
  const [parent, teams, members, led, partnered, handled] = await Promise.all([
    row.parentId
      ? db
          .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, row.parentId))
      : Promise.resolve([]),
    db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.parentId, row.id))
      .orderBy(organisations.name),
    db
      .select({
        userId: user.id,
        name: user.name,
        email: user.email,
        title: organisationMembers.title,
        listed: organisationMembers.listedAsContact,
      })
      .from(organisationMembers)
      .innerJoin(user, eq(user.id, organisationMembers.userId))
      .where(eq(organisationMembers.organisationId, row.id))
      .orderBy(user.name),
    db
      .select()
      .from(projects)
      .where(
        and(
          eq(projects.leadOrganisationId, row.id),
          eq(projects.listedInDirectory, true),
          eq(projects.archived, false),
        ),
      ),
    db
      .select({ project: projects, role: projectPartners.role })
      .from(projectPartners)
      .innerJoin(projects, eq(projects.id, projectPartners.projectId))
      .where(
        and(
          eq(projectPartners.organisationId, row.id),
          eq(projects.listedInDirectory, true),
          eq(projects.archived, false),
        ),
      ),
    db
      .select({ id: services.id, slug: services.slug, nameEn: services.nameEn, nameFr: services.nameFr })
      .from(services)
      .where(and(eq(services.handlingOrganisationId, row.id), eq(services.active, true))),
  ]);
  const card = (p: typeof projects.$inferSelect, role: ListedProject['role']): ListedProject => ({
    id: p.id,
    title: p.title,
    summary: p.summary,
    track: p.frameworkId,
    stage: p.stage,
    role,
  });
  const me = members.find((m) => m.userId === actor.id);
  return {
    ...toOrganisation(row),
    parent: parent[0] ?? null,
    teams,
    contacts: members
      .filter((m) => m.listed)
      .map((m) => ({ userId: m.userId, name: m.name, title: m.title, email: m.email })),
    projects: [
      ...led.map((p) => card(p, 'lead')),
      ...partnered.map((x) => card(x.project, x.role as ListedProject['role'])),
    ],
    services: handled.map((s) => ({ id: s.id, slug: s.slug, name: { en: s.nameEn, fr: s.nameFr } })),
    isMember: Boolean(me),
    listedAsContact: Boolean(me?.listed),
  };
}
