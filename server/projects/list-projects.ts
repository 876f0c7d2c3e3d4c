/**
 * The projects an actor may see: their memberships, or every project for a cluster manager; the
 * last worked on first, by the time of the last change the actor may see (project-activity.ts).
 */
import { and, desc, eq, exists, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { ProjectRole } from '../../shared/domain.ts';
import type { PortfolioProject, ProjectListQuery } from '../../shared/schemas/projects.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleProjectsWhere } from '../auth/visibility.ts';
import { frameworks, organisations, projectMembers, projectPartners, projects } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { lastActivity } from './project-activity.ts';
import { healthOf } from './project-health.ts';
import { currentLevels } from './project-level.ts';
import { toSummary } from './project-view.ts';

export type ProjectFilter = z.output<typeof ProjectListQuery>;

export async function listProjects(
  deps: ServiceDeps,
  actor: Actor,
  filter: ProjectFilter,
): Promise<PortfolioProject[]> {
  const mine = alias(projectMembers, 'mine');
  const where: SQL[] = [];
  if (filter.mine) where.push(eq(mine.userId, actor.id));
  const visible = visibleProjectsWhere(deps.db, actor, projects.id);
  if (visible) where.push(visible);
  if (!filter.archived) where.push(eq(projects.archived, false));
  if (filter.track) {
    // A track is its lineage: every version of it, whichever version's id (or the lineage) is given.
    const named = alias(frameworks, 'named');
    const lineage = deps.db.select({ lineage: named.lineage }).from(named).where(eq(named.id, filter.track));
    where.push(
      inArray(
        projects.frameworkId,
        deps.db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.lineage, lineage)),
      ),
    );
  }
  if (filter.stage !== undefined) where.push(eq(projects.stage, filter.stage));
  if (filter.organisation) {
    const partnerOf = deps.db
      .select({ one: projectPartners.projectId })
      .from(projectPartners)
      .where(
        and(
          eq(projectPartners.projectId, projects.id),
          eq(projectPartners.organisationId, filter.organisation),
        ),
      );
    where.push(or(eq(projects.leadOrganisationId, filter.organisation), exists(partnerOf)) as SQL);
  }
  const rows = await deps.db
    .select({ project: projects, org: organisations, role: mine.role })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.leadOrganisationId))
    .leftJoin(mine, and(eq(mine.projectId, projects.id), eq(mine.userId, actor.id)))
    .where(and(...where))
    .orderBy(desc(projects.updatedAt), projects.title);
  const [{ health, readiness }, updated, levels] = await Promise.all([
    healthOf(
      deps,
      rows.map((r) => r.project.id),
    ),
    lastActivity(
      deps.db,
      actor,
      rows.map((r) => ({
        id: r.project.id,
        updatedAt: r.project.updatedAt,
        memberRole: (r.role as ProjectRole | null) ?? null,
      })),
    ),
    currentLevels(
      deps.db,
      rows.map((r) => r.project.id),
    ),
  ]);
  const at = (id: string) => updated.get(id)!.getTime();
  // Stable: among equal times, the card's order (then the title) from the query stays.
  return [...rows]
    .filter((r) => filter.level === undefined || levels.get(r.project.id) === filter.level)
    .sort((a, b) => at(b.project.id) - at(a.project.id))
    .map((r) => ({
      ...toSummary(r.project, r.org, r.role),
      updatedAt: updated.get(r.project.id)!.toISOString(),
      health: health.get(r.project.id)!,
      readiness: readiness.get(r.project.id)!,
      level: levels.get(r.project.id) ?? null,
    }));
}
