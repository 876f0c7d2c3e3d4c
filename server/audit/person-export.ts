/**
 * Everything Jalon holds about one person, for their right of access (GDPR Art. 15): their
 * account and profile, organisations, project memberships, the invitations addressed to them,
 * and every audit entry where they acted or that is about them (their account, their
 * memberships and contact listings, their invitations, a gate review they were invited to, a
 * mentor request addressed to them). Entries of other people about other things are not in it.
 *
 * A cluster manager may export anyone's; a person may export their own. The audit trail is read
 * page by page in sequence order; one export holds at most `limit` entries and then says where
 * to continue (`next`), so that a huge trail never has to fit in one reply. Each export is itself
 * an audit entry: who read whose data.
 */
import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PersonExport } from '../../shared/schemas/people.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  auditEvents,
  clusterManagers,
  mentorProfiles,
  organisationMembers,
  organisations,
  projectInvitations,
  projectMembers,
  projects,
  user,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

/** Entries in one export at most; the rest follows with `after`. */
export const EXPORT_ENTRY_LIMIT = 20_000;
const PAGE = 500;
/** invitations addressed to one person that the export follows into the trail */
const MAX_INVITATIONS = 1000;

type ExportedEntry = PersonExport['audit']['entries'][number];

export async function exportPersonData(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  options: { after?: number; limit?: number } = {},
): Promise<PersonExport> {
  if (actor.id !== userId) requireClusterAction(deps, actor, 'people.export');
  const { db } = deps;
  const [person] = await db
    .select({ row: user, manager: clusterManagers.userId })
    .from(user)
    .leftJoin(clusterManagers, eq(clusterManagers.userId, user.id))
    .where(eq(user.id, userId))
    .limit(1);
  if (!person) throw new AppError('not_found', 'No such person');
  const p = person.row;

  const [orgs, memberships, profile, invitations] = await Promise.all([
    db
      .select({ m: organisationMembers, name: organisations.name })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(eq(organisationMembers.userId, userId)),
    db
      .select({ m: projectMembers, title: projects.title })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(eq(projectMembers.userId, userId)),
    db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, userId)).limit(1),
    db
      .select()
      .from(projectInvitations)
      .where(
        or(
          sql`lower(${projectInvitations.email}) = ${p.email.toLowerCase()}`,
          eq(projectInvitations.acceptedBy, userId),
        ),
      )
      .limit(MAX_INVITATIONS),
  ]);

  const limit = Math.max(1, Math.min(options.limit ?? EXPORT_ENTRY_LIMIT, EXPORT_ENTRY_LIMIT));
  const audit = await entriesAbout(
    deps,
    userId,
    invitations.map((i) => i.id),
    options.after ?? 0,
    limit,
  );

  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor, projectId: null })
    .audit({
      entity: 'user',
      entityId: userId,
      action: 'export',
      after: { entries: audit.entries.length, complete: audit.complete },
    })
    .commit();
  deps.log.info({ userId, by: actor.id, entries: audit.entries.length }, 'personal data exported');

  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const { userId: _, updatedAt, ...mentor } = profile[0] ?? { userId: null, updatedAt: null };
  return {
    format: 'jalon-person-export/1',
    exportedAt: now.toISOString(),
    exportedBy: actor.id,
    person: {
      id: p.id,
      name: p.name,
      email: p.email,
      emailVerified: p.emailVerified,
      image: p.image,
      locale: p.locale,
      clusterManager: person.manager !== null,
      createdAt: p.createdAt.toISOString(),
      deactivatedAt: iso(p.deactivatedAt),
      erasedAt: iso(p.erasedAt),
    },
    organisations: orgs.map((o) => ({
      organisationId: o.m.organisationId,
      name: o.name,
      title: o.m.title,
      listedAsContact: o.m.listedAsContact,
      since: o.m.createdAt.toISOString(),
    })),
    memberships: memberships.map((m) => ({
      projectId: m.m.projectId,
      title: m.title,
      role: m.m.role,
      addedAt: m.m.addedAt.toISOString(),
      addedBy: m.m.addedBy,
    })),
    mentorProfile: profile[0] ? { ...mentor, updatedAt: iso(updatedAt) } : null,
    invitations: invitations.map((i) => ({
      id: i.id,
      projectId: i.projectId,
      email: i.email,
      role: i.role,
      invitedBy: i.invitedBy,
      createdAt: i.createdAt.toISOString(),
      acceptedAt: iso(i.acceptedAt),
      revokedAt: iso(i.revokedAt),
    })),
    audit,
  };
}

/** The entries where the person acted or that are about them, from `after` on, at most `limit`. */
async function entriesAbout(
  deps: ServiceDeps,
  userId: string,
  invitationIds: string[],
  after: number,
  limit: number,
): Promise<PersonExport['audit']> {
  const about: SQL[] = [
    eq(auditEvents.actorId, userId),
    and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, userId))!,
    // `<project or organisation id>:<user id>`
    and(
      inArray(auditEvents.entity, ['member', 'organisation_contact']),
      sql`substr(${auditEvents.entityId}, ${-(userId.length + 1)}) = ${`:${userId}`}`,
    )!,
    and(
      eq(auditEvents.entity, 'gate_review'),
      eq(auditEvents.field, 'reviewers'),
      sql`${auditEvents.after} = ${JSON.stringify(userId)}`,
    )!,
    // CASE, not AND: a row whose JSON no longer parses must not stop the export
    and(
      eq(auditEvents.entity, 'mentor_request'),
      sql`(CASE WHEN json_valid(${auditEvents.after}) THEN json_extract(${auditEvents.after}, '$.mentorId') END) = ${userId}`,
    )!,
  ];
  if (invitationIds.length)
    about.push(and(eq(auditEvents.entity, 'invitation'), inArray(auditEvents.entityId, invitationIds))!);
  const entries: ExportedEntry[] = [];
  let cursor = after;
  for (;;) {
    // one row past the limit, to know whether the export is complete
    const want = Math.min(PAGE, limit - entries.length + 1);
    const page = await deps.db
      .select({
        seq: auditEvents.seq,
        at: auditEvents.at,
        actorId: auditEvents.actorId,
        actorOrganisationId: auditEvents.actorOrganisationId,
        projectId: auditEvents.projectId,
        entity: auditEvents.entity,
        entityId: auditEvents.entityId,
        action: auditEvents.action,
        field: auditEvents.field,
        // as stored: drizzle would throw on a row whose JSON no longer parses
        before: sql<string | null>`${auditEvents.before}`,
        after: sql<string | null>`${auditEvents.after}`,
        reason: auditEvents.reason,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, cursor), or(...about)))
      .orderBy(asc(auditEvents.seq))
      .limit(want);
    for (const row of page) {
      if (entries.length === limit)
        return {
          entries,
          complete: false,
          next: cursor,
          message: `This export holds the first ${limit} entries about this person, up to sequence ${cursor}; ask again with after=${cursor} for the rest`,
        };
      entries.push({
        ...row,
        at: row.at.toISOString(),
        before: parsed(row.before),
        after: parsed(row.after),
      });
      cursor = row.seq;
    }
    if (page.length < want) return { entries, complete: true, next: null, message: null };
  }
}

/** A stored JSON value; one that no longer parses is exported as stored, so nothing is hidden. */
function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
}
