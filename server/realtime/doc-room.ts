/**
 * One open project document and the connections editing it: the rules of the room.
 *
 * An update is first applied to a shadow copy and validated there (shape, values, missing
 * dependencies); only then is it applied to the real document, relayed to the room at once,
 * and appended to the log. The author's ack waits for the commit. A refused update touches
 * neither the document nor anyone else.
 *
 * Costs that grow with the room are paid once: the updates applied while handling one batch
 * of socket reads are relayed as one merged update (one encoding for the whole room), and the
 * sync reply (step 2) for a given state vector is computed once per document version and
 * shared by everyone who joins with it. The shadow copy exists only once someone writes.
 */

import * as decoding from 'lib0/decoding';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyAndValidate } from '../../shared/doc/index.ts';
import type { DocAccess, Role } from '../../shared/permissions.ts';
import type { Actor } from '../auth/actor.ts';
import type { Logger } from '../log.ts';
import type { DocStore } from './doc-store.ts';
import type { Projection } from './projection.ts';
import {
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
  /** awareness client ids this connection speaks for */
  awarenessClients: Set<number>;
  send(event: string, ...args: unknown[]): void;
}

/** Sends to every connection in the room but `except` (the transport encodes the message once). */
export type Broadcast = (except: string | string[] | null, event: string, ...args: unknown[]) => void;

