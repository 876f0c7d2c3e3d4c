/** Reads gate reviews into the shape of shared/schemas/gates.ts. */
import { desc, eq, inArray } from 'drizzle-orm';
import type { GateOutcome, GateReview } from '../../shared/schemas/gates.ts';
import type { Db } from '../db/client.ts';
import {
  gateDecisions,
  gatePacks,
  gatePendingDecisions,
  gateRecommendations,
  gateReviewers,
  gateReviews,
  gateReviewThresholdWarnings,
  user,
} from '../db/schema/index.ts';
import { loadDecisionEvidence } from '../evidence/decision-evidence.ts';
import { recommendationsCounted, stillToSign } from './committee.rules.ts';
import { loadCommittee } from './committee-state.ts';
import { conditionMilestonesOf } from './condition-milestones.ts';
import { signatureMethodOf } from './signer-proof.ts';

export async function loadGateReviews(db: Db, projectId: string, reviewId?: string): Promise<GateReview[]> {
  const reviews = await db
    .select()
    .from(gateReviews)
    .where(reviewId ? eq(gateReviews.id, reviewId) : eq(gateReviews.projectId, projectId))
    .orderBy(desc(gateReviews.requestedAt));
  if (reviews.length === 0) return [];
  const ids = reviews.map((r) => r.id);
  const [reviewers, recs, decisions, packs, warnings] = await Promise.all([
    db.select().from(gateReviewers).where(inArray(gateReviewers.reviewId, ids)),
    db.select().from(gateRecommendations).where(inArray(gateRecommendations.reviewId, ids)),
    db.select().from(gateDecisions).where(inArray(gateDecisions.reviewId, ids)),
    db
      .select({ reviewId: gatePacks.reviewId, data: gatePacks.data })
      .from(gatePacks)
      .where(inArray(gatePacks.reviewId, ids)),
    db.select().from(gateReviewThresholdWarnings).where(inArray(gateReviewThresholdWarnings.reviewId, ids)),
  ]);
  // The previous decision of each review (the next older one decided) is what it follows up.
  const all = reviewId
    ? await db
        .select({ id: gateReviews.id, requestedAt: gateReviews.requestedAt })
        .from(gateReviews)
        .where(eq(gateReviews.projectId, projectId))
    : reviews;
  const allDecisions = reviewId
    ? await db
        .select({ id: gateDecisions.id, reviewId: gateDecisions.reviewId })
        .from(gateDecisions)
        .where(eq(gateDecisions.projectId, projectId))
    : decisions;
  const linked = await conditionMilestonesOf(
    db,
    projectId,
    allDecisions.map((d) => d.id),
  );
  const previousDecisionOf = (r: { requestedAt: Date }) => {
    const earlier = all
      .filter((x) => x.requestedAt < r.requestedAt)
      .sort((a, b) => +b.requestedAt - +a.requestedAt)
      .map((x) => allDecisions.find((d) => d.reviewId === x.id))
      .find((d) => d !== undefined);
    return earlier?.id;
  };
  const [committees, pendings] = await Promise.all([
    Promise.all(reviews.map((r) => loadCommittee(db, r))),
    db.select().from(gatePendingDecisions).where(inArray(gatePendingDecisions.reviewId, ids)),
  ]);
  const people = new Set<string>([
    ...pendings.map((p) => p.proposedBy),
    ...reviews.map((r) => r.requestedBy),
    ...reviewers.map((r) => r.userId),
    ...recs.map((r) => r.reviewerId),
  ]);
  const names = new Map(
    (
      await db
        .select({ id: user.id, name: user.name })
        .from(user)
        .where(inArray(user.id, [...people]))
    ).map((u) => [u.id, u.name]),
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? '—' });
  const evidence = await loadDecisionEvidence(
    db,
    decisions.map((d) => d.id),
  );
  return reviews.map((r, i) => {
    const d = decisions.find((x) => x.reviewId === r.id);
    const committee = committees[i] ?? null;
    const pending = pendings.find((p) => p.reviewId === r.id);
    const previous = previousDecisionOf(r);
    return {
      id: r.id,
      projectId: r.projectId,
      stageIndex: r.stageIndex,
      status: r.status as 'open' | 'decided',
      requestedBy: person(r.requestedBy),
      requestedAt: r.requestedAt.toISOString(),
      reviewers: reviewers.filter((x) => x.reviewId === r.id).map((x) => person(x.userId)),
      recommendations: recs
        .filter((x) => x.reviewId === r.id)
        .map((x) => ({
          reviewer: person(x.reviewerId),
          scores: x.scores,
          recommendation: x.recommendation as GateOutcome,
          rationale: x.rationale,
          conflictOfInterest: x.conflictOfInterest,
          createdAt: x.createdAt.toISOString(),
        })),
      decision: d
        ? {
            id: d.id,
            outcome: d.outcome as GateOutcome,
            rationale: d.rationale,
            conditions: d.conditions,
            signature: {
              signer: { id: d.signerId, name: d.signerName },
              signedAt: d.signedAt.toISOString(),
              meaning: d.meaning,
              method: signatureMethodOf(d.signedWith),
              authenticatedAt: d.authenticatedAt?.toISOString() ?? null,
            },
            stageBefore: d.stageBefore,
            stageAfter: d.stageAfter,
            evidence: evidence.get(d.id) ?? [],
            reviewDate: d.reviewDate,
            deficiencies: d.deficiencies ?? [],
            milestones: linked.get(d.id) ?? [],
            cosigners:
              d.signedBy === 'all'
                ? (committee?.members ?? [])
                    .filter((m) => m.signedAt)
                    .map((m) => ({
                      signer: { id: m.userId, name: m.name },
                      signedAt: m.signedAt!.toISOString(),
                    }))
                : [],
          }
        : null,
      committee: committee
        ? {
            members: committee.members.map((m) => ({
              person: { id: m.userId, name: m.name },
              kind: m.kind,
              chair: m.chair,
              excludedFor: m.excludedFor,
              signedAt: m.signedAt?.toISOString() ?? null,
            })),
            quorum: committee.quorum,
            deadline: committee.deadline.toISOString(),
            signing: committee.signing,
            recommendationsCounted: recommendationsCounted(committee),
          }
        : null,
      pendingDecision:
        pending && committee && !d
          ? {
              outcome: pending.outcome as GateOutcome,
              rationale: pending.rationale,
              proposedBy: person(pending.proposedBy),
              awaiting: stillToSign(committee).map((m) => ({ id: m.userId, name: m.name })),
            }
          : null,
      previousConditions: previous ? (linked.get(previous) ?? []) : [],
      openConditionsExplanation: r.openConditionsExplanation,
      packReadiness: levelsOf(packs.find((p) => p.reviewId === r.id)?.data),
      readinessWarnings: warnings
        .filter((w) => w.reviewId === r.id)
        .map((w) => ({ dimension: w.dimension, required: w.required, current: w.current })),
    };
  });
}

/** The readiness levels frozen in a gate pack (`readProjectDoc` of the document then). */
function levelsOf(data: unknown): Record<string, number> {
  const readiness =
    (data as { readiness?: Record<string, { level?: unknown }> } | undefined)?.readiness ?? {};
  const levels: Record<string, number> = {};
  for (const [dimension, entry] of Object.entries(readiness))
    if (typeof entry?.level === 'number') levels[dimension] = entry.level;
  return levels;
}
