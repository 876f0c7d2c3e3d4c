/** Reads members and invitations into the shapes of shared/schemas/members.ts. */
import { and, desc, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import type { Invitation, Member } from '../../shared/schemas/members.ts';
import type { Db } from '../db/client.ts';
import {
  organisationMembers,
  organisations,
  projectInvitations,
  projectMembers,
  projects,
  user,
} from '../db/schema/index.ts';
import { orgRef } from '../projects/project-view.ts';
import { historyCutoff, invitationStatus } from './invitation.rules.ts';

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

type InvitationRow = typeof projectInvitations.$inferSelect;
type OrgRow = typeof organisations.$inferSelect;

export interface InvitationRecord {
  inv: InvitationRow;
  inviter: { id: string; name: string };
  org: OrgRow | null;
}

export function toInvitation(r: InvitationRecord, now: Date, link?: string): Invitation {
  return {
    id: r.inv.id,
    email: r.inv.email,
    role: r.inv.role as ProjectRole,
    status: invitationStatus(r.inv, now),
    organisation: r.org ? orgRef(r.org) : null,
    invitedBy: r.inviter,
    createdAt: r.inv.createdAt.toISOString(),
    expiresAt: r.inv.expiresAt.toISOString(),
    lastSentAt: (r.inv.lastSentAt ?? r.inv.createdAt).toISOString(),
    sendCount: r.inv.sendCount,
    ...(link ? { link } : {}),
  };
}

/** Invitations with who sent them and the organisation they give, matching `where`. */
export function loadInvitationRecords(db: Db, where: SQL | undefined) {
  return db
    .select({
      inv: projectInvitations,
      inviter: { id: user.id, name: user.name },
      org: organisations,
      project: { id: projects.id, title: projects.title },
    })
    .from(projectInvitations)
    .innerJoin(user, eq(user.id, projectInvitations.invitedBy))
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .leftJoin(organisations, eq(organisations.id, projectInvitations.organisationId))
    .where(where)
    .orderBy(desc(projectInvitations.lastSentAt), desc(projectInvitations.createdAt));
}

/** Still unanswered: neither accepted, declined nor withdrawn (open, or expired without an answer). */
export const unanswered = () =>
  and(
    isNull(projectInvitations.acceptedAt),
    isNull(projectInvitations.declinedAt),
    isNull(projectInvitations.revokedAt),
  );

/**
 * What the inviter sees of a project's invitations: the open ones, and those that closed (were
 * answered, withdrawn or expired) within the last INVITATION_HISTORY_DAYS.
 */
export function loadProjectInvitations(db: Db, projectId: string, now: Date) {
  const since = historyCutoff(now);
  return loadInvitationRecords(
    db,
    and(
      eq(projectInvitations.projectId, projectId),
      or(
        and(unanswered(), gte(projectInvitations.expiresAt, since)),
        gte(projectInvitations.acceptedAt, since),
        gte(projectInvitations.declinedAt, since),
        gte(projectInvitations.revokedAt, since),
      ),
    ),
  );
}