export interface RoomOptions {
  /** compact once the log holds this many rows or bytes */
  compactRows: number;
  compactBytes: number;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = { compactRows: 500, compactBytes: 1024 * 1024 };

const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** distinct state vectors whose sync reply is kept for the current version of the document */
const MAX_CACHED_SYNC_REPLIES = 8;

interface QueuedRelay {
  from: string;
  update: Uint8Array;
  /** the message as the author framed it, relayed as is when it travels alone */
  framed: Uint8Array | null;
}

export class DocRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly connections = new Map<string, Connection>();
  /** a copy of `doc` on which each incoming update is tried and validated first (made on first write) */
  private shadow: Y.Doc | null = null;
  /** updates applied in this turn of the event loop, relayed together at its end */
  private relayQueue: QueuedRelay[] = [];
  private relayScheduled = false;
  /** this version's sync replies by requesting state vector, and its own state vector message */
  private syncReplies = new Map<string, Uint8Array>();
  private stateVectorMessage: Uint8Array | null = null;
  /** log rows this room's document contains, not yet absorbed into a snapshot */
  private coveredIds: number[] = [];
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
  ) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.doc.on('afterTransaction', (tr: Y.Transaction) => this.projection.noteTransaction(tr));
    // Updates made on the server (not relayed raw from a connection) reach the room here.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // A new version: what was computed for the previous one no longer holds.
      this.syncReplies.clear();
      this.stateVectorMessage = null;
      // Updates from a connection are relayed by applyUpdate; loading relays nothing.
      if (origin === 'load' || (origin !== null && typeof origin === 'object' && 'actor' in origin)) return;
      this.broadcast(null, EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      if (changed.length === 0) return;
      const except = typeof origin === 'string' ? origin : null;
      this.broadcast(
        except,
        EVENTS.msg,
        this.name,
        encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)),
      );
    });
  }

  /**
   * Loads the latest snapshot and the log rows after it, applied in one transaction (far
   * cheaper than merging thousands of small updates first).
   */
  async load(): Promise<void> {
    const stored = await this.store.load(this.name);
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, 'load');
      for (const u of stored.updates) Y.applyUpdate(this.doc, u.data, 'load');
    }, 'load');
    this.coveredIds = stored.updates.map((u) => u.id);
    this.logBytes = stored.updates.reduce((n, u) => n + u.data.byteLength, 0);
    await this.projection.start(this.doc);
  }

  get isEmpty() {
    return this.connections.size === 0;
  }

  /** After `doc:join` succeeds: send our state vector (sync step 1) and current presence. */
  join(conn: Connection): void {
    this.connections.set(conn.id, conn);
    this.stateVectorMessage ??= encodeSync(SYNC_STEP1, Y.encodeStateVector(this.doc));
    conn.send(EVENTS.msg, this.name, this.stateVectorMessage);
    const states = [...this.awareness.getStates().keys()];
    if (states.length)
      conn.send(EVENTS.msg, this.name, encodeAwareness(encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(connId: string): void {
    const conn = this.connections.get(connId);
    if (!conn) return;
    this.connections.delete(connId);
    if (conn.awarenessClients.size) removeAwarenessStates(this.awareness, [...conn.awarenessClients], connId);
  }

  /** Handles one decoded `doc:msg` from a member of this room. */
  handle(conn: Connection, message: Decoded, raw: Uint8Array, ack?: AckFn): void {
    switch (message.kind) {
      case 'sync-step1': {
        conn.send(EVENTS.msg, this.name, this.syncReply(message.stateVector));
        ack?.({ ok: true });
        return;
      }
      case 'sync-step2':
      case 'sync-update': {
        this.applyUpdate(conn, message.update, message.kind === 'sync-update' ? raw : null, ack);
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
    this.checkOnShadow(update);
    Y.applyUpdate(this.doc, update, conn);
    // Relayed at the end of this turn, with the others of the same turn; the ack waits for the commit.
    this.queueRelay({ from: conn.id, update, framed: raw });
    this.store.append(this.name, update, conn.actor.id).then(
      (id) => {
        this.coveredIds.push(id);
        this.logBytes += update.byteLength;
        ack?.({ ok: true });
        this.maybeCompact();
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

  /** The step 2 answering `stateVector`, computed once per version of the document. */
  private syncReply(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString(
      'latin1',
    );
    let reply = this.syncReplies.get(key);
    if (!reply) {
      reply = encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, stateVector));
      if (this.syncReplies.size >= MAX_CACHED_SYNC_REPLIES) this.syncReplies.clear();
      this.syncReplies.set(key, reply);
    }
    return reply;
  }

  private queueRelay(relay: QueuedRelay): void {
    this.relayQueue.push(relay);
    if (this.relayScheduled) return;
    this.relayScheduled = true;
    // After every message already read from the sockets in this turn has been applied.
    setImmediate(() => this.flushRelays());
  }

  /**
   * Sends this turn's updates: alone, as the author framed it; several, as one merged update
   * to everyone who wrote none of them, and to each author the merge of the others'.
   */
  private flushRelays(): void {
    this.relayScheduled = false;
    const queue = this.relayQueue;
    this.relayQueue = [];
    if (queue.length === 0 || this.closed) return;
    if (queue.length === 1) {
      const only = queue[0]!;
      this.broadcast(only.from, EVENTS.msg, this.name, only.framed ?? encodeSync(SYNC_UPDATE, only.update));
      return;
    }
    const authors = [...new Set(queue.map((r) => r.from))];
    const merged = encodeSync(SYNC_UPDATE, Y.mergeUpdates(queue.map((r) => r.update)));
    this.broadcast(authors, EVENTS.msg, this.name, merged);
    if (authors.length === 1) return;
    for (const author of authors) {
      const conn = this.connections.get(author);
      if (!conn) continue;
      const others = queue.filter((r) => r.from !== author).map((r) => r.update);
      conn.send(EVENTS.msg, this.name, encodeSync(SYNC_UPDATE, Y.mergeUpdates(others)));
    }
  }

  /** The shadow copy, made from the document on first use. */
  private shadowDoc(): Y.Doc {
    if (!this.shadow) {
      this.shadow = new Y.Doc({ gc: true });
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc), 'load');
    }
    return this.shadow;
  }

  /** Applies the update to the shadow copy and validates it there; throws `malformed` if bad. */
  private checkOnShadow(update: Uint8Array): void {
    let problem: string | null = null;
    try {
      const shadow = this.shadowDoc();
      const problems = applyAndValidate(shadow, update, 'check');
      const store = shadow.store;
      if (store.pendingStructs || store.pendingDs)
        problem = 'The update depends on changes the server does not have';
      else if (problems.length) {
        const first = problems[0]!;
        problem = `Invalid document content at ${first.path}: ${first.message}`;
      }
    } catch {
      problem = 'The update could not be decoded';
    }
    if (problem) {
      this.rebuildShadow();
      throw new Refusal('malformed', problem);
    }
  }

  /** After a refused update: the next write starts from a fresh copy of the document. */
  private rebuildShadow() {
    this.shadow?.destroy();
    this.shadow = null;
  }

  private applyAwareness(conn: Connection, update: Uint8Array): void {
    // Check every entry before applying any: a connection speaks only for its own user.
    const decoder = decoding.createDecoder(update);
    const entries: number[] = [];
    try {
      const count = decoding.readVarUint(decoder);
      if (count > 16) throw new Refusal('malformed', 'Too many awareness states in one message');
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder);
        decoding.readVarUint(decoder); // clock
        const json = decoding.readVarString(decoder);
        if (json.length > MAX_AWARENESS_STATE_BYTES)
          throw new Refusal('too_large', 'Awareness state too large');
        const state = JSON.parse(json) as { user?: { id?: unknown } } | null;
        if (state !== null && (typeof state !== 'object' || state.user?.id !== conn.actor.id))
          throw new Refusal('forbidden', 'Presence must be your own');
        const owner = this.ownerOfAwarenessClient(clientId);
        if (owner && owner !== conn.id)
          throw new Refusal('forbidden', 'That presence belongs to another connection');
        entries.push(clientId);
      }
    } catch (err) {
      if (err instanceof Refusal) throw err;
      throw new Refusal('malformed', 'Undecodable awareness update');
    }
    for (const id of entries) conn.awarenessClients.add(id);
    applyAwarenessUpdate(this.awareness, update, conn.id);
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
    const origin = { userId };
    const updates: Uint8Array[] = [];
    const capture = (u: Uint8Array, o: unknown) => {
      if (o === origin) updates.push(u);
    };
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc), origin);
    } finally {
      this.doc.off('update', capture);
    }
    if (updates.length === 0) return;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    // A shadow made later copies the document, which has this change already.
    if (this.shadow) Y.applyUpdate(this.shadow, update, 'server');
    const id = await this.store.append(this.name, update, userId);
    this.coveredIds.push(id);
    this.logBytes += update.byteLength;
    this.maybeCompact();
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
    if (this.coveredIds.length < this.options.compactRows && this.logBytes < this.options.compactBytes)
      return;
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
    });
  }

  /** Folds the log rows the document contains into a new snapshot, in one transaction. */
  async compact(): Promise<void> {
    const ids = this.coveredIds;
    if (ids.length === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.store.compact(this.name, state, ids);
      this.coveredIds = this.coveredIds.filter((id) => !ids.includes(id));
      this.logBytes = 0;
    } catch (err) {
      this.log.error({ err, doc: this.name }, 'compaction failed; the log is kept as it is');
    }
  }

  /** Flushes what can be flushed and frees the documents, even if a write fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.store.flush();
      await this.compacting;
      await this.projection.flush();
    } catch (err) {
      this.log.error({ err, doc: this.name }, 'could not flush a document before unloading it');
    } finally {
      this.projection.stop();
      this.awareness.destroy();
      this.doc.destroy();
      this.shadow?.destroy();
    }
  }
}
