/**
 * One open project document and the connections editing it: the rules of the room.
 *
 * An update is applied to the document once, and validated from the document's own
 * 'afterTransaction' handler, before anything else sees its transactions (shape, values, missing
 * dependencies): only a valid update is noted for the projection, relayed to the room and
 * appended to the log. The author's ack waits for the commit. A refused update reaches nobody, and
 * the room puts back the document as it was, rebuilt from its backup: the state encoded before
 * the first write, and every update applied since, in order (folded into a new encoding when it
 * grows). A backup costs an array push per update, where a validated shadow copy cost a second
 * Yjs apply and as much memory as the document (docs/performance.md).
 *
 * Costs that grow with the room are paid once: the updates applied while handling one batch
 * of socket reads are relayed as one merged update (one encoding for the whole room), and the
 * sync reply (step 2) for a given state vector is computed once per document version and
 * shared by everyone who joins with it. The backup exists only once someone writes.
 *
 * A room nobody writes to keeps no Y.Doc: it is dormant, holding its document as one encoded
 * update (about a twentieth of the memory, docs/performance.md), from which it answers joins (its
 * state vector, and the step 2 any state vector asks for). The first write, server change or
 * update from another node wakes it: the document is built then (and its backup from the same
 * bytes). A room nobody has written to for `dormantAfterMs`
 * writes its projection and goes dormant again. It loads dormant when its projection's mark shows
 * that its rows reflect the document as stored, and awake otherwise (the rows are then reconciled
 * with it in the background: projection.ts).
 *
 * With several nodes (server/realtime/cluster.ts), each turn's validated updates are also
 * published to the other nodes under a tag, before their commit, and the log rows they became
 * after it; the other nodes apply them to their copy and relay them to their own connections.
 * A node knows which log rows its copy holds: every row up to `through`, and the ids in `known`
 * above it (its own, and those of tags it applied). It reads whatever else the database has (a
 * lost message, a node that died between commit and publish) at once when rows arrive for a tag
 * it never heard, before it compacts, on the periodic check (io.ts) and whenever its link to the
 * other nodes comes back: a gap is repaired from the database, never kept.
 *
 * The other way round, a node that dies between publish and commit leaves the others holding
 * updates that no row records. Until a tag's rows are announced, a room keeps its updates: a
 * client's step 2 (its answer to our state vector, which counts them as held) is acknowledged
 * only once they are committed, and a room that hears no rows for them within a grace period
 * (RoomOptions) appends them to the log itself (a duplicate row is harmless to Yjs).
 */

