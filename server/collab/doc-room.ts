/**
 * One open project document and the connections editing it: the rules of the room, and the
 * façade the transport uses. Each concern has a module of its own, coordinated here:
 *
 *   doc-state.ts      the document, awake or dormant (a room nobody writes to keeps no Y.Doc)
 *   checked-apply.ts  a connection's update validated as it applies, refused and rolled back if bad
 *   relay-batch.ts    one relay per turn of the event loop; paused connections and owed replies
 *   sync-replies.ts   answers to state vectors, computed once per version and shared
 *   presence.ts       awareness, as the server vouches for it
 *   peer-sync.ts      the other nodes' updates and rows, and repairing what was missed
 *   compactor.ts      folding the log into a snapshot
 *
 * An update from a connection: access and limits are checked, it is applied and validated, and
 * only a valid one is relayed (at the end of the turn, with the others of the same turn) and
 * appended to the log; the author's ack waits for the commit. A refused update reaches nobody.
 * Costs that grow with the room are paid once: one encoding of a turn's relay for everyone, one
 * sync reply per state vector and version.
 */
import type * as Y from 'yjs';
import type { DocAccess, Role } from '../../shared/permissions.ts';
import {
  type Ack,
  type AckFn,
  type Decoded,
  DOC_EVENTS,
  isEmptyUpdate,
} from '../../shared/protocol/index.ts';
import type { Logger } from '../log.ts';
import { CheckedApply } from './checked-apply.ts';
import { Compactor } from './compactor.ts';
import type { Broadcast, Connection } from './connection.ts';
import { DocState } from './doc-state.ts';
import type { DocStore } from './doc-store.ts';
import { PeerSync } from './peer-sync.ts';
import { NO_PEERS, newTag, type RoomPeers } from './peers.ts';
import { RoomPresence } from './presence.ts';
import type { Projection } from './projection.ts';
import { Refusal } from './refusal.ts';
import { RelayBatch } from './relay-batch.ts';
import { DEFAULT_ROOM_OPTIONS, type RoomOptions } from './room-options.ts';
import { SyncReplies } from './sync-replies.ts';

export class DocRoom {
  readonly connections = new Map<string, Connection>();
  private readonly state: DocState;
  private readonly replies: SyncReplies;
  private readonly relay: RelayBatch;
  private readonly presence: RoomPresence;
  private readonly checked: CheckedApply;
  private readonly peerSync: PeerSync;
  private readonly compactor: Compactor;
  private closed = false;

  constructor(
    readonly name: string,
    readonly projectId: string,
    private readonly store: DocStore,
    broadcast: Broadcast,
    private readonly projection: Projection,
    private readonly log: Logger,
    options: RoomOptions = DEFAULT_ROOM_OPTIONS,
    private readonly peers: RoomPeers = NO_PEERS,
  ) {
    this.state = new DocState(name, projection, log, options.dormantAfterMs, peers === NO_PEERS, {
      afterTransaction: (doc, tr) => this.checked.afterTransaction(doc, tr),
      woke: (state) => this.checked.startBackup(state),
      busy: () => this.compactor.busy || this.peerSync.busy || this.relay.pending,
      fellDormant: () => {
        this.checked.dropBackup();
        this.replies.reset();
      },
    });
    this.replies = new SyncReplies(name, this.state);
    this.relay = new RelayBatch(name, this.connections, broadcast, peers, this.state, this.replies);
    this.presence = new RoomPresence(name, this.connections, broadcast, peers, this.relay);
    this.checked = new CheckedApply(name, this.state, this.replies, this.relay, broadcast);
    this.peerSync = new PeerSync(
      name,
      store,
      log,
      peers,
      options.remoteCommitGraceMs,
      this.state,
      this.checked,
      (id, update, tag) => this.committed(id, update, tag),
    );
    this.compactor = new Compactor(name, store, log, options, this.state, this.peerSync);
  }

  get awareness() {
    return this.presence.awareness;
  }

  /** Loads the latest snapshot and the log rows after it (doc-state.ts: dormant or awake). */
  async load(): Promise<void> {
    const stored = await this.store.load(this.name);
    this.peerSync.loaded(stored.through);
    this.compactor.loaded(stored.updates);
    // A log this long was written elsewhere (another process, or before a crash): fold it now,
    // so that the next load reads one snapshot, whether or not anyone edits in between.
    if (this.state.load(stored)) this.compactor.maybeCompact();
  }

  /** The document, built first if the room is dormant: for writing to it. */
  get doc(): Y.Doc {
    return this.state.doc;
  }

  /** Whether the room holds no Y.Doc (doc-state.ts). */
  get isDormant(): boolean {
    return this.state.live === null;
  }

  /** The document's whole state, encoded (without building it if the room is dormant). */
  encodeState(): Uint8Array {
    return this.state.encodeState();
  }

  get isEmpty() {
    return this.connections.size === 0;
  }

  /** After `doc:join` succeeds: send our state vector (sync step 1) and current presence. */
  join(conn: Connection): void {
    this.connections.set(conn.id, conn);
    const stateVector = this.replies.stateVector();
    conn.send(DOC_EVENTS.msg, this.name, stateVector);
    conn.limits.charge(stateVector.byteLength + this.presence.sendTo(conn));
  }

