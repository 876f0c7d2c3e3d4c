/**
 * One person as the programme office sees them: status, rights, organisations, the projects they
 * belong to with their role, the invitations still open for their address, and what else they do
 * (services handled, mentoring). And, for anyone, where their own work is (their home).
 */
import { and, count, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { MyWork, PersonDetail } from '../../shared/schemas/people.ts';
import { isClusterManager, requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { handledServiceIds } from '../catalogue/service-view.ts';
import type { Db } from '../db/client.ts';
import {
  mentorProfiles,
  mentorRequests,
  projectInvitations,
  projectMembers,
  projects,
  user,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { summariesOf } from './list-people.ts';

export async function getPerson(deps: ServiceDeps, actor: Actor, userId: string): Promise<PersonDetail> {
  requireClusterAction(deps, actor, 'people.view');
  const { db } = deps;
  const [[summary], [account], memberships, handled, mentor] = await Promise.all([
    summariesOf(db, [userId]),
    db.select({ createdAt: user.createdAt }).from(user).where(eq(user.id, userId)).limit(1),
    db
      .select({
        projectId: projects.id,
        title: projects.title,
        role: projectMembers.role,
        archived: projects.archived,
      })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(eq(projectMembers.userId, userId))
      .orderBy(projects.title),
    handledServiceIds(db, userId),
    isMentor(db, userId),
  ]);
  if (!summary || !account) throw new AppError('not_found', 'No such person');
  const invitations = await db
    .select({
      id: projectInvitations.id,
      projectId: projects.id,
      projectTitle: projects.title,
      role: projectInvitations.role,
      expiresAt: projectInvitations.expiresAt,
    })
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .where(
      and(
        sql`lower(${projectInvitations.email}) = ${summary.email.toLowerCase()}`,
        isNull(projectInvitations.acceptedAt),
        isNull(projectInvitations.revokedAt),
        gt(projectInvitations.expiresAt, deps.clock()),
      ),
    )
    .orderBy(projectInvitations.expiresAt);
  return {
    ...summary,
    createdAt: account.createdAt.toISOString(),
    memberships: memberships.map((m) => ({
      projectId: m.projectId,
      title: m.title,
      role: m.role,
      archived: m.archived,
    })),
    pendingInvitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    handledServices: handled.size,
    mentor,
  };
}

/** Where the signed-in person's work is (shared/home.ts decides where they land). */
export async function myWork(deps: ServiceDeps, actor: Actor): Promise<MyWork> {
  const [[memberships], handled, mentor] = await Promise.all([
    deps.db.select({ n: count() }).from(projectMembers).where(eq(projectMembers.userId, actor.id)),
    handledServiceIds(deps.db, actor.id),
    isMentor(deps.db, actor.id),
  ]);
  return {
    projects: memberships?.n ?? 0,
    clusterManager: isClusterManager(actor),
    handlesServices: handled.size > 0,
    mentor,
  };
}

/** A mentor: listed in the mentors directory, or asked to mentor a project. */
async function isMentor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .where(
      and(
        eq(user.id, userId),
        or(
          sql`EXISTS (SELECT 1 FROM ${mentorProfiles} WHERE ${mentorProfiles.userId} = ${userId})`,
          sql`EXISTS (SELECT 1 FROM ${mentorRequests} WHERE ${mentorRequests.mentorId} = ${userId})`,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}
