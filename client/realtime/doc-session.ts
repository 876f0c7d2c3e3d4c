/**
 * One open project document in the browser: the Y.Doc, its copy in IndexedDB (edits made
 * offline survive a reload and merge when the connection returns), the provider over the
 * app's shared socket, and this tab's presence.
 *
 * The IndexedDB copy starts loading at once and the provider joins as soon as the socket is
 * connected; whichever answers first fills the document. Updates loaded from IndexedDB reach
 * the provider like any local change, so offline edits restored after a reload are sent (and
 * the server drops what it already has). The copy is named per user: on a shared browser, one
 * person's unsent edits are never sent under the next person's session.
 *
 * `origin` marks this tab's own writes (pass it to every shared/doc writer): the undo
 * manager tracks that origin only, so undo never reverts a collaborator's change.
 */
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { docName } from '../../shared/doc/shape.ts';
import { DocProvider, type FirstSyncHooks } from './provider.ts';
import { type AppSocket, appSocket } from './socket.ts';

/** What every awareness state of ours carries; the server refuses presence for another user. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** This tab's writes to a document, as the transaction origin. */
export interface SessionOrigin {
  readonly kind: 'jalon-room';
  readonly userId: string;
}

export interface DocSession {
  doc: Y.Doc;
  provider: DocProvider;
  awareness: Awareness;
  /** null when this browser has no usable IndexedDB (private mode, policy) */
  persistence: IndexeddbPersistence | null;
  origin: SessionOrigin;
  /** resolves once the device copy is loaded, or could not be (never rejects) */
  whenLoaded: Promise<void>;
  close(): void;
}

/** A device copy that does not answer within this is given up on: the server still will. */
const LOAD_TIMEOUT_MS = 2000;
const DB_PREFIX = 'jalon:';

export const deviceCopyName = (userId: string, projectId: string): string =>
  `${DB_PREFIX}${userId}:${docName(projectId)}`;

export function openProjectDoc(
  projectId: string,
  user: PresenceUser,
  socket: AppSocket = appSocket(),
): DocSession {
  const name = docName(projectId);
  const doc = new Y.Doc();
  const persistence = openDeviceCopy(deviceCopyName(user.id, projectId), doc);
  const whenLoaded = persistence ? settle(persistence.whenSynced, LOAD_TIMEOUT_MS) : Promise.resolve();
  let closed = false;
  const provider = new DocProvider(doc, name, socket, {
    firstSync: persistence ? storeFirstSyncLater(persistence, () => closed) : undefined,
  });
  const awareness = provider.awareness;
  awareness.setLocalState({ user });
  const origin: SessionOrigin = Object.freeze({ kind: 'jalon-room', userId: user.id });
  const stopKicking = reconnectWhenOnline(socket);

  return {
    doc,
    provider,
    awareness,
    persistence,
    origin,
    whenLoaded,
    close() {
      if (closed) return;
      closed = true;
      stopKicking();
      provider.destroy();
      awareness.destroy();
      // Let the device copy finish writing what it has, then let go of the document.
      void persistence?.destroy().finally(() => doc.destroy());
      if (!persistence) doc.destroy();
    },
  };
}

/** A document opened before its room, kept this long for the room to take it, then closed. */
const PREPARED_FOR_MS = 30_000;
let prepared: {
  projectId: string;
  userId: string;
  session: DocSession;
  timer: ReturnType<typeof setTimeout>;
} | null = null;

/**
 * Opens a project's document ahead of its room (on a project's address, as soon as the session
 * is known, while the page's code and the project card still load), so that the connection,
 * the join and the sync run beside them instead of after them. The room takes it with
 * `takeProjectDoc`; one that no room takes is closed after a while.
 */
export function prepareProjectDoc(projectId: string, user: PresenceUser): void {
  if (prepared?.projectId === projectId && prepared.userId === user.id) return;
  dropPrepared();
  const session = openProjectDoc(projectId, user);
  prepared = { projectId, userId: user.id, session, timer: setTimeout(dropPrepared, PREPARED_FOR_MS) };
}

/** The document prepared for this project and user if there is one, else a newly opened one. */
export function takeProjectDoc(projectId: string, user: PresenceUser): DocSession {
  if (prepared?.projectId === projectId && prepared.userId === user.id) {
    const { session, timer } = prepared;
    clearTimeout(timer);
    prepared = null;
    return session;
  }
  dropPrepared();
  return openProjectDoc(projectId, user);
}

function dropPrepared(): void {
  if (!prepared) return;
  clearTimeout(prepared.timer);
  prepared.session.close();
  prepared = null;
}

/**
 * When the browser says it is back online, connect now rather than at the next back-off step:
 * an attempt made while offline can hang until its 20 s timeout, and edits are waiting.
 * (The socket is shared; restarting a connection that is down disturbs no one.)
 */
function reconnectWhenOnline(socket: AppSocket): () => void {
  if (typeof window === 'undefined') return () => {};
  const onOnline = () => {
    if (socket.connected) return;
    socket.disconnect();
    socket.connect();
  };
  window.addEventListener('online', onOnline);
  return () => window.removeEventListener('online', onOnline);
}

/**
 * The device copy stores every update of the document as it comes. The server's first sync is
 * the whole document: rather than have Yjs encode it again for that, while the room waits to
 * draw it, the copy stores the document's whole state once the page is idle.
 */
function storeFirstSyncLater(persistence: IndexeddbPersistence, closed: () => boolean): FirstSyncHooks {
  const { doc } = persistence;
  const storeUpdate = (
    persistence as unknown as { _storeUpdate: (update: Uint8Array, origin: unknown) => void }
  )._storeUpdate;
  return {
    mute: () => doc.off('update', storeUpdate),
    unmute: () => {
      doc.on('update', storeUpdate);
      whenIdle(() => {
        if (closed()) return;
        storeState(persistence).catch((err: unknown) => console.warn('the device copy was not updated', err));
      });
    },
  };
}

function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 500);
}

function openDeviceCopy(name: string, doc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const persistence = new IndexeddbPersistence(name, doc);
    // An IndexedDB that refuses to open (quota, policy) must not surface as an unhandled error.
    (persistence as unknown as { _db: Promise<unknown> })._db.catch((err: unknown) =>
      console.warn('this device cannot keep a copy of the project', err),
    );
    return persistence;
  } catch (err) {
    console.warn('this device cannot keep a copy of the project', err);
    return null;
  }
}

function settle(promise: Promise<unknown>, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => resolve(),
    );
  });
}

/**
 * Forgets every project copy this browser keeps for `userId` (to call on sign-out on a shared
 * computer). Edits not yet acknowledged by the server are lost with it.
 */
export async function forgetDeviceCopies(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || !indexedDB.databases) return;
  const prefix = `${DB_PREFIX}${userId}:`;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .filter((d) => d.name?.startsWith(prefix))
      .map(
        (d) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(d.name!);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
