/**
 * The room's document, awake or dormant, and its projection's life with it.
 *
 * A room nobody writes to keeps no Y.Doc: it is dormant, holding its document as one encoded
 * update (about a twentieth of the memory, docs/performance.md), from which it answers joins (its
 * state vector, and the step 2 any state vector asks for). The first write, server change or
 * update from another node wakes it: the document is built then (and its backup from the same
 * bytes). A room nobody has written to for `dormantAfterMs` writes its projection and goes
 * dormant again. It loads dormant when its projection's mark shows that its rows reflect the
 * document as stored, and awake otherwise (the rows are then reconciled with it in the
 * background: server/milestones/projection.ts).
 */
import * as Y from 'yjs';
import { encodeSync, SYNC_STEP2 } from '../../shared/protocol/index.ts';
import type { Logger } from '../log.ts';
import type { StoredDoc } from './doc-store.ts';
import type { Projection } from './projection.ts';

/** A log this short is merged into the snapshot of a room that loads dormant; longer, it is compacted. */
const DORMANT_MERGE_ROWS = 50;
/** The state of an empty document. */
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * A dormant room's state, held inside the sync step 2 that sends it whole: a client with
 * nothing (every new visitor) gets that very message, with no copy made for it. A copy per join
 * would live as long as the reply cache, with its socket frame: about twice the state for each
 * document opened in the last ten seconds (docs/performance.md, idle).
 */
function framedState(state: Uint8Array): { state: Uint8Array; reply: Uint8Array } {
  const reply = encodeSync(SYNC_STEP2, state);
  return { state: reply.subarray(reply.byteLength - state.byteLength), reply };
}
const EMPTY_DORMANT = framedState(EMPTY_STATE);

/** The highest of `from` and `ids` (a loop: a log may hold more ids than a call takes arguments). */
export function maxId(from: number, ids: readonly number[]): number {
  let max = from;
  for (const id of ids) if (id > max) max = id;
  return max;
}

/** What the rest of the room does as the document changes, wakes and goes dormant. */
export interface DocStateHost {
  /** a transaction of the awake document is done */
  afterTransaction(doc: Y.Doc, tr: Y.Transaction): void;
  /** the dormant room woke, its document built from `state` */
  woke(state: Uint8Array): void;
  /** whether work under way needs the document (the room then stays awake) */
  busy(): boolean;
  /** the document was let go: what was derived from it goes too */
  fellDormant(): void;
}

export class DocState {
  /** the document while the room is awake; null while it is dormant */
  private awake: Y.Doc | null = null;
  /** the document's whole state, encoded, while the room is dormant (a view into `dormantReply`) */
  private dormant: Uint8Array | null = EMPTY_DORMANT.state;
  /** the sync step 2 holding `dormant`: the reply to a client with nothing (see framedState) */
  private heldReply: Uint8Array | null = EMPTY_DORMANT.reply;
  /** the highest log row of this document the room holds (the projection's mark, on one node) */
  heldMax = 0;
  /** transactions applied since the room woke, and when the last one was (for going dormant) */
  private changeCount = 0;
  private lastChangeAt = 0;
  private dormancyTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly mark: () => number | null;

  constructor(
    private readonly name: string,
    private readonly projection: Projection,
    private readonly log: Logger,
    private readonly dormantAfterMs: number,
    private readonly singleNode: boolean,
    private readonly host: DocStateHost,
  ) {
    this.mark = singleNode ? () => this.heldMax : () => null;
  }

