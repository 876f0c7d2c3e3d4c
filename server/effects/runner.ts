/**
 * Applies the effects changes owe (server/effects/effect.ts): right after the change commits,
 * and at start for every effect a process that died did not finish.
 *
 * Taking an effect is a compare-and-set on its `attempts` (the UPDATE changes the row only if
 * no one took it since it was read), so two nodes completing effects at start do not both take
 * the same one; and where two still meet (a node starting while another applies an effect it
 * just committed), applying is idempotent, so the document ends the same. An effect that fails
 * is retried a few times with a growing pause, its last error kept on its row and logged; one
 * that keeps failing is logged as such and stays pending, for the next start to try again.
 */
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { pendingEffects } from '../db/schema/effects.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { applyEffect } from './apply-effect.ts';
import type { Effect, EffectKind, Effects } from './effect.ts';

export interface EffectRunnerOptions {
  /** tries within one process before an effect is left for the next start */
  tries?: number;
  /** the pause before the first retry, doubled before each next one */
  firstPauseMs?: number;
  /** tests only: die here, to show what a restart completes (config.testCrash) */
  testCrash?: Config['testCrash'];
}

type PendingEffectRow = typeof pendingEffects.$inferSelect;

const PAGE = 100;
const ERROR_CHARS = 1000;

/** `depsOf`: the services' dependencies, which hold this runner (so read once they exist). */
export function createEffectRunner(depsOf: () => ServiceDeps, options: EffectRunnerOptions = {}): Effects {
  const tries = options.tries ?? 5;
  const firstPauseMs = options.firstPauseMs ?? 500;
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  /** Takes the effect if no one did since `attempts` was read; false: someone else has it. */
  async function take(effect: Effect): Promise<boolean> {
    const deps = depsOf();
    const [taken] = await commit(deps.db, [
      deps.db
        .update(pendingEffects)
        .set({ attempts: effect.attempts + 1 })
        .where(
          and(
            eq(pendingEffects.id, effect.id),
            isNull(pendingEffects.doneAt),
            eq(pendingEffects.attempts, effect.attempts),
          ),
        ),
    ]);
    return (taken?.rowsAffected ?? 0) > 0;
  }

  /** One try; on failure, schedules the next while tries remain. */
  async function attempt(effect: Effect, tried: number, justCommitted = false): Promise<void> {
    if (stopped || !(await take(effect))) return;
    const deps = depsOf();
    const taken = { ...effect, attempts: effect.attempts + 1 };
    try {
      await applyEffect(deps, taken);
      if (justCommitted && options.testCrash === 'after-effect') dieForTest();
      await commit(deps.db, [
        deps.db
          .update(pendingEffects)
          .set({ doneAt: deps.clock(), lastError: null })
          .where(eq(pendingEffects.id, effect.id)),
      ]);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const context = { effectId: effect.id, kind: effect.kind, projectId: effect.projectId, err };
      await commit(deps.db, [
        deps.db
          .update(pendingEffects)
          .set({ lastError: message.slice(0, ERROR_CHARS) })
          .where(eq(pendingEffects.id, effect.id)),
      ]).catch((writeErr) => deps.log.error({ effectId: effect.id, err: writeErr }, 'effect error not kept'));
      if (stopped) return;
      if (tried + 1 >= tries) {
        deps.log.error(
          { ...context, attempts: taken.attempts },
          'an effect keeps failing: left pending, the next start tries again',
        );
        return;
      }
      const pauseMs = firstPauseMs * 2 ** tried;
      deps.log.warn({ ...context, retryInMs: pauseMs }, 'an effect failed: retrying');
      const timer = setTimeout(() => {
        timers.delete(timer);
        void attempt(taken, tried + 1).catch((e) =>
          deps.log.error({ effectId: effect.id, err: e }, 'effect retry failed'),
        );
      }, pauseMs);
      timer.unref();
      timers.add(timer);
    }
  }

  return {
    async run(effect) {
      if (options.testCrash === 'before-effect') dieForTest();
      const deps = depsOf();
      await attempt(effect, 0, true).catch((err) =>
        deps.log.error({ effectId: effect.id, kind: effect.kind, err }, 'an effect could not be taken'),
      );
    },

    async completePending() {
      const deps = depsOf();
      let taken = 0;
      let after: { createdAt: Date; id: string } | null = null;
      for (;;) {
        const rows: PendingEffectRow[] = await deps.db
          .select()
          .from(pendingEffects)
          .where(
            and(
              isNull(pendingEffects.doneAt),
              after
                ? or(
                    gt(pendingEffects.createdAt, after.createdAt),
                    and(eq(pendingEffects.createdAt, after.createdAt), gt(pendingEffects.id, after.id)),
                  )
                : undefined,
            ),
          )
          .orderBy(asc(pendingEffects.createdAt), asc(pendingEffects.id))
          .limit(PAGE);
        // In the order they were committed: a later effect of the same thing comes after.
        for (const row of rows) {
          if (stopped) return;
          const effect: Effect = {
            id: row.id,
            projectId: row.projectId,
            kind: row.kind as EffectKind,
            payload: row.payload,
            actorId: row.actorId,
            attempts: row.attempts,
          };
          await attempt(effect, 0);
          taken++;
        }
        if (rows.length < PAGE) break;
        const last = rows.at(-1)!;
        after = { createdAt: last.createdAt, id: last.id };
      }
      if (taken) deps.log.info({ effects: taken }, 'took up the effects left pending');
    },

    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** A kill -9 of this very process: nothing after it runs, as in a crash. */
function dieForTest(): never {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: the process was killed');
}
