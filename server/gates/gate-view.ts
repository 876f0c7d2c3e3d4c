/** Reads gate reviews into the shape of shared/schemas/gates.ts. */
import { desc, eq, inArray } from 'drizzle-orm';
import type { GateOutcome, GateReview } from '../../shared/schemas/gates.ts';
import type { Db } from '../db/client.ts';
import {
  gateDecisions,
  gatePacks,
  gateRecommendations,
  gateReviewers,
  gateReviews,
  gateReviewThresholdWarnings,
  user,
} from '../db/schema/index.ts';
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
  const people = new Set<string>([
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
  return reviews.map((r) => {
    const d = decisions.find((x) => x.reviewId === r.id);
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
          }
        : null,
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