import { randomUUID } from 'node:crypto';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type Problem, validateTransaction } from '../../shared/doc/index.ts';
import type { DocAccess, Role } from '../../shared/permissions.ts';
import type { Actor } from '../auth/actor.ts';
import type { Logger } from '../log.ts';
import type { DocStore, LogRow } from './doc-store.ts';
import type { ConnectionLimits } from './limits.ts';
import { REMOTE } from './origins.ts';
import { vouchedAwareness } from './presence.ts';
import type { Projection } from './projection.ts';
import {
  type Ack,
  type AckFn,
  type Decoded,
  EVENTS,
  encodeAwareness,
  encodeSync,
  isEmptyUpdate,
  Refusal,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from './protocol.ts';

export interface Connection {
  id: string;
  actor: Actor;
  access: DocAccess;
  /** the member's roles on the project (for what else they may receive, e.g. team comments) */
  roles: Role[];
  /** the awareness client id this connection speaks for (one at most: presence.ts) */
  awarenessClients: Set<number>;
  /** what it may ask the server to send, and add to a document's history (limits.ts) */
  limits: ConnectionLimits;
  send(event: string, ...args: unknown[]): void;
}

/** Sends to every connection in the room but `except` (the transport encodes the message once). */
export type Broadcast = (except: string | string[] | null, event: string, ...args: unknown[]) => void;

/** What a room tells the other nodes (nothing, on a single node). */
export interface RoomPeers {
  /**
   * updates this node applied (validated, not yet committed), merged, under `tag`: unique to
   * this node and this turn of its event loop
   */
  updates(docName: string, tag: string, update: Uint8Array): void;
  /** the log rows those updates became once committed, by tag */
  committed(docName: string, rows: [tag: string, ids: number[]][]): void;
  /** a change of presence on this node's connections */
  awareness(docName: string, update: Uint8Array): void;
}

export const NO_PEERS: RoomPeers = { updates() {}, committed() {}, awareness() {} };

/** This process's part of every tag it publishes. */
const NODE_TAG = randomUUID().slice(0, 8);
let turns = 0;

export interface RoomOptions {
  /** compact once the log holds this many rows or bytes */
  compactRows: number;
  compactBytes: number;
  /** how long another node's updates may wait for their rows before this node commits them */
  remoteCommitGraceMs: number;
  /** a room nobody has written to for this long goes dormant (see the header) */
  dormantAfterMs: number;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  compactRows: 500,
  compactBytes: 1024 * 1024,
  remoteCommitGraceMs: 3000,
  dormantAfterMs: 60_000,
};

/** A log this short is merged into the snapshot of a room that loads dormant; longer, it is compacted. */
const DORMANT_MERGE_ROWS = 50;
/** The state of an empty document. */
const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * A dormant room's state, held inside the sync step 2 that sends it whole: a client with
 * nothing (every new visitor) gets that very message, with no copy made for it. A copy per join
 * used to live as long as the reply cache, with its socket frame: about twice the state for
 * each document opened in the last ten seconds (docs/performance.md, idle).
 */
function framedState(state: Uint8Array): { state: Uint8Array; reply: Uint8Array } {
  const reply = encodeSync(SYNC_STEP2, state);
  return { state: reply.subarray(reply.byteLength - state.byteLength), reply };
}
const EMPTY_DORMANT = framedState(EMPTY_STATE);

/** distinct state vectors whose sync reply is kept for the current version of the document */
const MAX_CACHED_SYNC_REPLIES = 8;
/**
 * how long cached sync replies are kept once computed: long enough for a storm of joins, not
 * for the life of a quiet document (a reply to a new client is the whole document)
 */
export const SYNC_REPLY_TTL_MS = 10_000;
/** how many tags of other nodes' updates a room remembers having applied */
const MAX_HEARD_TAGS = 4096;
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

/** Another node's updates, applied here, whose rows it has not announced yet. */
interface Unconfirmed {
  update: Uint8Array;
  heardAt: number;
  /** acks waiting for these updates to be in the log */
  waiters: (() => void)[];
  /** this node is appending them itself */
  writing: boolean;
}

interface QueuedRelay {
  from: string;
  update: Uint8Array;
  /** the message as the author framed it, relayed as is when it travels alone */
  framed: Uint8Array | null;
}

/** The highest of `from` and `ids` (a loop: a log may hold more ids than a call takes arguments). */
function maxId(from: number, ids: readonly number[]): number {
  let max = from;
  for (const id of ids) if (id > max) max = id;
  return max;
}

/** Whether a transaction added or deleted anything. */
function changesDoc(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

export class DocRoom {
  /** the document while the room is awake; null while it is dormant */
  private live: Y.Doc | null = null;
  /** the document's whole state, encoded, while the room is dormant (a view into `dormantReply`) */
  private dormant: Uint8Array | null = EMPTY_DORMANT.state;
  /** the sync step 2 holding `dormant`: the reply to a client with nothing (see framedState) */
  private dormantReply: Uint8Array | null = EMPTY_DORMANT.reply;
  /** the highest log row of this document the room holds (the projection's mark, on one node) */
  private heldMax = 0;
  /** transactions applied since the room woke, and when the last one was (for going dormant) */
  private changes = 0;
  private lastChangeAt = 0;
  private dormancyTimer: ReturnType<typeof setTimeout> | null = null;
  readonly awareness: Awareness;
  readonly connections = new Map<string, Connection>();
  /** what the document is rebuilt from after a refused update (see the header); made on first write */
  private backup: Backup | null = null;
  /** set while a connection's update is applied: its transactions are validated, not yet noted */
  private checking: Check | null = null;
  /** updates applied in this turn of the event loop, relayed together at its end */
  private relayQueue: QueuedRelay[] = [];
  private relayScheduled = false;
  /** this version's sync replies by requesting state vector, and its own state vector message */
  private syncReplies = new Map<string, Uint8Array>();
  private syncRepliesExpiry: ReturnType<typeof setTimeout> | null = null;
  private stateVectorMessage: Uint8Array | null = null;
  /**
   * The reply to a client with nothing while the room is awake, kept across versions for as long
   * as the other replies (SYNC_REPLY_TTL_MS): a repeated request gets what changed since `vector`,
   * then these same bytes (encoded once into a socket frame: shared/socket-parser.ts).
   */
  private fullReply: { reply: Uint8Array; vector: Uint8Array; changes: number } | null = null;
  /**
   * Sync replies owed, by connection: to one over its send budget that asked without an ack (sent
   * once it may; the latest request only), or to one paused; `vector` is what it holds for sure.
   */
  private owed = new Map<string, { vector: Uint8Array; timer: ReturnType<typeof setTimeout> | null }>();
  /** connections whose socket is behind (backpressure.ts): sent nothing of the document until resumed */
  private paused = new Set<string>();
  /** connections to pause once this turn's relay is out (what they were sent is then known) */
  private pausing: Set<string> | null = null;
  /** the document holds every log row with an id up to `through`, and those in `known` */
  private through = 0;
  private known = new Set<number>();
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  /** the tag of this turn's updates (published with them, then with their rows' ids) */
  private turnTag = '';
  /** committed rows not yet announced to the other nodes, by tag */
  private unannounced = new Map<string, number[]>();
  /** tags of other nodes' updates applied here (their rows are then held once committed) */
  private heardTags = new Set<string>();
  /** other nodes' updates applied here and not known to be committed, by tag, oldest first */
  private unconfirmed = new Map<string, Unconfirmed>();
  private takeOverTimer: ReturnType<typeof setTimeout> | null = null;
  /** log rows and bytes written since the last compaction (what triggers the next) */
  private logRows = 0;
  private logBytes = 0;
  private compacting: Promise<void> | null = null;
  private closed = false;

  constructor(
    readonly name: string,
    readonly projectId: string,
    private readonly store: DocStore,
    private readonly broadcast: Broadcast,
    private readonly projection: Projection,
    private readonly log: Logger,
    private readonly options: RoomOptions = DEFAULT_ROOM_OPTIONS,
    private readonly peers: RoomPeers = NO_PEERS,
  ) {
    // Presence has a document of its own (only its client id is used): the room's comes and goes.
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      if (changed.length === 0) return;
      const except = typeof origin === 'string' && origin !== REMOTE ? origin : null;
      const update = encodeAwarenessUpdate(this.awareness, changed);
      this.broadcast(this.exceptPaused(except), EVENTS.msg, this.name, encodeAwareness(update));
      if (origin !== REMOTE) this.peers.awareness(this.name, update);
    });
  }

  /**
   * Loads the latest snapshot and the log rows after it. Dormant if the projection's mark covers
   * them and the log is short (merged into one update); else awake, the rows applied in one
   * transaction (far cheaper than merging thousands of small updates first).
   */
  async load(): Promise<void> {
    const stored = await this.store.load(this.name);
    this.through = stored.through;
    this.logRows = stored.updates.length;
    this.logBytes = stored.updates.reduce((n, u) => n + u.data.byteLength, 0);
    this.heldMax = maxId(
      stored.snapshotUpto ?? 0,
      stored.updates.map((u) => u.id),
    );
    const current =
      this.peers === NO_PEERS && stored.projectedUpto !== null && stored.projectedUpto >= this.heldMax;
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.data)];
    if (current && stored.updates.length <= DORMANT_MERGE_ROWS) {
      this.holdDormant(
        parts.length === 0 ? EMPTY_STATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts),
      );
      return;
    }
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part, 'load');
    }, 'load');
    this.awaken(doc, current);
    // A log this long was written elsewhere (another process, or before a crash): fold it now,
    // so that the next load reads one snapshot, whether or not anyone edits in between.
    this.maybeCompact();
  }

  /** The document, built first if the room is dormant: for writing to it. */
  get doc(): Y.Doc {
    if (this.live) return this.live;
    const state = this.dormant!;
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, state, 'load');
    this.awaken(doc, true);
    this.backup = { state, updates: [], bytes: 0 };
    return doc;
  }

  /** Whether the room holds no Y.Doc (see the header). */
  get isDormant(): boolean {
    return this.live === null;
  }

  /** The document's whole state, encoded (without building it if the room is dormant). */
  encodeState(): Uint8Array {
    return this.live ? Y.encodeStateAsUpdate(this.live) : this.dormant!;
  }

  /** The room keeps `state` as its document, without a Y.Doc (see the header). */
  private holdDormant(state: Uint8Array): void {
    ({ state: this.dormant, reply: this.dormantReply } = framedState(state));
  }

  private awaken(doc: Y.Doc, current: boolean): void {
    this.attach(doc);
    this.dormant = null;
    this.dormantReply = null;
    this.projection.start(doc, current, () => (this.peers === NO_PEERS ? this.heldMax : null));
    this.lastChangeAt = Date.now();
    this.scheduleDormancy(this.options.dormantAfterMs);
  }

  /** Makes `doc` the room's document. */
  private attach(doc: Y.Doc): void {
    this.live = doc;
    // No 'update' listener on the document: Yjs would encode every transaction's update for it,
    // and a connection's update is relayed as it came. Changes made here relay their own.
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      const check = this.checking;
      if (check) {
        // Every transaction the update causes, Yjs's own follow-up included: noted once valid.
        check.problems.push(...validateTransaction(doc, tr));
        check.transactions.push(tr);
        return;
      }
      this.changed(doc, tr);
    });
  }

  /** A transaction of the document is done (and valid). */
  private changed(doc: Y.Doc, tr: Y.Transaction): void {
    // A new version: what was computed for the previous one no longer holds.
    this.syncReplies.clear();
    this.stateVectorMessage = null;
    this.changes++;
    this.lastChangeAt = Date.now();
    this.projection.noteTransaction(tr);
    // Yjs's own follow-up (its clean-up of formatting after a remote change to rich text)
    if (tr.origin === null && changesDoc(tr)) {
      const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState));
      this.backUp(update);
      this.broadcast(this.exceptPaused(null), EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, update));
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
    const doc = this.live;
    if (!doc || this.closed) return;
    const busy = () =>
      this.compacting !== null ||
      this.catchingUp !== null ||
      this.relayQueue.length > 0 ||
      this.unconfirmed.size > 0;
    const quietFor = Date.now() - this.lastChangeAt;
    if (quietFor < this.options.dormantAfterMs || busy()) {
      this.scheduleDormancy(Math.max(1000, this.options.dormantAfterMs - quietFor));
      return;
    }
    const changes = this.changes;
    try {
      await this.projection.flush(true);
    } catch (err) {
      this.log.warn({ err, doc: this.name }, 'could not write the projection; staying awake');
      this.scheduleDormancy(this.options.dormantAfterMs);
      return;
    }
    if (this.live !== doc || this.closed) return;
    if (this.changes !== changes || busy()) {
      this.scheduleDormancy(this.options.dormantAfterMs);
      return;
    }
    this.holdDormant(Y.encodeStateAsUpdate(doc));
    this.live = null;
    this.projection.stop();
    doc.destroy();
    this.backup = null;
    this.syncReplies.clear();
    this.fullReply = null;
    this.stateVectorMessage = null;
  }

  get isEmpty() {
    return this.connections.size === 0;
  }

  /** After `doc:join` succeeds: send our state vector (sync step 1) and current presence. */
  join(conn: Connection): void {
    this.connections.set(conn.id, conn);
    this.stateVectorMessage ??= encodeSync(
      SYNC_STEP1,
      this.live ? Y.encodeStateVector(this.live) : Y.encodeStateVectorFromUpdate(this.dormant!),
    );
    conn.send(EVENTS.msg, this.name, this.stateVectorMessage);
    conn.limits.charge(this.stateVectorMessage.byteLength + this.sendPresence(conn));
  }

  /** Sends a connection everyone's presence; returns the bytes sent. */
  private sendPresence(conn: Connection): number {
    const states = [...this.awareness.getStates().keys()];
    if (!states.length) return 0;
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, states));
    conn.send(EVENTS.msg, this.name, message);
    return message.byteLength;
  }

  leave(connId: string): void {
    const conn = this.connections.get(connId);
    if (!conn) return;
    this.connections.delete(connId);
    this.paused.delete(connId);
    this.pausing?.delete(connId);
    const owed = this.owed.get(connId);
    if (owed?.timer) clearTimeout(owed.timer);
    this.owed.delete(connId);
    if (conn.awarenessClients.size) removeAwarenessStates(this.awareness, [...conn.awarenessClients], connId);
  }

  /** Handles one decoded `doc:msg` from a member of this room. */
  handle(conn: Connection, message: Decoded, raw: Uint8Array, ack?: AckFn): void {
    switch (message.kind) {
      case 'sync-step1': {
        if (this.paused.has(conn.id)) {
          // Its socket is behind: the reply goes once it has drained.
          this.owe(conn, message.stateVector, true);
        } else if (conn.limits.mayRequest(this.name)) {
          this.sendSyncReply(conn, message.stateVector);
        } else if (ack) {
          throw new Refusal(
            'rate_limited',
            'Too much asked of the server in a short time: ask for the document again in a few seconds',
          );
        } else {
          // A client that asked without an ack would never hear a refusal: it is answered late.
          this.owe(conn, message.stateVector, true);
        }
        ack?.({ ok: true });
        return;
      }
      case 'sync-step2': {
        // What we lack by our state vector, which counts other nodes' updates not committed
        // yet: the client may take its changes for saved only once those are in the log too.
        const othersCommitted = this.othersCommitted();
        const answer =
          ack && ((reply: Ack) => (reply.ok ? void othersCommitted.then(() => ack(reply)) : ack(reply)));
        this.applyUpdate(conn, message.update, null, answer);
        return;
      }
      case 'sync-update': {
        this.applyUpdate(conn, message.update, raw, ack);
        return;
      }
      case 'awareness': {
        this.applyAwareness(conn, message.update);
        ack?.({ ok: true });
        return;
      }
    }
  }

  private applyUpdate(conn: Connection, update: Uint8Array, raw: Uint8Array | null, ack?: AckFn): void {
    if (isEmptyUpdate(update)) {
      ack?.({ ok: true });
      return;
    }
    if (conn.access !== 'edit') {
      this.log.warn(
        { userId: conn.actor.id, doc: this.name, access: conn.access },
        'refused an update from a read-only member',
      );
      throw new Refusal(
        'forbidden',
        `Your access to this project is "${conn.access}": you cannot change its document`,
      );
    }
    if (!conn.limits.mayGrow(this.name, update.byteLength)) {
      // (debug: the client sends it again every few seconds until the hour is over)
      this.log.debug(
        { userId: conn.actor.id, doc: this.name },
        "refused an update over the editor's hourly cap",
      );
      throw new Refusal(
        'rate_limited',
        'Your edits have added more to this document in the last hour than one person may: the change is kept and sent again later',
      );
    }
    this.applyChecked(update, conn);
    // Relayed at the end of this turn, with the others of the same turn; the ack waits for the commit.
    const tag = this.queueRelay({ from: conn.id, update, framed: raw });
    this.store.append(this.name, update, conn.actor.id).then(
      (id) => {
        this.committed(id, update, tag);
        ack?.({ ok: true });
      },
      (err) => {
        this.log.error({ err, doc: this.name }, 'could not commit an update');
        ack?.({
          ok: false,
          error: {
            code: 'unavailable',
            message: 'Not saved yet: the server could not commit. Keep the change and send it again.',
          },
        });
      },
    );
  }

  /**
   * Answers a connection's step 1, charged to its send budget: a client with nothing at an awake
   * room gets what changed since the shared full reply was encoded, then that reply (`fullReply`).
   */
  private sendSyncReply(conn: Connection, stateVector: Uint8Array): void {
    const live = this.live;
    if (!live || stateVector.byteLength !== 1 || stateVector[0] !== 0) {
      const reply = this.syncReply(stateVector);
      conn.send(EVENTS.msg, this.name, reply);
      conn.limits.charge(reply.byteLength);
      return;
    }
    if (!this.fullReply) {
      const vector = Y.encodeStateVector(live);
      this.fullReply = {
        reply: encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(live)),
        vector,
        changes: this.changes,
      };
      this.expireSyncReplies();
    }
    const { reply, vector, changes } = this.fullReply;
    let bytes = reply.byteLength;
    // What changed since the shared reply was encoded goes first, as an update: a client counts
    // itself synced at the step 2, and must then hold the document as it is now. Yjs keeps an
    // update whose groundwork has not arrived, and applies it with the step 2 that brings it.
    if (changes !== this.changes) {
      const since = encodeSync(SYNC_UPDATE, this.diff(vector));
      conn.send(EVENTS.msg, this.name, since);
      bytes += since.byteLength;
    }
    conn.send(EVENTS.msg, this.name, reply);
    conn.limits.charge(bytes);
  }

  /** Owes `conn` the reply to `vector` (`latest`: replacing one owed already), sent once it may be. */
  private owe(conn: Connection, vector: Uint8Array, latest: boolean): void {
    const entry = this.owed.get(conn.id);
    if (!entry) this.owed.set(conn.id, { vector, timer: null });
    else if (latest) entry.vector = vector;
    this.settleLater(conn);
  }

  private settleLater(conn: Connection): void {
    const entry = this.owed.get(conn.id);
    if (!entry || entry.timer || this.paused.has(conn.id) || this.closed) return;
    entry.timer = setTimeout(
      () => {
        entry.timer = null;
        this.settle(conn.id);
      },
      Math.max(10, conn.limits.waitMs()),
    );
    entry.timer.unref();
  }

  /** Sends the reply owed to a connection, if it is not paused and within its budget (else later). */
  private settle(connId: string): void {
    const conn = this.connections.get(connId);
    const entry = this.owed.get(connId);
    if (!conn || !entry || this.closed || this.paused.has(connId)) return;
    if (!conn.limits.mayRequest(this.name)) {
      this.settleLater(conn);
      return;
    }
    this.owed.delete(connId);
    this.sendSyncReply(conn, entry.vector);
  }

  /**
   * Stops sending a connection anything of the document: its socket is behind (backpressure.ts).
   * What it holds for sure is noted (after this turn's relay, if one is due, so that the note
   * covers what it was sent), for the resync once it drains.
   */
  pause(connId: string): void {
    if (!this.connections.has(connId) || this.paused.has(connId)) return;
    if (this.relayScheduled) {
      this.pausing ??= new Set();
      this.pausing.add(connId);
      return;
    }
    this.paused.add(connId);
    // A reply already owed is to what the client itself said it holds: that stays the mark.
    if (!this.owed.has(connId))
      this.owed.set(connId, {
        vector: this.live ? Y.encodeStateVector(this.live) : Y.encodeStateVectorFromUpdate(this.dormant!),
        timer: null,
      });
  }

  /** Its socket has drained: the connection is sent what it missed, as a sync reply, and presence. */
  resume(connId: string): void {
    this.pausing?.delete(connId);
    if (!this.paused.delete(connId)) return;
    const conn = this.connections.get(connId);
    if (!conn) return;
    this.sendPresence(conn);
    this.settle(connId);
  }

  /** `except`, and the paused connections (no work while none is). */
  private exceptPaused(except: string | string[] | null): string | string[] | null {
    if (this.paused.size === 0) return except;
    const all = [...this.paused];
    return except === null ? all : all.concat(except);
  }

  private expireSyncReplies(): void {
    if (this.syncRepliesExpiry) return;
    this.syncRepliesExpiry = setTimeout(() => {
      this.syncRepliesExpiry = null;
      this.syncReplies.clear();
      this.fullReply = null;
    }, SYNC_REPLY_TTL_MS);
    this.syncRepliesExpiry.unref();
  }

  /** The step 2 answering `stateVector`, computed once per version of the document (kept a while). */
  private syncReply(stateVector: Uint8Array): Uint8Array {
    // A client with nothing (the usual join) at a dormant room: the stored state as it is.
    if (this.dormantReply && Y.decodeStateVector(stateVector).size === 0) return this.dormantReply;
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString(
      'latin1',
    );
    let reply = this.syncReplies.get(key);
    if (!reply) {
      reply = encodeSync(SYNC_STEP2, this.diff(stateVector));
      if (this.syncReplies.size >= MAX_CACHED_SYNC_REPLIES) this.syncReplies.clear();
      this.syncReplies.set(key, reply);
      this.expireSyncReplies();
    }
    return reply;
  }

  /** What `stateVector` lacks of the document, as an update. */
  private diff(stateVector: Uint8Array): Uint8Array {
    if (this.live) return Y.encodeStateAsUpdate(this.live, stateVector);
    return Y.diffUpdate(this.dormant!, stateVector);
  }

  /** Queues the relay; returns the tag under which this turn's updates go to the other nodes. */
  private queueRelay(relay: QueuedRelay): string {
    this.relayQueue.push(relay);
    if (this.relayScheduled) return this.turnTag;
    this.relayScheduled = true;
    this.turnTag = `${NODE_TAG}:${++turns}`;
    // After every message already read from the sockets in this turn has been applied.
    setImmediate(() => this.flushRelays());
    return this.turnTag;
  }

  /**
   * Sends this turn's updates: alone, as the author framed it; several, as one merged update
   * to everyone who wrote none of them, and to each author the merge of the others'.
   */
  private flushRelays(): void {
    this.sendRelays();
    const pausing = this.pausing;
    this.pausing = null;
    if (pausing) for (const connId of pausing) this.pause(connId);
  }

  private sendRelays(): void {
    this.relayScheduled = false;
    const queue = this.relayQueue;
    this.relayQueue = [];
    if (queue.length === 0 || this.closed) return;
    if (queue.length === 1) {
      const only = queue[0]!;
      this.broadcast(
        this.exceptPaused(only.from),
        EVENTS.msg,
        this.name,
        only.framed ?? encodeSync(SYNC_UPDATE, only.update),
      );
      this.peers.updates(this.name, this.turnTag, only.update);
      return;
    }
    const authors = [...new Set(queue.map((r) => r.from))];
    const all = Y.mergeUpdates(queue.map((r) => r.update));
    this.broadcast(this.exceptPaused(authors), EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, all));
    // The other nodes get it now, before the commit; the rows' ids follow (committed()).
    this.peers.updates(this.name, this.turnTag, all);
    if (authors.length === 1) return;
    for (const author of authors) {
      const conn = this.connections.get(author);
      if (!conn || this.paused.has(author)) continue;
      const others = queue.filter((r) => r.from !== author).map((r) => r.update);
      conn.send(EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, Y.mergeUpdates(others)));
    }
  }

  /**
   * Applies a connection's update to the document, validating every transaction it causes
   * before anything else sees them; throws `malformed` (the document put back as it was) if bad.
   */
  private applyChecked(update: Uint8Array, conn: Connection): void {
    const doc = this.doc;
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
   * After a refused update: the document is rebuilt from the backup, as it was before, and
   * replaces the one the update reached (whose changes no one has seen).
   */
  private restore(): void {
    const backup = this.backup!;
    const refused = this.live!;
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      Y.applyUpdate(doc, backup.state);
      for (const update of backup.updates) Y.applyUpdate(doc, update);
    }, 'load');
    this.attach(doc);
    this.projection.follow(doc);
    this.syncReplies.clear();
    this.fullReply = null;
    this.stateVectorMessage = null;
    refused.destroy();
  }

  private applyAwareness(conn: Connection, update: Uint8Array): void {
    // As others will see it: the account's name and colour, for this connection's own client id.
    const vouched = vouchedAwareness(update, conn, (clientId) => this.ownerOfAwarenessClient(clientId));
    conn.awarenessClients.add(vouched.clientId);
    applyAwarenessUpdate(this.awareness, vouched.update, conn.id);
  }

  private ownerOfAwarenessClient(clientId: number): string | null {
    for (const c of this.connections.values()) if (c.awarenessClients.has(clientId)) return c.id;
    return null;
  }

  /**
   * A change made by the server itself (a gate's conditions becoming milestones, say), as
   * `userId`: applied, relayed to the room, committed to the log before this resolves.
   */
  async applyServerChange(change: (doc: Y.Doc) => void, userId: string | null): Promise<void> {
    const update = this.transactAndRelay(() => change(this.doc), { userId });
    if (!update) return;
    const tag = `${NODE_TAG}:${++turns}`;
    this.peers.updates(this.name, tag, update);
    const id = await this.store.append(this.name, update, userId);
    this.committed(id, update, tag);
  }

  /** A log row of ours is committed: count it, tell the other nodes, compact if it is time. */
  private committed(id: number, update: Uint8Array, tag: string): void {
    this.known.add(id);
    this.heldMax = Math.max(this.heldMax, id);
    this.logRows += 1;
    this.logBytes += update.byteLength;
    this.maybeCompact();
    if (this.peers === NO_PEERS) return;
    const ids = this.unannounced.get(tag);
    if (ids) ids.push(id);
    else this.unannounced.set(tag, [id]);
    // The commits of one group commit resolve together: announce them in one message.
    if (this.unannounced.size === 1 && !ids) setImmediate(() => this.announce());
  }

  private announce(): void {
    const rows = [...this.unannounced];
    this.unannounced = new Map();
    if (rows.length && !this.closed) this.peers.committed(this.name, rows);
  }

  /**
   * Updates another node applied, under `tag`: applied here and relayed to this node's
   * connections. If they depend on something this node lacks, the database is read at once.
   */
  applyRemote(tag: string, update: Uint8Array): void {
    if (this.closed) return;
    this.applyRows([{ id: -1, data: update }]);
    this.heardTags.add(tag);
    if (this.heardTags.size > MAX_HEARD_TAGS) this.heardTags.delete(this.heardTags.values().next().value!);
    this.unconfirmed.set(tag, { update, heardAt: Date.now(), waiters: [], writing: false });
    this.scheduleTakeOver();
    const missing = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    if (missing) void this.catchUp();
  }

  /**
   * The rows another node's updates became. Those whose update was applied here are held; if
   * one was never heard (a lost message), the database is read at once.
   */
  noteRemoteRows(rows: [tag: string, ids: number[]][]): void {
    if (this.closed) return;
    let lost = false;
    for (const [tag, ids] of rows) {
      if (!this.heardTags.has(tag)) {
        lost = true;
        continue;
      }
      for (const id of ids) if (id > this.through) this.known.add(id);
      this.heldMax = maxId(this.heldMax, ids);
      this.confirm(tag);
    }
    if (lost) void this.catchUp();
  }

  /** A tag's updates are in the log: acks waiting for them go out. */
  private confirm(tag: string): void {
    const entry = this.unconfirmed.get(tag);
    if (!entry) return;
    this.unconfirmed.delete(tag);
    for (const wake of entry.waiters) wake();
  }

  /** Resolves once every other node's update applied here so far is in the log. */
  private othersCommitted(): Promise<void> {
    if (this.unconfirmed.size === 0) return Promise.resolve();
    const entries = [...this.unconfirmed.values()];
    return Promise.all(entries.map((e) => new Promise<void>((wake) => e.waiters.push(wake)))).then(
      () => undefined,
    );
  }

  /** Arms the timer for the oldest unconfirmed updates' grace to run out. */
  private scheduleTakeOver(): void {
    if (this.takeOverTimer || this.closed) return;
    for (const entry of this.unconfirmed.values()) {
      if (entry.writing) continue;
      const grace = this.options.remoteCommitGraceMs;
      const wait = Math.max(0, entry.heardAt + grace - Date.now());
      this.takeOverTimer = setTimeout(() => {
        this.takeOverTimer = null;
        this.takeOver(Date.now() - grace);
      }, wait);
      this.takeOverTimer.unref();
      return;
    }
  }

  /**
   * Appends to the log the other nodes' updates heard before `heardBefore` whose rows never
   * came (their node died before committing, most likely), announced under their tags.
   */
  private takeOver(heardBefore: number): Promise<void> {
    const due = [...this.unconfirmed].filter(([, e]) => !e.writing && e.heardAt <= heardBefore);
    if (due.length)
      this.log.warn(
        { doc: this.name, updates: due.length },
        "another node's updates were not committed; committing them here",
      );
    const writes = due.map(async ([tag, entry]) => {
      entry.writing = true;
      try {
        const id = await this.store.append(this.name, entry.update, null);
        this.committed(id, entry.update, tag);
        this.confirm(tag);
      } catch (err) {
        this.log.error({ err, doc: this.name }, "could not commit another node's updates; trying again");
        entry.writing = false;
        entry.heardAt = Date.now();
      }
    });
    this.scheduleTakeOver();
    return Promise.all(writes).then(() => this.scheduleTakeOver());
  }

  /** Presence from another node's connections. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.closed) return;
    applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** The rows this room's copy holds up to (every row at or below it, whatever the document). */
  get heldThrough(): number {
    return this.through;
  }

  /**
   * Checks the copy against the document's log rows above `heldThrough` as read at `through`:
   * false if some are missing (the caller then catches up); else the copy holds every row up
   * to `through`, which becomes its mark.
   */
  holdsAll(ids: readonly number[], through: number): boolean {
    if (ids.some((id) => id > this.through && !this.known.has(id))) return false;
    this.through = Math.max(this.through, through);
    for (const id of this.known) if (id <= this.through) this.known.delete(id);
    return true;
  }

  /**
   * Reads the document's log rows this node does not hold yet (another node's, whatever the
   * way they were missed) and applies them. Calls made while one runs are served by one more.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const run = async () => {
      do {
        this.catchUpAgain = false;
        const { rows, through } = await this.store.since(this.name, this.through, this.known);
        if (this.closed) return;
        if (rows.length) {
          this.log.debug({ doc: this.name, rows: rows.length }, 'caught up with the database');
          this.applyRows(rows);
        }
        this.through = Math.max(this.through, through);
        for (const id of this.known) if (id <= this.through) this.known.delete(id);
      } while (this.catchUpAgain && !this.closed);
    };
    this.catchingUp = run()
      .catch((err) => this.log.error({ err, doc: this.name }, 'could not catch up with the database'))
      .finally(() => {
        this.catchingUp = null;
      });
    return this.catchingUp;
  }

  /** Applies committed rows from elsewhere in one transaction, and relays what they changed. */
  private applyRows(rows: LogRow[]): void {
    const doc = this.doc;
    this.transactAndRelay(() => {
      for (const row of rows) Y.applyUpdate(doc, row.data, REMOTE);
    }, REMOTE);
    this.heldMax = maxId(
      this.heldMax,
      rows.map((r) => r.id),
    );
  }

  /**
   * Runs `change` in one transaction of the document and relays to the whole room what it
   * changed (the update, as Yjs encodes it, is only listened for here); returns that update.
   */
  private transactAndRelay(change: () => void, origin: unknown): Uint8Array | null {
    const updates: Uint8Array[] = [];
    const capture = (u: Uint8Array, o: unknown) => {
      if (o === origin) updates.push(u);
    };
    const doc = this.doc;
    doc.on('update', capture);
    try {
      doc.transact(change, origin);
    } finally {
      doc.off('update', capture);
    }
    if (updates.length === 0) return null;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    this.backUp(update);
    this.broadcast(this.exceptPaused(null), EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, update));
    return update;
  }

  /** Changes (or withdraws) a connection's access after a role change. */
  reauthorise(connId: string, access: DocAccess | null, roles: Role[] = []): void {
    const conn = this.connections.get(connId);
    if (!conn) return;
    conn.roles = roles;
    if (access === null) {
      this.leave(connId);
      conn.send(EVENTS.access, this.name, {
        access: null,
        error: { code: 'forbidden', message: 'You no longer have access to this project' },
      });
      return;
    }
    if (access !== conn.access) {
      conn.access = access;
      conn.send(EVENTS.access, this.name, { access });
    }
  }

  private maybeCompact(): void {
    if (this.compacting || this.closed) return;
    if (this.logRows < this.options.compactRows && this.logBytes < this.options.compactBytes) return;
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
      // Rows committed while it ran may have reached the threshold again.
      this.maybeCompact();
    });
  }

  /** Resolves once no compaction is under way (one started meanwhile included). */
  async compacted(): Promise<void> {
    while (this.compacting) await this.compacting;
  }

  /**
   * Folds the log rows the document holds into a new snapshot, in one transaction: first reads
   * any row it lacks, so that the snapshot holds every row up to `through`.
   */
  async compact(): Promise<void> {
    try {
      await this.catchUp();
      if (this.closed) return;
      const [rows, bytes] = [this.logRows, this.logBytes];
      const written = await this.store.compact(this.name, this.encodeState(), this.through);
      this.logRows -= rows;
      this.logBytes -= bytes;
      if (!written) this.log.debug({ doc: this.name }, 'another node had compacted further');
    } catch (err) {
      this.log.error({ err, doc: this.name }, 'compaction failed; the log is kept as it is');
    }
  }

  /** Flushes what can be flushed and frees the documents, even if a write fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.takeOverTimer) clearTimeout(this.takeOverTimer);
    if (this.dormancyTimer) clearTimeout(this.dormancyTimer);
    if (this.syncRepliesExpiry) clearTimeout(this.syncRepliesExpiry);
    for (const { timer } of this.owed.values()) if (timer) clearTimeout(timer);
    this.owed.clear();
    try {
      // Other nodes' updates still unconfirmed are committed here before the copy goes.
      await this.takeOver(Number.POSITIVE_INFINITY);
      await this.store.flush();
      await this.compacting;
      // With its mark: the next load finds the rows reflect the log, and the room loads dormant.
      await this.projection.flush(true);
    } catch (err) {
      this.log.error({ err, doc: this.name }, 'could not flush a document before unloading it');
    } finally {
      this.projection.stop();
      this.awareness.destroy();
      this.live?.destroy();
      this.backup = null;
    }
  }
}
