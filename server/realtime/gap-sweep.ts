/**
 * With several nodes, every few seconds, one query tells which open documents lack rows that
 * were already committed at the previous check, a sweep ago (a message from another node lost
 * without an outage, the last one before a quiet spell): those catch up from the database.
 * Younger rows may still be on their way.
 */

import type { DocRegistry, DocStore } from '../collab/index.ts';
import type { Logger } from '../log.ts';

/** how often a node checks its open documents against the database, with several nodes */
const GAP_SWEEP_MS = 5_000;

/** Starts the sweep; returns what stops it. */
export function startGapSweep(registry: DocRegistry, store: DocStore, log: Logger): () => void {
  let committedBySweep: number | null = null;
  async function sweepForGaps() {
    const open = await registry.loaded();
    try {
      const { byDoc, through } = await store.idsSince(
        Math.min(committedBySweep ?? Number.MAX_SAFE_INTEGER, ...open.map((r) => r.heldThrough)),
      );
      const settled = committedBySweep;
      committedBySweep = through;
      if (settled === null) return;
      for (const room of open) {
        const ids = (byDoc.get(room.name) ?? []).filter((id) => id <= settled);
        if (!room.holdsAll(ids, settled)) {
          log.warn({ doc: room.name }, 'a document missed updates from another node; reading them');
          void room.catchUp();
        }
      }
    } catch (err) {
      log.error({ err }, 'could not check open documents against the database');
    }
  }
  const sweep = setInterval(() => void sweepForGaps(), GAP_SWEEP_MS);
  sweep.unref();
  return () => clearInterval(sweep);
}
