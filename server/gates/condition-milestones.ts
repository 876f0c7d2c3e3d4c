/**
 * Each condition of a Conditional Go becomes a milestone of the new stage, owned by the lead.
 * The decision owes them as an effect (server/effects): recorded in the decision's batch,
 * applied to the live document after it, and applied again at start if the process died in
 * between. Each milestone's id derives from the effect, so applying twice creates nothing twice.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { createMilestoneWithId, readMilestoneById } from '../../shared/doc/index.ts';
import type { ConditionMilestone } from '../../shared/schemas/gates.ts';
import type { Db } from '../db/client.ts';
import { milestones, pendingEffects, projectMembers } from '../db/schema/index.ts';
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

/**
 * The milestones each decision's conditions (or a Recycle's deficiencies) became, by decision
 * id, with their state as projected from the live document: the link from a decision to them.
 */
export async function conditionMilestonesOf(
  db: Db,
  projectId: string,
  decisionIds: string[],
): Promise<Map<string, ConditionMilestone[]>> {
  const out = new Map<string, ConditionMilestone[]>();
  if (decisionIds.length === 0) return out;
  const effects = await db
    .select({ id: pendingEffects.id, payload: pendingEffects.payload })
    .from(pendingEffects)
    .where(and(eq(pendingEffects.projectId, projectId), eq(pendingEffects.kind, 'gate.conditions')));
  const owed: { decisionId: string; id: string; title: string; due: string | null }[] = [];
  for (const e of effects) {
    const parsed = ConditionsPayload.safeParse(e.payload);
    if (!parsed.success || !decisionIds.includes(parsed.data.decisionId)) continue;
    parsed.data.conditions.forEach((c, i) => {
      owed.push({
        decisionId: parsed.data.decisionId,
        id: effectMilestoneId(e.id, i),
        title: c.title,
        due: c.due,
      });
    });
  }
  const rows = owed.length
    ? await db
        .select({
          id: milestones.id,
          title: milestones.title,
          due: milestones.due,
          status: milestones.status,
        })
        .from(milestones)
        .where(
          inArray(
            milestones.id,
            owed.map((o) => o.id),
          ),
        )
    : [];
  for (const o of owed) {
    const row = rows.find((r) => r.id === o.id);
    const list = out.get(o.decisionId) ?? [];
    list.push({
      id: o.id,
      title: row?.title ?? o.title,
      due: row ? row.due : o.due,
      status: (row?.status as ConditionMilestone['status']) ?? null,
    });
    out.set(o.decisionId, list);
  }
  return out;
}

/** A condition milestone still to be done: in the plan and not done. */
export const isOpenCondition = (m: { status: string | null }) => m.status !== null && m.status !== 'done';
