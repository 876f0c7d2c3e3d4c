/**
 * How updates reach the document. A connection's update is applied once, and validated from the
 * document's own 'afterTransaction' handler, before anything else sees its transactions (shape,
 * values, missing dependencies): only a valid update is noted for the projection, relayed to the
 * room and appended to the log. A refused update reaches nobody, and the document is put back as
 * it was, rebuilt from its backup: the state encoded before the first write, and every update
 * applied since, in order (folded into a new encoding when it grows). A backup costs an array
 * push per update, where a validated shadow copy would cost a second Yjs apply and as much memory
 * as the document (docs/performance.md). The backup exists only once someone writes.
 *
 * Changes the room trusts (the server's own, other nodes' committed rows) are applied unchecked,
 * backed up, and relayed to the whole room.
 */
import * as Y from 'yjs';
import { type Problem, validateTransaction } from '../../shared/doc/index.ts';
import { DOC_EVENTS, encodeSync, SYNC_UPDATE } from '../../shared/protocol/index.ts';
import type { Broadcast, Connection } from './connection.ts';
import type { DocState } from './doc-state.ts';
import { Refusal } from './refusal.ts';
import type { RelayBatch } from './relay-batch.ts';
import type { SyncReplies } from './sync-replies.ts';

/** a backup's updates beyond which it is dropped, and encoded anew before the next write */
const MAX_BACKUP_UPDATES = 512;
const MAX_BACKUP_BYTES = 512 * 1024;

/** The document as it was before the first write being checked, and every update since. */
interface Backup {
  state: Uint8Array;
  updates: Uint8Array[];
  bytes: number;
}

/** A connection's update being applied: the problems and transactions it caused so far. */
interface Check {
  problems: Problem[];
  transactions: Y.Transaction[];
}

/** Whether a transaction added or deleted anything. */
function changesDoc(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

export class CheckedApply {
  /** what the document is rebuilt from after a refused update (see the header); made on first write */
  private backup: Backup | null = null;
  /** set while a connection's update is applied: its transactions are validated, not yet noted */
  private checking: Check | null = null;

  constructor(
    private readonly name: string,
    private readonly state: DocState,
    private readonly replies: SyncReplies,
    private readonly relay: RelayBatch,
    private readonly broadcast: Broadcast,
  ) {}

  /** A transaction of the document is done. */
  afterTransaction(doc: Y.Doc, tr: Y.Transaction): void {
    const check = this.checking;
    if (check) {
      // Every transaction the update causes, Yjs's own follow-up included: noted once valid.
      check.problems.push(...validateTransaction(doc, tr));
      check.transactions.push(tr);
      return;
    }
    this.changed(doc, tr);
  }

  /** The room woke from `state`: the backup starts from the same bytes. */
  startBackup(state: Uint8Array): void {
    this.backup = { state, updates: [], bytes: 0 };
  }

  /** The document was let go: so is its backup. */
  dropBackup(): void {
    this.backup = null;
  }

  /**
   * Applies a connection's update to the document, validating every transaction it causes
   * before anything else sees them; throws `malformed` (the document put back as it was) if bad.
   */
  apply(update: Uint8Array, conn: Connection): void {
    const doc = this.state.doc;
    this.backup ??= { state: Y.encodeStateAsUpdate(doc), updates: [], bytes: 0 };
    const check: Check = { problems: [], transactions: [] };
    let problem: string | null = null;
    this.checking = check;
    try {
      Y.applyUpdate(doc, update, conn);
    } catch {
      problem = 'The update could not be decoded';
    } finally {
      this.checking = null;
    }
    // (an update that failed to decode part-way leaves what Yjs applied to the refused document)
    if (!problem && (doc.store.pendingStructs || doc.store.pendingDs))
      problem = 'The update depends on changes the server does not have';
    if (!problem && check.problems.length) {
      const first = check.problems[0]!;
      problem = `Invalid document content at ${first.path}: ${first.message}`;
    }
    if (problem) {
      this.restore();
      throw new Refusal('malformed', problem);
    }
    this.backUp(update);
    for (const tr of check.transactions) this.changed(doc, tr);
  }

  /**
   * Runs `change` in one transaction of the document and relays to the whole room what it
   * changed (the update, as Yjs encodes it, is only listened for here); returns that update.
   */
  applyTrusted(change: () => void, origin: unknown): Uint8Array | null {
    const updates: Uint8Array[] = [];
    const capture = (u: Uint8Array, o: unknown) => {
      if (o === origin) updates.push(u);
    };
    const doc = this.state.doc;
    doc.on('update', capture);
    try {
      doc.transact(change, origin);
    } finally {
      doc.off('update', capture);
    }
    if (updates.length === 0) return null;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    this.backUp(update);
    this.broadcast(this.relay.exceptPaused(null), DOC_EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, update));
    return update;
  }

  /**
   * After a refused update: the document is rebuilt from the backup, as it was before, and
   * replaces the one the update reached (whose changes no one has seen).
   */
  private restore(): void {
    const backup = this.backup!;
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      Y.applyUpdate(doc, backup.state);
      for (const update of backup.updates) Y.applyUpdate(doc, update);
    }, 'load');
    this.state.replace(doc);
    this.replies.reset();
  }

  /** A transaction of the document is done (and valid). */
  private changed(doc: Y.Doc, tr: Y.Transaction): void {
    // A new version: what was computed for the previous one no longer holds.
    this.replies.newVersion();
    this.state.noteChange(tr);
    // Yjs's own follow-up (its clean-up of formatting after a remote change to rich text)
    if (tr.origin === null && changesDoc(tr)) {
      const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState));
      this.backUp(update);
      this.broadcast(
        this.relay.exceptPaused(null),
        DOC_EVENTS.msg,
        this.name,
        encodeSync(SYNC_UPDATE, update),
      );
    }
  }

  /** Records an update applied to the document in its backup (dropped once too long). */
  private backUp(update: Uint8Array): void {
    const backup = this.backup;
    if (!backup) return;
    backup.updates.push(update);
    backup.bytes += update.byteLength;
    if (backup.updates.length > MAX_BACKUP_UPDATES || backup.bytes > MAX_BACKUP_BYTES) this.backup = null;
  }
}
