/**
 * What the room asks of the projection of its document into rows (the real one is the
 * milestones domain's: server/milestones/projection.ts). The room tells it when it holds a
 * built document, each transaction, and when to write; it never waits for it on an update.
 */
import type * as Y from 'yjs';

export interface Projection {
  /**
   * Follows `doc` from now. `current`: the rows reflect it as it is (the room checked the mark),
   * so it is the baseline and nothing is read; else the rows are read and reconciled with it, in
   * the background. `mark` tells the log row up to which the document holds its rows, or null
   * (several nodes: no mark is written). It may listen to `doc` itself until `stop` or `follow`
   * (the real one notes who is about to change it, before each transaction).
   */
  start(doc: Y.Doc, current: boolean, mark: () => number | null): void;
  noteTransaction(tr: Y.Transaction): void;
  /**
   * Follows `doc` instead of the document it followed: an equal copy (the room rebuilt its
   * document after refusing an update). What was noted and not yet written stays to be written.
   */
  follow(doc: Y.Doc): void;
  /**
   * Writes what changed since the last projection, now. `withMark`: records the mark even if no
   * row changed (before the room goes dormant, so that its next load needs no reconciling).
   */
  flush(withMark?: boolean): Promise<void>;
  /** Stops following the document (after a flush: what it had not written is dropped). */
  stop(): void;
}

/** For rooms whose document has no rows (tests of the engine). */
export const NO_PROJECTION: Projection = {
  start() {},
  noteTransaction() {},
  follow() {},
  flush: () => Promise.resolve(),
  stop() {},
};
