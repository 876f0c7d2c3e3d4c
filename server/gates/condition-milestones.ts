/**
 * Each condition of a Conditional Go becomes a milestone of the new stage, owned by the lead.
 * The decision owes them as an effect (server/effects): recorded in the decision's batch,
 * applied to the live document after it, and applied again at start if the process died in
 * between. Each milestone's id derives from the effect, so applying twice creates nothing twice.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createMilestoneWithId, readMilestoneById } from '../../shared/doc/index.ts';
import { projectMembers } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { type Effect, effectMilestoneId, pendingEffect } from '../effects/effect.ts';

/** As stored in the effect's row; read back with the same bounds the decision was given. */
const ConditionsPayload = z.strictObject({
  decisionId: z.string().max(64),
  stage: z.number().int().min(0).max(20),
  owner: z.string().max(200).nullable(),
  conditions: z.array(z.strictObject({ title: z.string().max(300), due: z.string().nullable() })).max(20),
});
type ConditionsPayload = z.output<typeof ConditionsPayload>;

/** The effect a decision with conditions owes, for its batch. */
export async function conditionsEffect(
  deps: ServiceDeps,
  actorId: string,
  projectId: string,
  at: Date,
  payload: Omit<ConditionsPayload, 'owner'>,
) {
  const [lead] = await deps.db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'lead')))
    .limit(1);
  const full: ConditionsPayload = { ...payload, owner: lead?.userId ?? null };
  return pendingEffect(deps.db, 'gate.conditions', projectId, full, actorId, at);
}

/** Creates the milestones not yet in the document; the ones there are left as they are. */
export async function applyConditionMilestones(deps: ServiceDeps, effect: Effect): Promise<void> {
  const { stage, owner, conditions } = ConditionsPayload.parse(effect.payload);
  const actorId = effect.actorId;
  if (!actorId) throw new Error('A gate decision’s conditions need the signer as their author');
  await deps.documents.change(effect.projectId, actorId, (doc) => {
    conditions.forEach((c, index) => {
      const id = effectMilestoneId(effect.id, index);
      if (readMilestoneById(doc, id)) return;
      createMilestoneWithId(
        doc,
        id,
        { title: c.title, due: c.due, status: 'planned', stage, owner },
        actorId,
      );
    });
  });
}
