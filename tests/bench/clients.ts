/**
 * The two kinds of client the driver runs, behind one interface so that every scenario drives
 * both servers with the same workload.
 *
 * Jalon: socket.io-client speaking docs/protocol.md (join, answer the server's step 1, send our
 * step 1, wait for its step 2; every local update sent with an ack, which means "committed"),
 * authenticated as a real demo user by session cookie + Origin, like a browser.
 * Hocuspocus: its own provider (@hocuspocus/provider 3) over `ws`, several documents multiplexed
 * on one websocket; its "ack" is the server's SyncStatus reply (applied in memory, not stored).
 * Neither side sends presence (awareness), so both carry the same document traffic.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { APP_RECONNECTION, pauseAfterServerClose } from '../../client/realtime/reconnection.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';
import { socketParser } from '../../shared/socket-parser.ts';
import { now, waitFor } from './lib.ts';

export type Product = 'jalon' | 'hocuspocus';

export interface DocHandle {
  name: string;
  doc: Y.Doc;
  /** resolves at the first sync after joining */
  synced: Promise<void>;
  /** time (driver clock) of the latest completed sync, or null */
  lastSyncedAt: number | null;
  /** per local update: time from the change to its ack; filled as acks arrive */
  ackTimes: number[];
  /** refusals and failed acks */
  errors: string[];
}

export interface Conn {
  readonly product: Product;
  /** joins `name` on this connection; `doc` lets a test reuse a document */
  join(name: string): DocHandle;
  leave(name: string): void;
  close(): void;
  /** how many (re)connections this connection has made */
  connects: number;
  /** resolves once connected (bounded by `timeoutMs`) */
  ready(timeoutMs?: number): Promise<void>;
}

function connected(isUp: () => boolean, on: (fn: () => void) => void, timeoutMs: number): Promise<void> {
  if (isUp()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connection not established in time')), timeoutMs);
    on(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const SYNC = 0;
const STEP2 = 1;

export interface JalonAuth {
  url: string;
  cookie: string;
}

/** Signs in once per account (sign-in is rate limited, as in production) and returns the cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

interface JalonDoc extends DocHandle {
  resolveSynced: () => void;
  pendingSince: number[];
}

export class JalonConn implements Conn {
  readonly product = 'jalon' as const;
  readonly socket: Socket;
  private docs = new Map<string, JalonDoc>();
  connects = 0;

  /** false: record when the sync reply arrives without applying it (join storm) */
  private readonly apply: boolean;

  constructor(auth: JalonAuth, options: { apply?: boolean } = {}) {
    this.apply = options.apply ?? true;
    this.socket = io(auth.url, {
      parser: socketParser,
      transports: ['websocket'],
      ...APP_RECONNECTION,
      extraHeaders: { cookie: auth.cookie, origin: auth.url },
    });
    this.socket.on('connect', () => {
      this.connects++;
      for (const d of this.docs.values()) this.sendJoin(d);
    });
    // As the app does (client/realtime/socket.ts): a server that says goodbye (a restart) is
    // reconnected to, after a jittered pause; socket.io-client leaves that case to us.
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), pauseAfterServerClose());
    });
    this.socket.on(DOC_EVENTS.msg, (name: string, message: ArrayBuffer | Uint8Array) => {
      const d = this.docs.get(name);
      if (d) this.receive(d, new Uint8Array(message));
    });
  }

  ready(timeoutMs = 30_000): Promise<void> {
    return connected(
      () => this.socket.connected,
      (fn) => this.socket.once('connect', fn),
      timeoutMs,
    );
  }

  join(name: string): DocHandle {
    let resolveSynced = () => {};
    const synced = new Promise<void>((r) => {
      resolveSynced = r;
    });
    const doc = new Y.Doc();
    const d: JalonDoc = {
      name,
      doc,
      synced,
      lastSyncedAt: null,
      ackTimes: [],
      errors: [],
      resolveSynced,
      pendingSince: [],
    };
    this.docs.set(name, d);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const sentAt = now();
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, SYNC);
      syncProtocol.writeUpdate(message, update);
      this.socket.emit(
        DOC_EVENTS.msg,
        name,
        encoding.toUint8Array(message),
        (ack: { ok: boolean; error?: { code: string } }) => {
          if (ack.ok) d.ackTimes.push(now() - sentAt);
          else d.errors.push(ack.error?.code ?? 'refused');
        },
      );
    });
    if (this.socket.connected) this.sendJoin(d);
    return d;
  }

  private sendJoin(d: JalonDoc) {
    this.socket.emit(DOC_EVENTS.join, d.name, (ack: { ok: boolean; error?: { code: string } }) => {
      if (!ack.ok) {
        d.errors.push(`join: ${ack.error?.code ?? 'refused'}`);
        return;
      }
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, SYNC);
      syncProtocol.writeSyncStep1(step1, d.doc);
      this.socket.emit(DOC_EVENTS.msg, d.name, encoding.toUint8Array(step1));
    });
  }

  private receive(d: JalonDoc, message: Uint8Array) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== SYNC) return; // presence: not used here
    if (!this.apply) {
      if (decoding.readVarUint(decoder) !== STEP2) return;
      d.lastSyncedAt = now();
      d.resolveSynced();
      return;
    }
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, SYNC);
    const type = syncProtocol.readSyncMessage(decoder, reply, d.doc, this);
    if (encoding.length(reply) > 1) {
      // Our answer to the server's step 1: what it lacks (nothing, usually), acked once stored.
      this.socket.emit(
        DOC_EVENTS.msg,
        d.name,
        encoding.toUint8Array(reply),
        (ack: { ok: boolean; error?: { code: string } }) => {
          if (!ack.ok) d.errors.push(ack.error?.code ?? 'refused');
        },
      );
    }
    if (type === STEP2) {
      d.lastSyncedAt = now();
      d.resolveSynced();
    }
  }

  leave(name: string): void {
    const d = this.docs.get(name);
    if (!d) return;
    this.docs.delete(name);
    this.socket.emit(DOC_EVENTS.leave, name);
    d.doc.destroy();
  }

  close(): void {
    this.socket.close();
    for (const d of this.docs.values()) d.doc.destroy();
    this.docs.clear();
  }
}