  leave(connId: string): void {
    const conn = this.connections.get(connId);
    if (!conn) return;
    this.connections.delete(connId);
    this.relay.forget(connId);
    this.presence.forget(conn);
  }

  /** Handles one decoded `doc:msg` from a member of this room. */
  handle(conn: Connection, message: Decoded, raw: Uint8Array, ack?: AckFn): void {
    switch (message.kind) {
      case 'sync-step1': {
        if (this.relay.isPaused(conn.id)) {
          // Its socket is behind: the reply goes once it has drained.
          this.relay.owe(conn, message.stateVector, true);
        } else if (conn.limits.mayRequest(this.name)) {
          this.replies.send(conn, message.stateVector);
        } else if (ack) {
          throw new Refusal(
            'rate_limited',
            'Too much asked of the server in a short time: ask for the document again in a few seconds',
          );
        } else {
          // A client that asked without an ack would never hear a refusal: it is answered late.
          this.relay.owe(conn, message.stateVector, true);
        }
        ack?.({ ok: true });
        return;
      }
      case 'sync-step2': {
        // What we lack by our state vector, which counts other nodes' updates not committed
        // yet: the client may take its changes for saved only once those are in the log too.
        const othersCommitted = this.peerSync.othersCommitted();
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
        this.presence.apply(conn, message.update);
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
    this.checked.apply(update, conn);
    // Relayed at the end of this turn, with the others of the same turn; the ack waits for the commit.
    const tag = this.relay.add(conn.id, update, raw);
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
   * A change made by the server itself (a gate's conditions becoming milestones, say), as
   * `userId`: applied, relayed to the room, committed to the log before this resolves.
   */
  async applyServerChange(change: (doc: Y.Doc) => void, userId: string | null): Promise<void> {
    const update = this.checked.applyTrusted(() => change(this.state.doc), { userId });
    if (!update) return;
    const tag = newTag();
    this.peers.updates(this.name, tag, update);
    const id = await this.store.append(this.name, update, userId);
    this.committed(id, update, tag);
  }

  /** A log row of ours is committed: held, announced to the other nodes, counted for compaction. */
  private committed(id: number, update: Uint8Array, tag: string): void {
    this.peerSync.committed(id, tag);
    this.compactor.noteRow(update.byteLength);
  }

  /** Updates another node applied, under `tag` (peer-sync.ts). */
  applyRemote(tag: string, update: Uint8Array): void {
    if (!this.closed) this.peerSync.applyRemote(tag, update);
  }

  /** The rows another node's updates became (peer-sync.ts). */
  noteRemoteRows(rows: [tag: string, ids: number[]][]): void {
    if (!this.closed) this.peerSync.noteRemoteRows(rows);
  }

  /** Presence from another node's connections. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.closed) this.presence.applyRemote(update);
  }

  /** The rows this room's copy holds up to (every row at or below it, whatever the document). */
  get heldThrough(): number {
    return this.peerSync.heldThrough;
  }

  /** Whether the copy holds the document's rows `ids` read at `through` (peer-sync.ts). */
  holdsAll(ids: readonly number[], through: number): boolean {
    return this.peerSync.holdsAll(ids, through);
  }

  /** Reads and applies the document's log rows this node does not hold yet. */
  catchUp(): Promise<void> {
    return this.peerSync.catchUp();
  }

  /** Changes (or withdraws) a connection's access after a role change. */
  reauthorise(connId: string, access: DocAccess | null, roles: Role[] = []): void {
    const conn = this.connections.get(connId);
    if (!conn) return;
    conn.roles = roles;
    if (access === null) {
      this.leave(connId);
      conn.send(DOC_EVENTS.access, this.name, {
        access: null,
        error: { code: 'forbidden', message: 'You no longer have access to this project' },
      });
      return;
    }
    if (access !== conn.access) {
      conn.access = access;
      conn.send(DOC_EVENTS.access, this.name, { access });
    }
  }

  /** Stops sending a connection anything of the document: its socket is behind (relay-batch.ts). */
  pause(connId: string): void {
    this.relay.pause(connId);
  }

  /** Its socket has drained: the connection is sent what it missed, as a sync reply, and presence. */
  resume(connId: string): void {
    if (!this.relay.resume(connId)) return;
    const conn = this.connections.get(connId);
    if (!conn) return;
    this.presence.sendTo(conn);
    this.relay.settle(connId);
  }

  /** Resolves once no compaction is under way (one started meanwhile included). */
  compacted(): Promise<void> {
    return this.compactor.compacted();
  }

  /** Folds the log rows the document holds into a new snapshot (compactor.ts). */
  compact(): Promise<void> {
    return this.compactor.compact();
  }

  /** Flushes what can be flushed and frees the documents, even if a write fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.peerSync.close();
    this.state.close();
    this.replies.close();
    this.relay.close();
    this.compactor.close();
    try {
      // Other nodes' updates still unconfirmed are committed here before the copy goes.
      await this.peerSync.takeOver(Number.POSITIVE_INFINITY);
      await this.store.flush();
      await this.compactor.compacted();
      // With its mark: the next load finds the rows reflect the log, and the room loads dormant.
      await this.projection.flush(true);
    } catch (err) {
      this.log.error({ err, doc: this.name }, 'could not flush a document before unloading it');
    } finally {
      this.projection.stop();
      this.presence.destroy();
      this.state.destroy();
      this.checked.dropBackup();
    }
  }
}
