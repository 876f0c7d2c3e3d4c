/**
 * One open project document and the connections editing it: the rules of the room.
 *
 * An update is first applied to a shadow copy and validated there (shape, values, missing
 * dependencies); only then is it applied to the real document, relayed to the room at once,
 * and appended to the log. The author's ack waits for the commit. A refused update touches
 * neither the document nor anyone else.
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

/** Sends to every connection in the room but one (the transport encodes the message once). */
export type Broadcast = (except: string | null, event: string, ...args: unknown[]) => void;

export interface RoomOptions {
  /** compact once the log holds this many rows or bytes */
  compactRows: number;
  compactBytes: number;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = { compactRows: 500, compactBytes: 1024 * 1024 };

const MAX_AWARENESS_STATE_BYTES = 16 * 1024;

export class DocRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly connections = new Map<string, Connection>();
  /** a copy of `doc` on which each incoming update is tried and validated first */
  private shadow = new Y.Doc({ gc: true });
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
      // Updates from a connection were relayed raw already; loading relays nothing.
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

  /** Loads the latest snapshot and the log rows after it. */
  async load(): Promise<void> {
    const stored = await this.store.load(this.name);
    const updates = [stored.snapshot, ...stored.updates.map((u) => u.data)].filter(
      (u): u is Uint8Array => !!u,
    );
    const merged = updates.length ? Y.mergeUpdates(updates) : null;
    if (merged) {
      Y.applyUpdate(this.doc, merged, 'load');
      Y.applyUpdate(this.shadow, merged, 'load');
    }
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
    conn.send(EVENTS.msg, this.name, encodeSync(0, Y.encodeStateVector(this.doc)));
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
        conn.send(
          EVENTS.msg,
          this.name,
          encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, message.stateVector)),
        );
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
    // Relay at once, in the framing peers expect; the author's ack waits for the commit.
    this.broadcast(conn.id, EVENTS.msg, this.name, raw ?? encodeSync(SYNC_UPDATE, update));
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

  /** Applies the update to the shadow copy and validates it there; throws `malformed` if bad. */
  private checkOnShadow(update: Uint8Array): void {
    let problem: string | null = null;
    try {
      const problems = applyAndValidate(this.shadow, update, 'check');
      const store = this.shadow.store;
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

  private rebuildShadow() {
    this.shadow.destroy();
    this.shadow = new Y.Doc({ gc: true });
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc), 'load');
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
    Y.applyUpdate(this.shadow, update, 'server');
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
      this.shadow.destroy();
    }
  }
}
