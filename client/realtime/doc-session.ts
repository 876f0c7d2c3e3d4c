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
import type { Socket } from 'socket.io-client';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { docName } from '../../shared/doc/shape.ts';
import { DocProvider } from './provider.ts';
import { appSocket } from './socket.ts';

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
  socket: Socket = appSocket(),
): DocSession {
  const name = docName(projectId);
  const doc = new Y.Doc();
  const persistence = openDeviceCopy(deviceCopyName(user.id, projectId), doc);
  const whenLoaded = persistence ? settle(persistence.whenSynced, LOAD_TIMEOUT_MS) : Promise.resolve();
  const provider = new DocProvider(doc, name, socket);
  const awareness = provider.awareness;
  awareness.setLocalState({ user });
  const origin: SessionOrigin = Object.freeze({ kind: 'jalon-room', userId: user.id });
  const stopKicking = reconnectWhenOnline(socket);

  let closed = false;
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

/**
 * When the browser says it is back online, connect now rather than at the next back-off step:
 * an attempt made while offline can hang until its 20 s timeout, and edits are waiting.
 * (The socket is shared; restarting a connection that is down disturbs no one.)
 */
function reconnectWhenOnline(socket: Socket): () => void {
  if (typeof window === 'undefined') return () => {};
  const onOnline = () => {
    if (socket.connected) return;
    socket.disconnect();
    socket.connect();
  };
  window.addEventListener('online', onOnline);
  return () => window.removeEventListener('online', onOnline);
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
