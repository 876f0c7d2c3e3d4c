/**
 * The browser side of the collaboration protocol (docs/protocol.md): a Yjs provider over one
 * Socket.IO connection shared by every open document.
 *
 * Every local update stays in `pending` until the server acknowledges it (acks mean
 * "committed to the database"). On (re)join the server sends its state vector; we answer with
 * everything it lacks, which covers every pending update and edits made offline (restored
 * from IndexedDB by the caller), and clear them once that answer is acknowledged.
 * The UI reads `state`: saved only when nothing is waiting.
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocAccess } from '../../shared/permissions.ts';
import {
  type AccessChange,
  type Ack,
  type AckError,
  type Decoded,
  DOC_EVENTS,
  decodeMessage,
  encodeAwareness,
  encodeSync,
  MalformedMessage,
  RETRY_LATER_CODES,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  type WireBytes,
} from '../../shared/protocol/index.ts';
import { type EarlyJoin, takeEarlyJoin } from './early-join.ts';
import { markOnce } from './marks.ts';
import type { AppSocket } from './socket.ts';

export type Access = DocAccess;
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving'; pending: number }
  | { kind: 'offline'; pending: number }
  | { kind: 'connecting'; pending: number };

export type ProviderError = AckError;

/** Other 'update' listeners of the document, detached while the first sync applies. */
export interface FirstSyncHooks {
  mute(): void;
  unmute(): void;
}

interface Listeners {
  state: (state: SaveState) => void;
  access: (access: Access | null) => void;
  synced: () => void;
  error: (error: ProviderError) => void;
}

const RETRY_MS = 1500;

