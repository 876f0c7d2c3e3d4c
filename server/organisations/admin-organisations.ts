/**
 * The organisations as cluster managers administer them: every one, deactivated or not, with how
 * many people and projects each has; and one organisation with its people (all of them, with
 * whether they agreed to be a listed contact) and its projects (led or partnered, listed in the
 * directory or not, archived too). Bounded: at most ADMIN_LIST_LIMIT people and projects.
 */
import { count, eq, inArray, or } from 'drizzle-orm';
import type { PartnerRole, ProjectRole } from '../../shared/domain.ts';
import {
  ADMIN_LIST_LIMIT,
  type AdminOrganisation,
  type AdminOrganisationDetail,
  type AdminOrganisationQuery,
} from '../../shared/schemas/organisations.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import {
  organisationMembers,
  organisations,
  projectMembers,
  projectPartners,
  projects,
  user,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { foldText } from './directory.rules.ts';
import { type OrganisationRow, toOrganisation } from './list-organisations.ts';

/** A project as an organisation's admin view lists it, led or partnered. */
const projectSummary = {
  id: projects.id,
  title: projects.title,
  track: projects.frameworkId,
  stage: projects.stage,
  archived: projects.archived,
};

export async function loadOrganisationRow(deps: ServiceDeps, idOrSlug: string): Promise<OrganisationRow> {
  const [row] = await deps.db
    .select()
    .from(organisations)
    .where(or(eq(organisations.id, idOrSlug), eq(organisations.slug, idOrSlug)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No such organisation');
  return row;
}

const toAdmin = (row: OrganisationRow, people: number, projectCount: number): AdminOrganisation => ({
  ...toOrganisation(row),
  deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  peopleCount: people,
  projectCount,
});

const tally = (rows: { id: string; n: number }[]) => new Map(rows.map((r) => [r.id, r.n]));

export async function listAdminOrganisations(
  deps: ServiceDeps,
  actor: Actor,
  query: AdminOrganisationQuery,
): Promise<AdminOrganisation[]> {
  requireClusterAction(deps, actor, 'organisation.manage');
  const { db } = deps;
  const [rows, people, led, partnered] = await Promise.all([
    db.select().from(organisations).orderBy(organisations.name),
    db
      .select({ id: organisationMembers.organisationId, n: count() })
      .from(organisationMembers)
      .groupBy(organisationMembers.organisationId),
    db
      .select({ id: projects.leadOrganisationId, n: count() })
      .from(projects)
      .groupBy(projects.leadOrganisationId),
    db
      .select({ id: projectPartners.organisationId, n: count() })
      .from(projectPartners)
      .groupBy(projectPartners.organisationId),
  ]);
  const [peopleOf, ledBy, partneredBy] = [tally(people), tally(led), tally(partnered)];
  const words = query.q ? foldText(query.q).split(/\s+/).filter(Boolean) : [];
  // A hundred or so rows: filtered in memory, with the directory's accent-blind matching.
  return rows
    .filter((o) => !query.kind || o.kind === query.kind)
    .filter((o) => query.status === 'all' || (query.status === 'active') === (o.deactivatedAt === null))
    .filter((o) => words.every((w) => foldText(`${o.name} ${o.slug}`).includes(w)))
    .map((o) => toAdmin(o, peopleOf.get(o.id) ?? 0, (ledBy.get(o.id) ?? 0) + (partneredBy.get(o.id) ?? 0)));
}

export async function adminOrganisationDetail(
  deps: ServiceDeps,
  actor: Actor,
  idOrSlug: string,
): Promise<AdminOrganisationDetail> {
  requireClusterAction(deps, actor, 'organisation.manage');
  const { db } = deps;
  const row = await loadOrganisationRow(deps, idOrSlug);
  const [members, [peopleTotal], led, partnered] = await Promise.all([
    db
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        title: organisationMembers.title,
        listed: organisationMembers.listedAsContact,
        deactivatedAt: user.deactivatedAt,
      })
      .from(organisationMembers)
      .innerJoin(user, eq(user.id, organisationMembers.userId))
      .where(eq(organisationMembers.organisationId, row.id))
      .orderBy(user.name)
      .limit(ADMIN_LIST_LIMIT),
    db.select({ n: count() }).from(organisationMembers).where(eq(organisationMembers.organisationId, row.id)),
    db
      .select(projectSummary)
      .from(projects)
      .where(eq(projects.leadOrganisationId, row.id))
      .orderBy(projects.title)
      .limit(ADMIN_LIST_LIMIT),
    db
      .select({ ...projectSummary, role: projectPartners.role })
      .from(projectPartners)
      .innerJoin(projects, eq(projects.id, projectPartners.projectId))
      .where(eq(projectPartners.organisationId, row.id))
      .orderBy(projects.title)
      .limit(ADMIN_LIST_LIMIT),
  ]);
  const roles = members.length
    ? await db
        .select({ userId: projectMembers.userId, role: projectMembers.role })
        .from(projectMembers)
        .where(
          inArray(
            projectMembers.userId,
            members.map((m) => m.id),
          ),
        )
    : [];
  const rolesOf = (userId: string) => [
    ...new Set(roles.filter((r) => r.userId === userId).map((r) => r.role as ProjectRole)),
  ];
  const projectList = [
    ...led.map((p) => ({ ...p, role: 'lead' as const })),
    ...partnered.map((p) => ({ ...p, role: p.role as PartnerRole })),
  ].slice(0, ADMIN_LIST_LIMIT);
  return {
    ...toAdmin(row, peopleTotal?.n ?? members.length, led.length + partnered.length),
    people: members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      title: m.title,
      listedAsContact: m.listed,
      accountDeactivated: m.deactivatedAt !== null,
      projectRoles: rolesOf(m.id),
    })),
    projects: projectList,
  };
}
