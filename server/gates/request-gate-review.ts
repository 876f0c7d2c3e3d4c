/**
 * The lead requests the review of the next gate. Every must-meet criterion must be checked
 * with evidence (the refusal names those that are not); the request freezes the gate pack:
 * the project document as it stands, kept immutably. Readiness thresholds not met do not stop
 * the request (the committee may still pass the gate): the review records them as its warning.
 */
import { and, desc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { readProjectDoc } from '../../shared/doc/index.ts';
import type { GateReview } from '../../shared/schemas/gates.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  gateCriteria,
  gateDecisions,
  gatePacks,
  gateReviews,
  gateReviewThresholdWarnings,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { gateRequestedNotifications } from '../notifications/sources.ts';
import { conditionMilestonesOf, isOpenCondition } from './condition-milestones.ts';
import { loadGateReviews } from './gate-view.ts';
import { missingCriteria } from './gates.rules.ts';
import { gateThresholdStatus, levelsOf } from './readiness-thresholds.ts';

export async function requestGateReview(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { explanation?: string | undefined } = {},
): Promise<GateReview> {
  const { db } = deps;
  const { project } = await requireProjectAction(deps, actor, projectId, 'gate.request');
  if (project.archived) throw new AppError('conflict', 'This project is archived');
  const [open] = await db
    .select()
    .from(gateReviews)
    .where(and(eq(gateReviews.projectId, projectId), eq(gateReviews.status, 'open')))
    .limit(1);
  if (open) throw new AppError('conflict', 'A gate review is already open for this project');

  const must = await db
    .select({ id: gateCriteria.id, key: gateCriteria.key, textEn: gateCriteria.textEn })
    .from(gateCriteria)
    .where(
      and(
        eq(gateCriteria.frameworkId, project.frameworkId),
        eq(gateCriteria.stageIndex, project.stage),
        eq(gateCriteria.kind, 'must'),
      ),
    );
  const doc = await deps.documents.read(projectId);
  try {
    const data = readProjectDoc(doc);
    const missing = missingCriteria(must, data.criteria);
    if (missing.length)
      throw new AppError(
        'conflict',
        `${missing.length} must-meet criteria are not yet checked with evidence`,
        missing.map((m) => ({ path: m.id, message: must.find((c) => c.id === m.id)?.textEn ?? m.key })),
      );
    const open = await openConditionsOf(deps, projectId, data.milestones);
    if (open.length && !input.explanation)
      throw new AppError(
        'conflict',
        `${open.length} milestones of the previous gate decision are still open: finish them, or explain why the gate is requested now`,
        open.map((m) => ({ path: `conditions.${m.id}`, message: m.title })),
      );
    const unmet = (await gateThresholdStatus(db, project, levelsOf(data.readiness))).filter((t) => !t.met);
    const now = deps.clock();
    const id = crypto.randomUUID();
    const review = {
      id,
      projectId,
      frameworkId: project.frameworkId,
      stageIndex: project.stage,
      status: 'open',
      requestedBy: actor.id,
      requestedAt: now,
      openConditionsExplanation: open.length ? (input.explanation ?? null) : null,
    };
    await new ChangeSet(deps, { at: now, actor, projectId })
      .write(
        db.insert(gateReviews).values(review),
        db
          .insert(gatePacks)
          .values({ reviewId: id, state: Buffer.from(Y.encodeStateAsUpdate(doc)), data, createdAt: now }),
        ...(unmet.length
          ? [
              db.insert(gateReviewThresholdWarnings).values(
                unmet.map((t) => ({
                  reviewId: id,
                  dimension: t.dimension,
                  required: t.required,
                  current: t.current,
                })),
              ),
            ]
          : []),
      )
      .audit({
        entity: 'gate_review',
        entityId: id,
        action: 'create',
        after: {
          stageIndex: project.stage,
          milestones: data.milestones.length,
          ...(review.openConditionsExplanation
            ? { openConditions: open.length, explanation: review.openConditionsExplanation }
            : {}),
          unmetThresholds: unmet.map(({ dimension, required, current }) => ({
            dimension,
            required,
            current,
          })),
        },
        reason: 'gate review requested',
      })
      .notify(await gateRequestedNotifications(deps, actor, project, id))
      .emit('project.changed', { projectId })
      .activity('project.view')
      .emit('gate.changed', { projectId, reviewId: id })
      .commit();
    return (await loadGateReviews(db, projectId, id))[0]!;
  } finally {
    doc.destroy();
  }
}

/**
 * The milestones of the project's last gate decision (its conditions, or a Recycle's
 * deficiencies) not yet done, read from the live document as it stands.
 */
async function openConditionsOf(
  deps: ServiceDeps,
  projectId: string,
  inDoc: { id: string; status: string }[],
): Promise<{ id: string; title: string }[]> {
  const [last] = await deps.db
    .select({ id: gateDecisions.id })
    .from(gateDecisions)
    .where(eq(gateDecisions.projectId, projectId))
    .orderBy(desc(gateDecisions.signedAt))
    .limit(1);
  if (!last) return [];
  const linked = (await conditionMilestonesOf(deps.db, projectId, [last.id])).get(last.id) ?? [];
  return linked
    .map((m) => ({ ...m, status: inDoc.find((d) => d.id === m.id)?.status ?? null }))
    .filter(isOpenCondition);
}