export class DocProvider {
  readonly awareness: Awareness;
  access: Access | null = null;
  /** the server's refusal of the last join, kept for a room that starts listening after it */
  refusal: ProviderError | null = null;
  synced = false;
  state: SaveState = { kind: 'connecting', pending: 0 };
  private pending: Uint8Array[] = [];
  /** updates covered by a message in flight, cleared when it is acknowledged */
  private inFlight = new Set<Uint8Array>();
  /** messages sent with an ack not yet received (on this connection) */
  private awaiting = 0;
  private joined = false;
  private destroyed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners: { [K in keyof Listeners]: Set<Listeners[K]> } = {
    state: new Set(),
    access: new Set(),
    synced: new Set(),
    error: new Set(),
  };
  private readonly off: (() => void)[] = [];

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    this.pending.push(update);
    this.sendPending();
    this.refreshState();
  };

  constructor(
    readonly doc: Y.Doc,
    readonly docName: string,
    private readonly socket: AppSocket,
    private readonly options: { awareness?: Awareness; firstSync?: FirstSyncHooks } = {},
  ) {
    this.awareness = options.awareness ?? new Awareness(doc);
    doc.on('update', this.onUpdate);
    this.off.push(() => doc.off('update', this.onUpdate));

    const onAwareness = ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this || !this.joined) return;
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])].filter(
        (id) => id === doc.clientID,
      );
      if (changed.length) this.emitMessage(encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)));
    };
    this.awareness.on('update', onAwareness);
    this.off.push(() => this.awareness.off('update', onAwareness));

    const onMessage = (name: string, message: WireBytes) => {
      if (name === this.docName) this.receive(new Uint8Array(message));
    };
    const onAccess = (name: string, body: AccessChange) => {
      if (name === this.docName) this.accessChanged(body);
    };
    const onConnect = () => this.join();
    const onDisconnect = () => {
      this.joined = false;
      this.synced = false;
      this.inFlight.clear();
      this.awaiting = 0;
      const others = [...this.awareness.getStates().keys()].filter((id) => id !== doc.clientID);
      removeAwarenessStates(this.awareness, others, this);
      this.refreshState();
    };
    socket.on(DOC_EVENTS.msg, onMessage);
    socket.on(DOC_EVENTS.access, onAccess);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    this.off.push(() => {
      socket.off(DOC_EVENTS.msg, onMessage);
      socket.off(DOC_EVENTS.access, onAccess);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    });
    // The app may have sent the join already, before this provider's code had loaded.
    const early = takeEarlyJoin(socket, docName);
    if (early) this.adopt(early);
    else if (socket.connected) this.join();
    this.refreshState();
  }

  on<K extends keyof Listeners>(event: K, listener: Listeners[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  /** How many local changes are not yet acknowledged. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Resolves once every local change is acknowledged (or rejects after `timeoutMs`). */
  whenSaved(timeoutMs = 10_000): Promise<void> {
    if (this.state.kind === 'saved') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`not saved after ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.on('state', (s) => {
        if (s.kind !== 'saved') return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  }

  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.joined) {
      removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
      this.socket.emit(DOC_EVENTS.leave, this.docName);
    }
    for (const off of this.off) off();
    this.joined = false;
  }

  private join(): void {
    markOnce(`jalon:join ${this.docName}`);
    this.socket.emit(DOC_EVENTS.join, this.docName, (ack) => this.joinAnswered(ack));
  }

  /** Goes on from a join sent before this provider existed: its answer, then what followed. */
  private adopt(early: EarlyJoin): void {
    early.whenAnswered((answer) => {
      this.joinAnswered(answer, early.askedForAll);
      if (this.destroyed) return;
      for (const [event, , body] of early.messages) {
        if (event === DOC_EVENTS.msg) this.receive(new Uint8Array(body as WireBytes));
        else if (event === DOC_EVENTS.access) this.accessChanged(body as AccessChange);
      }
    });
  }

  /** `askedForAll`: the step 1 of an empty document went out already (see early-join.ts) */
  private joinAnswered(ack: Ack, askedForAll = false): void {
    if (this.destroyed) {
      // Closed while the server was answering: let go of the document there too.
      if (ack.ok && this.socket.connected) this.socket.emit(DOC_EVENTS.leave, this.docName);
      return;
    }
    if (!ack.ok) {
      this.refusal = ack.error;
      this.fail(ack.error);
      this.setAccess(null);
      return;
    }
    this.refusal = null;
    this.joined = true;
    this.setAccess(ack.access ?? 'view');
    // Ask for what we lack (unless the whole document is on its way already, and we have
    // nothing yet); the server's own step 1 will ask us for what it lacks.
    if (!askedForAll || this.doc.store.clients.size > 0)
      this.emitMessage(encodeSync(SYNC_STEP1, Y.encodeStateVector(this.doc)));
    if (this.awareness.getLocalState() !== null)
      this.emitMessage(encodeAwareness(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    this.refreshState();
  }

  private accessChanged(body: AccessChange): void {
    this.setAccess(body.access);
    if (body.error) this.fail(body.error);
  }

  private receive(message: Uint8Array): void {
    let decoded: Decoded;
    try {
      decoded = decodeMessage(message);
    } catch (err) {
      // A message this client cannot read (one of a type it does not know) is skipped, as
      // y-websocket's providers do: the server's own are always well formed.
      if (err instanceof MalformedMessage) return;
      throw err;
    }
    if (decoded.kind === 'awareness') {
      applyAwarenessUpdate(this.awareness, decoded.update, this);
    } else if (decoded.kind === 'sync-step1') {
      // Everything the server lacks: it covers all pending updates, so they ride on this one.
      if (this.access === 'edit') {
        const covered = [...this.pending];
        this.sendCovering(
          encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, decoded.stateVector)),
          covered,
        );
      } else this.pending = [];
      this.refreshState();
    } else {
      const firstSync = decoded.kind === 'sync-step2' && !this.synced;
      if (firstSync) this.applyFirstSync(decoded.update);
      else Y.applyUpdate(this.doc, decoded.update, this);
      if (firstSync) {
        markOnce(`jalon:synced ${this.docName}`);
        this.synced = true;
        for (const l of this.listeners.synced) l();
      }
    }
  }

  /**
   * The first sync brings the whole document (hundreds of KB for a large project), and Yjs
   * encodes every applied change once more for the document's 'update' listeners. None needs
   * this one: this provider skips its own echoes, and the device copy stores the whole state
   * afterwards (`firstSync`). So they are detached while it applies, and Yjs encodes nothing.
   */
  private applyFirstSync(payload: Uint8Array): void {
    this.doc.off('update', this.onUpdate);
    this.options.firstSync?.mute();
    try {
      Y.applyUpdate(this.doc, payload, this);
    } finally {
      this.doc.on('update', this.onUpdate);
      this.options.firstSync?.unmute();
    }
  }

  private sendPending(): void {
    if (!this.joined || this.access !== 'edit') return;
    const unsent = this.pending.filter((u) => !this.inFlight.has(u));
    if (unsent.length === 0) return;
    const update = unsent.length === 1 ? unsent[0]! : Y.mergeUpdates(unsent);
    this.sendCovering(encodeSync(SYNC_UPDATE, update), unsent);
  }

  /** `message`: a framed sync message (step 2 or update) carrying every update in `covered` */
  private sendCovering(message: Uint8Array, covered: Uint8Array[]): void {
    for (const u of covered) this.inFlight.add(u);
    this.awaiting++;
    const connection = this.socket.id;
    this.socket.emit(DOC_EVENTS.msg, this.docName, message, (ack: Ack) => {
      if (this.socket.id !== connection) return; // an answer from a connection since lost
      this.awaiting = Math.max(0, this.awaiting - 1);
      for (const u of covered) this.inFlight.delete(u);
      if (ack.ok) {
        const done = new Set(covered);
        this.pending = this.pending.filter((u) => !done.has(u));
      } else if (RETRY_LATER_CODES.includes(ack.error.code)) {
        this.retryLater();
      } else {
        // Refused for good (forbidden, malformed, too large): keeping it would block the queue.
        const dropped = new Set(covered);
        this.pending = this.pending.filter((u) => !dropped.has(u));
        this.fail(ack.error);
      }
      this.refreshState();
    });
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        this.sendPending();
      },
      RETRY_MS * (0.5 + Math.random()),
    );
  }

  private emitMessage(message: Uint8Array): void {
    if (this.socket.connected) this.socket.emit(DOC_EVENTS.msg, this.docName, message);
  }

  private setAccess(access: Access | null): void {
    if (access === this.access) return;
    this.access = access;
    for (const l of this.listeners.access) l(access);
  }

  private fail(error: ProviderError): void {
    for (const l of this.listeners.error) l(error);
  }

  private refreshState(): void {
    const pending = this.pending.length;
    const next: SaveState = !this.socket.connected
      ? { kind: 'offline', pending }
      : !this.joined
        ? { kind: 'connecting', pending }
        : pending > 0 || this.awaiting > 0
          ? { kind: 'saving', pending }
          : { kind: 'saved' };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const l of this.listeners.state) l(next);
  }
}
