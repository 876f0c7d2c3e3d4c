/** Reads a gate review's committee, with its members' exclusions, recommendations and signatures. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  conflictDeclarations,
  frameworks,
  gateCommitteeMembers,
  gateCommittees,
  gateRecommendations,
  gateSignatures,
  organisations,
  projectPartners,
  projects,
  user,
} from '../db/schema/index.ts';
import type { CommitteeState } from './committee.rules.ts';

/** The project's organisations: its lead organisation and its partners, by id → name. */
export async function projectOrganisations(db: Db, projectId: string): Promise<Map<string, string>> {
  const [lead, partners] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(projects)
      .innerJoin(organisations, eq(organisations.id, projects.leadOrganisationId))
      .where(eq(projects.id, projectId)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .where(eq(projectPartners.projectId, projectId)),
  ]);
  return new Map([...lead, ...partners].map((o) => [o.id, o.name]));
}

export async function loadCommittee(
  db: Db,
  review: { id: string; projectId: string; frameworkId: string },
): Promise<CommitteeState | null> {
  const [committee] = await db.select().from(gateCommittees).where(eq(gateCommittees.reviewId, review.id));
  if (!committee) return null;
  const [members, framework, orgs, recs, signatures] = await Promise.all([
    db
      .select({ userId: gateCommitteeMembers.userId, kind: gateCommitteeMembers.kind, name: user.name })
      .from(gateCommitteeMembers)
      .innerJoin(user, eq(user.id, gateCommitteeMembers.userId))
      .where(eq(gateCommitteeMembers.reviewId, review.id)),
    db
      .select({ signing: frameworks.gateSigning })
      .from(frameworks)
      .where(eq(frameworks.id, review.frameworkId)),
    projectOrganisations(db, review.projectId),
    db
      .select({ reviewerId: gateRecommendations.reviewerId })
      .from(gateRecommendations)
      .where(eq(gateRecommendations.reviewId, review.id)),
    db.select().from(gateSignatures).where(eq(gateSignatures.reviewId, review.id)),
  ]);
  const ids = members.map((m) => m.userId);
  const conflicts =
    ids.length && orgs.size
      ? await db
          .select({
            userId: conflictDeclarations.userId,
            organisationId: conflictDeclarations.organisationId,
          })
          .from(conflictDeclarations)
          .where(
            and(
              inArray(conflictDeclarations.userId, ids),
              inArray(conflictDeclarations.organisationId, [...orgs.keys()]),
            ),
          )
      : [];
  return {
    chairId: committee.chairId,
    quorum: committee.quorum,
    deadline: committee.deadline,
    signing: framework[0]?.signing === 'all' ? 'all' : 'chair',
    members: members
      .map((m) => ({
        userId: m.userId,
        name: m.name,
        kind: m.kind === 'manager' ? ('manager' as const) : ('external' as const),
        chair: m.userId === committee.chairId,
        excludedFor: conflicts
          .filter((c) => c.userId === m.userId)
          .map((c) => orgs.get(c.organisationId) ?? c.organisationId)
          .sort(),
        signedAt: signatures.find((s) => s.userId === m.userId)?.signedAt ?? null,
        recommended: recs.some((r) => r.reviewerId === m.userId),
      }))
      .sort((a, b) => Number(b.chair) - Number(a.chair) || a.name.localeCompare(b.name)),
  };
}
