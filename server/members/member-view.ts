/** Reads members and invitations into the shapes of shared/schemas/members.ts. */
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import type { Invitation, Member } from '../../shared/schemas/members.ts';
import type { Db } from '../db/client.ts';
import {
  organisationMembers,
  organisations,
  projectInvitations,
  projectMembers,
  user,
} from '../db/schema/index.ts';
import { orgRef } from '../projects/project-view.ts';

export async function loadMembers(db: Db, projectId: string, userId?: string): Promise<Member[]> {
  const rows = await db
    .select({ m: projectMembers, u: user })
    .from(projectMembers)
    .innerJoin(user, eq(user.id, projectMembers.userId))
    .where(
      and(eq(projectMembers.projectId, projectId), userId ? eq(projectMembers.userId, userId) : undefined),
    )
    .orderBy(user.name);
  const ids = rows.map((r) => r.u.id);
  const orgs = ids.length
    ? await db
        .select({ userId: organisationMembers.userId, org: organisations })
        .from(organisationMembers)
        .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
        .where(inArray(organisationMembers.userId, ids))
    : [];
  return rows.map((r) => ({
    userId: r.u.id,
    name: r.u.name,
    email: r.u.email,
    role: r.m.role as ProjectRole,
    organisations: orgs.filter((o) => o.userId === r.u.id).map((o) => orgRef(o.org)),
    addedAt: r.m.addedAt.toISOString(),
  }));
}

export function toInvitation(row: typeof projectInvitations.$inferSelect, link?: string): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as ProjectRole,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    ...(link ? { link } : {}),
  };
}

export async function loadOpenInvitations(db: Db, projectId: string, now: Date) {
  return db
    .select()
    .from(projectInvitations)
    .where(
      and(
        eq(projectInvitations.projectId, projectId),
        isNull(projectInvitations.acceptedAt),
        isNull(projectInvitations.revokedAt),
        gt(projectInvitations.expiresAt, now),
      ),
    )
    .orderBy(projectInvitations.createdAt);
}