  /**
   * Takes the stored snapshot and the log rows after it. Dormant if the projection's mark covers
   * them and the log is short (merged into one update); else awake, the rows applied in one
   * transaction (far cheaper than merging thousands of small updates first). Returns whether
   * the document was built.
   */
  load(stored: StoredDoc): boolean {
    this.heldMax = maxId(
      stored.snapshotUpto ?? 0,
      stored.updates.map((u) => u.id),
    );
    const current = this.singleNode && stored.projectedUpto !== null && stored.projectedUpto >= this.heldMax;
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.data)];
    if (current && stored.updates.length <= DORMANT_MERGE_ROWS) {
      this.holdDormant(
        parts.length === 0 ? EMPTY_STATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts),
      );
      return false;
    }
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part, 'load');
    }, 'load');
    this.awaken(doc, current);
    return true;
  }

  /** The document, built first if the room is dormant: for writing to it. */
  get doc(): Y.Doc {
    if (this.awake) return this.awake;
    const state = this.dormant!;
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, state, 'load');
    this.awaken(doc, true);
    this.host.woke(state);
    return doc;
  }

  /** The document if the room is awake, without waking it. */
  get live(): Y.Doc | null {
    return this.awake;
  }

  /** The step 2 sending the whole dormant state (null while awake). */
  get dormantReply(): Uint8Array | null {
    return this.heldReply;
  }

  /** How many transactions the document has had since it woke (a version, for what is cached). */
  get changes(): number {
    return this.changeCount;
  }

  /** The document's whole state, encoded (without building it if the room is dormant). */
  encodeState(): Uint8Array {
    return this.awake ? Y.encodeStateAsUpdate(this.awake) : this.dormant!;
  }

  /** The document's state vector (without building it if the room is dormant). */
  stateVector(): Uint8Array {
    return this.awake ? Y.encodeStateVector(this.awake) : Y.encodeStateVectorFromUpdate(this.dormant!);
  }

  /** What `stateVector` lacks of the document, as an update. */
  diff(stateVector: Uint8Array): Uint8Array {
    if (this.awake) return Y.encodeStateAsUpdate(this.awake, stateVector);
    return Y.diffUpdate(this.dormant!, stateVector);
  }

  /** A transaction of the document is done (and valid): noted for dormancy and the projection. */
  noteChange(tr: Y.Transaction): void {
    this.changeCount++;
    this.lastChangeAt = Date.now();
    this.projection.noteTransaction(tr);
  }

  /**
   * Makes `doc`, an equal copy, the document instead of the one it replaces (rebuilt after a
   * refused update, whose changes no one has seen): the projection follows it.
   */
  replace(doc: Y.Doc): void {
    const refused = this.awake!;
    this.attach(doc);
    this.projection.follow(doc);
    refused.destroy();
  }

  /** The room keeps `state` as its document, without a Y.Doc. */
  private holdDormant(state: Uint8Array): void {
    ({ state: this.dormant, reply: this.heldReply } = framedState(state));
  }

  private awaken(doc: Y.Doc, current: boolean): void {
    this.attach(doc);
    this.dormant = null;
    this.heldReply = null;
    this.projection.start(doc, current, this.mark);
    this.lastChangeAt = Date.now();
    this.scheduleDormancy(this.dormantAfterMs);
  }

  /** Makes `doc` the room's document. */
  private attach(doc: Y.Doc): void {
    this.awake = doc;
    // No 'update' listener on the document: Yjs would encode every transaction's update for it,
    // and a connection's update is relayed as it came. Changes made here relay their own.
    doc.on('afterTransaction', (tr: Y.Transaction) => this.host.afterTransaction(doc, tr));
  }

  private scheduleDormancy(wait: number): void {
    if (this.dormancyTimer || this.closed) return;
    this.dormancyTimer = setTimeout(() => {
      this.dormancyTimer = null;
      void this.fallDormant();
    }, wait);
    this.dormancyTimer.unref();
  }

  /**
   * Lets the document go once nobody has written to it for `dormantAfterMs` and nothing is under
   * way that needs it: its projection is written (with its mark) first.
   */
  private async fallDormant(): Promise<void> {
    const doc = this.awake;
    if (!doc || this.closed) return;
    const quietFor = Date.now() - this.lastChangeAt;
    if (quietFor < this.dormantAfterMs || this.host.busy()) {
      this.scheduleDormancy(Math.max(1000, this.dormantAfterMs - quietFor));
      return;
    }
    const changes = this.changeCount;
    try {
      await this.projection.flush(true);
    } catch (err) {
      this.log.warn({ err, doc: this.name }, 'could not write the projection; staying awake');
      this.scheduleDormancy(this.dormantAfterMs);
      return;
    }
    if (this.awake !== doc || this.closed) return;
    if (this.changeCount !== changes || this.host.busy()) {
      this.scheduleDormancy(this.dormantAfterMs);
      return;
    }
    this.holdDormant(Y.encodeStateAsUpdate(doc));
    this.awake = null;
    this.projection.stop();
    doc.destroy();
    this.host.fellDormant();
  }

  /** Stops going dormant: the room is closing. */
  close(): void {
    this.closed = true;
    if (this.dormancyTimer) clearTimeout(this.dormancyTimer);
  }

  /** Frees the document (the last step of closing). */
  destroy(): void {
    this.awake?.destroy();
  }
}
