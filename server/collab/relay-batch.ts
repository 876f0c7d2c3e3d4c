/**
 * How the room sends its document's changes to its connections. The updates applied while
 * handling one batch of socket reads are relayed as one merged update (one encoding for the
 * whole room). A connection whose socket is behind (server/realtime/backpressure.ts) is sent
 * nothing of the document until it drains, then what it missed as one sync reply; a reply it
 * asked for beyond its send budget is owed and sent once it may be.
 */
import * as Y from 'yjs';
import { DOC_EVENTS, encodeSync, SYNC_UPDATE } from '../../shared/protocol/index.ts';
import type { Broadcast, Connection } from './connection.ts';
import type { DocState } from './doc-state.ts';
import { newTag, type RoomPeers } from './peers.ts';
import type { SyncReplies } from './sync-replies.ts';

interface QueuedRelay {
  from: string;
  update: Uint8Array;
  /** the message as the author framed it, relayed as is when it travels alone */
  framed: Uint8Array | null;
}

export class RelayBatch {
  /** updates applied in this turn of the event loop, relayed together at its end */
  private queue: QueuedRelay[] = [];
  private scheduled = false;
  /** the tag of this turn's updates (published with them, then with their rows' ids) */
  private turnTag = '';
  /**
   * Sync replies owed, by connection: to one over its send budget that asked without an ack (sent
   * once it may; the latest request only), or to one paused; `vector` is what it holds for sure.
   */
  private owed = new Map<string, { vector: Uint8Array; timer: ReturnType<typeof setTimeout> | null }>();
  /** connections whose socket is behind: sent nothing of the document until resumed */
  private paused = new Set<string>();
  /** connections to pause once this turn's relay is out (what they were sent is then known) */
  private pausing: Set<string> | null = null;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly connections: ReadonlyMap<string, Connection>,
    private readonly broadcast: Broadcast,
    private readonly peers: RoomPeers,
    private readonly state: DocState,
    private readonly replies: SyncReplies,
  ) {}

  /** Whether updates wait for this turn's relay. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Queues an update from `from` for the relay at the end of this turn; returns the tag under
   * which this turn's updates go to the other nodes.
   */
  add(from: string, update: Uint8Array, framed: Uint8Array | null): string {
    this.queue.push({ from, update, framed });
    if (this.scheduled) return this.turnTag;
    this.scheduled = true;
    this.turnTag = newTag();
    // After every message already read from the sockets in this turn has been applied.
    setImmediate(() => this.flush());
    return this.turnTag;
  }

  /**
   * Sends this turn's updates: alone, as the author framed it; several, as one merged update
   * to everyone who wrote none of them, and to each author the merge of the others'.
   */
  private flush(): void {
    this.send();
    const pausing = this.pausing;
    this.pausing = null;
    if (pausing) for (const connId of pausing) this.pause(connId);
  }

  private send(): void {
    this.scheduled = false;
    const queue = this.queue;
    this.queue = [];
    if (queue.length === 0 || this.closed) return;
    if (queue.length === 1) {
      const only = queue[0]!;
      this.broadcast(
        this.exceptPaused(only.from),
        DOC_EVENTS.msg,
        this.name,
        only.framed ?? encodeSync(SYNC_UPDATE, only.update),
      );
      this.peers.updates(this.name, this.turnTag, only.update);
      return;
    }
    const authors = [...new Set(queue.map((r) => r.from))];
    const all = Y.mergeUpdates(queue.map((r) => r.update));
    this.broadcast(this.exceptPaused(authors), DOC_EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, all));
    // The other nodes get it now, before the commit; the rows' ids follow (peer-sync.ts).
    this.peers.updates(this.name, this.turnTag, all);
    if (authors.length === 1) return;
    for (const author of authors) {
      const conn = this.connections.get(author);
      if (!conn || this.paused.has(author)) continue;
      const others = queue.filter((r) => r.from !== author).map((r) => r.update);
      conn.send(DOC_EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, Y.mergeUpdates(others)));
    }
  }

  /** `except`, and the paused connections (no work while none is). */
  exceptPaused(except: string | string[] | null): string | string[] | null {
    if (this.paused.size === 0) return except;
    const all = [...this.paused];
    return except === null ? all : all.concat(except);
  }

  isPaused(connId: string): boolean {
    return this.paused.has(connId);
  }

  /** Owes `conn` the reply to `vector` (`latest`: replacing one owed already), sent once it may be. */
  owe(conn: Connection, vector: Uint8Array, latest: boolean): void {
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
  settle(connId: string): void {
    const conn = this.connections.get(connId);
    const entry = this.owed.get(connId);
    if (!conn || !entry || this.closed || this.paused.has(connId)) return;
    if (!conn.limits.mayRequest(this.name)) {
      this.settleLater(conn);
      return;
    }
    this.owed.delete(connId);
    this.replies.send(conn, entry.vector);
  }

  /**
   * Stops sending a connection anything of the document: its socket is behind. What it holds
   * for sure is noted (after this turn's relay, if one is due, so that the note covers what it
   * was sent), for the resync once it drains.
   */
  pause(connId: string): void {
    if (!this.connections.has(connId) || this.paused.has(connId)) return;
    if (this.scheduled) {
      this.pausing ??= new Set();
      this.pausing.add(connId);
      return;
    }
    this.paused.add(connId);
    // A reply already owed is to what the client itself said it holds: that stays the mark.
    if (!this.owed.has(connId)) this.owed.set(connId, { vector: this.state.stateVector(), timer: null });
  }

  /** Its socket has drained; returns whether it was paused (it is then owed a resync). */
  resume(connId: string): boolean {
    this.pausing?.delete(connId);
    return this.paused.delete(connId);
  }

  /** A connection left: nothing is owed to it any more. */
  forget(connId: string): void {
    this.paused.delete(connId);
    this.pausing?.delete(connId);
    const owed = this.owed.get(connId);
    if (owed?.timer) clearTimeout(owed.timer);
    this.owed.delete(connId);
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.owed.values()) if (timer) clearTimeout(timer);
    this.owed.clear();
  }
}
