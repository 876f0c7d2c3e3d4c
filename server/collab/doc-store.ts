/**
 * Where live documents are kept: what the room needs of a store. LibsqlDocStore
 * (libsql-doc-store.ts) is the one Jalon runs on; MemoryDocStore (memory-doc-store.ts) keeps the
 * same rows in memory, for tests of the engine.
 *
 * A document is a snapshot and the log rows appended after it. Row ids are given in commit order
 * across all documents and never reused, which is what lets a node tell, from one number, which
 * rows its copy holds. History: compaction never drops an update. The rows a snapshot absorbs
 * move to the document's history (server/history reads it to rebuild a document as of any
 * instant); a cold load still reads only the latest snapshot and the pending log.
 */

export interface LogRow {
  id: number;
  data: Uint8Array;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  /** the log row up to which the snapshot holds the document's rows (null: none recorded) */
  snapshotUpto: number | null;
  updates: LogRow[];
  /**
   * every log row (of any document) with an id up to this one was committed when the document
   * was read: rows committed later have higher ids, since the store has one writer at a time and
   * never reuses an id
   */
  through: number;
  /** the document's projection mark (schema: doc_projection_marks), null if none */
  projectedUpto: number | null;
}

export interface DocStore {
  load(docName: string): Promise<StoredDoc>;
  /** resolves with the log row's id once committed */
  append(docName: string, update: Uint8Array, userId: string | null): Promise<number>;
  /**
   * the document's log rows with an id above `after` (pending, or moved to history by another
   * node's compaction) leaving out the ids in `known`, and the new `through`
   */
  since(
    docName: string,
    after: number,
    known: ReadonlySet<number>,
  ): Promise<{ rows: LogRow[]; through: number }>;
  /**
   * writes a snapshot of the document that holds every log row up to `upto`, and moves those
   * rows out of the pending log into the document's history. Writes nothing (and resolves
   * false) if a snapshot of the document already covers as much: another node got there first.
   */
  compact(docName: string, state: Uint8Array, upto: number): Promise<boolean>;
  /** the log row ids above `after`, by document, and the new `through` (for nodes' periodic check) */
  idsSince(after: number): Promise<{ byDoc: Map<string, number[]>; through: number }>;
  /** commits whatever is queued (used before unloading and at shutdown) */
  flush(): Promise<void>;
}
