/**
 * An effect a change owes the live documents (the outbox, `pending_effects`): its row is written
 * in the change's own batch, so the change and what it owes commit together or not at all.
 * Applying it comes after the commit (server/effects/runner.ts), again at start if the process
 * died in between; so applying must be idempotent, and the ids of what it creates are derived
 * from the effect's id.
 */
import type { Db } from '../db/client.ts';
import { pendingEffects } from '../db/schema/effects.ts';
import type { Statement } from '../db/writer.ts';

export type EffectKind = 'gate.conditions' | 'service_request.milestone';

export interface Effect {
  id: string;
  projectId: string;
  kind: EffectKind;
  payload: unknown;
  /** who caused it: the document change is made as them (null: the system) */
  actorId: string | null;
  /** how many times it was taken to be applied, by any node */
  attempts: number;
}

/** What the services see of the runner (server/effects/runner.ts). */
export interface Effects {
  /** applies a committed effect now; a failure is logged and retried, never thrown */
  run(effect: Effect): Promise<void>;
  /** applies every effect not done yet (at start: what a process that died still owed) */
  completePending(): Promise<void>;
  stop(): void;
}

/** The effect, and the insert that records it, for the batch of the change that owes it. */
export function pendingEffect(
  db: Db,
  kind: EffectKind,
  projectId: string,
  payload: unknown,
  actorId: string | null,
  at: Date,
  /** given when the change needs the id beforehand (to name what the effect will create) */
  id: string = crypto.randomUUID(),
): { effect: Effect; statement: Statement } {
  const effect: Effect = { id, projectId, kind, payload, actorId, attempts: 0 };
  const statement = db
    .insert(pendingEffects)
    .values({ id: effect.id, projectId, kind, payload, actorId, createdAt: at, attempts: 0 });
  return { effect, statement };
}

/**
 * The id of the `index`-th milestone an effect creates: the same each time the effect is
 * applied (a UUID, a dash and a number: well within the 64 characters a milestone id may have).
 */
export function effectMilestoneId(effectId: string, index: number): string {
  return `${effectId}-${index}`;
}