interface HocusDoc extends DocHandle {
  provider: HocuspocusProvider;
}

export class HocusConn implements Conn {
  readonly product = 'hocuspocus' as const;
  readonly socket: HocuspocusProviderWebsocket;
  private docs = new Map<string, HocusDoc>();
  connects = 0;

  constructor(url: string) {
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
    });
    this.socket.on('connect', () => {
      this.connects++;
    });
  }

  ready(timeoutMs = 30_000): Promise<void> {
    // The websocket is open (its first message only comes once a document is attached).
    return waitFor(() => this.socket.status === 'connected', timeoutMs, 'hocuspocus connection', 2);
  }

  join(name: string): DocHandle {
    const doc = new Y.Doc();
    let resolveSynced = () => {};
    const synced = new Promise<void>((r) => {
      resolveSynced = r;
    });
    const sentAt: number[] = [];
    let unsynced = 0;
    const d: HocusDoc = {
      name,
      doc,
      synced,
      lastSyncedAt: null,
      ackTimes: [],
      errors: [],
      provider: null as unknown as HocuspocusProvider,
    };
    // Local changes: note when each was made; the provider sends it and counts it unsynced.
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== d.provider) sentAt.push(now());
    });
    d.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      awareness: null,
      onSynced: ({ state }) => {
        if (!state) return;
        d.lastSyncedAt = now();
        resolveSynced();
      },
      onUnsyncedChanges: ({ number }) => {
        // Each SyncStatus from the server acknowledges the oldest update still waiting.
        if (number < unsynced)
          for (let i = number; i < unsynced; i++) {
            const t = sentAt.shift();
            if (t !== undefined) d.ackTimes.push(now() - t);
          }
        unsynced = number;
      },
      onAuthenticationFailed: ({ reason }) => {
        d.errors.push(`auth: ${reason}`);
      },
    });
    d.provider.attach();
    this.docs.set(name, d);
    return d;
  }

  leave(name: string): void {
    const d = this.docs.get(name);
    if (!d) return;
    this.docs.delete(name);
    d.provider.destroy();
    d.doc.destroy();
  }

  close(): void {
    for (const name of [...this.docs.keys()]) this.leave(name);
    this.socket.destroy();
  }
}

/**
 * A Hocuspocus client that records when the sync reply arrives without applying it (join
 * storm): the provider's own messages (authentication, then sync step 1) on a raw websocket.
 */
export class RawHocusConn implements Conn {
  readonly product = 'hocuspocus' as const;
  private readonly ws: WebSocket;
  private docs = new Map<string, DocHandle & { resolveSynced: () => void }>();
  connects = 0;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'arraybuffer';
    this.ws.on('open', () => {
      this.connects++;
    });
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data: ArrayBuffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const name = decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      const d = this.docs.get(name);
      // Sync (0) or SyncReply (4) carrying step 2: the document has arrived.
      if (!d || (type !== 0 && type !== 4) || decoding.readVarUint(decoder) !== STEP2) return;
      d.lastSyncedAt = now();
      d.resolveSynced();
    });
  }

  ready(timeoutMs = 30_000): Promise<void> {
    return waitFor(() => this.ws.readyState === WebSocket.OPEN, timeoutMs, 'hocuspocus websocket', 2);
  }

  join(name: string): DocHandle {
    let resolveSynced = () => {};
    const synced = new Promise<void>((r) => {
      resolveSynced = r;
    });
    const doc = new Y.Doc();
    this.docs.set(name, { name, doc, synced, lastSyncedAt: null, ackTimes: [], errors: [], resolveSynced });
    const auth = encoding.createEncoder();
    encoding.writeVarString(auth, name);
    encoding.writeVarUint(auth, 2); // Auth
    encoding.writeVarUint(auth, 0); // Token
    encoding.writeVarString(auth, '');
    this.ws.send(encoding.toUint8Array(auth));
    const step1 = encoding.createEncoder();
    encoding.writeVarString(step1, name);
    encoding.writeVarUint(step1, SYNC);
    syncProtocol.writeSyncStep1(step1, doc);
    this.ws.send(encoding.toUint8Array(step1));
    return this.docs.get(name)!;
  }

  leave(name: string): void {
    this.docs.get(name)?.doc.destroy();
    this.docs.delete(name);
  }

  close(): void {
    for (const name of [...this.docs.keys()]) this.leave(name);
    this.ws.close();
  }
}
