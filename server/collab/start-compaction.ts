/**
 * After a start, folds the documents whose pending log is already past the compaction threshold
 * (written by a process that stopped before folding it, or from outside), one at a time in the
 * background, so that a join finds a current snapshot instead of reading and applying the whole
 * log (docs/performance.md, "Cold load"). Each is opened through the registry, so a join that
 * comes meanwhile shares the same load, and released like any room nobody is in.
 */
import type { Logger } from '../log.ts';
import type { DocRegistry } from './doc-registry.ts';
import type { RoomOptions } from './room-options.ts';

/** What the background compaction needs of a store: which documents have a long log. */
export interface LongLogs {
  /** the documents whose pending log holds at least `minRows` rows or `minBytes` bytes */
  longLogs(minRows: number, minBytes: number): Promise<string[]>;
}

/** Resolves with how many documents it folded; stops early once `stopped()` is true. */
export async function compactLongLogs(
  registry: DocRegistry,
  store: LongLogs,
  options: Pick<RoomOptions, 'compactRows' | 'compactBytes'>,
  log: Logger,
  stopped: () => boolean,
): Promise<number> {
  const names = await store.longLogs(options.compactRows, options.compactBytes);
  let folded = 0;
  for (const name of names) {
    if (stopped()) break;
    try {
      // Loading a room whose log is this long folds it (doc-room.ts, load).
      const room = await registry.get(name);
      await room.compacted();
      registry.releaseIfIdle(room);
      folded++;
    } catch (err) {
      log.warn({ err, doc: name }, 'could not fold a long log after start; a join will');
    }
    // Joins and edits waiting on the event loop go before the next document.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (names.length) log.info({ folded, of: names.length }, 'folded the long logs found at start');
  return folded;
}
