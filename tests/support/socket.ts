/** Real socket.io-client connections for tests, authenticated like a browser (cookie + Origin). */
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { DocProvider } from '../../client/realtime/provider.ts';
import { socketParser } from '../../shared/socket-parser.ts';
import { signedIn } from './client.ts';

export interface Peer {
  socket: Socket;
  doc: Y.Doc;
  provider: DocProvider;
  close(): void;
}

export async function connectAs(
  baseUrl: string,
  email: string,
  options: { origin?: string } = {},
): Promise<Socket> {
  const api = await signedIn(baseUrl, email);
  return connectWith(baseUrl, { cookie: api.cookie, origin: options.origin ?? baseUrl });
}

export function connectWith(
  baseUrl: string,
  how: { cookie?: string; origin?: string; token?: string },
  connect = true,
): Promise<Socket> {
  const socket = io(baseUrl, {
    parser: socketParser,
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    autoConnect: false,
    extraHeaders: {
      ...(how.cookie ? { cookie: how.cookie } : {}),
      ...(how.origin ? { origin: how.origin } : {}),
    },
    ...(how.token ? { auth: { token: how.token } } : {}),
  });
  // As the app does (client/realtime/socket.ts): a server that closes the connection itself (it
  // is stopping) is reconnected to, after a pause; socket.io-client leaves that case to us.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => socket.connected || socket.connect(), 250);
  });
  if (!connect) return Promise.resolve(socket);
  // A first connection that fails is given up; once connected, the socket retries on its own.
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => {
      socket.off('connect', connected);
      socket.close();
      reject(err);
    };
    const connected = () => {
      socket.off('connect_error', failed);
      resolve(socket);
    };
    socket.once('connect', connected);
    socket.once('connect_error', failed);
    socket.connect();
  });
}

export async function peer(baseUrl: string, email: string, docName: string): Promise<Peer> {
  return peerOn(await connectAs(baseUrl, email), docName);
}

/** A member editing `docName` through an already connected socket; resolves once synced. */
export async function peerOn(socket: Socket, docName: string): Promise<Peer> {
  const doc = new Y.Doc();
  const provider = new DocProvider(doc, docName, socket);
  await new Promise<void>((resolve, reject) => {
    if (provider.synced) return resolve();
    const stopSynced = provider.on('synced', () => {
      stopSynced();
      resolve();
    });
    provider.on('error', (e) => reject(new Error(`${e.code}: ${e.message}`)));
  });
  return {
    socket,
    doc,
    provider,
    close() {
      provider.destroy();
      socket.close();
      doc.destroy();
    },
  };
}

type Ack = { ok: boolean; access?: string; error?: { code: string; message: string } };

export function emitWithAck(socket: Socket, event: string, ...args: unknown[]): Promise<Ack> {
  return emitWithAckWithin(5000, socket, event, ...args);
}

export function emitWithAckWithin(
  ms: number,
  socket: Socket,
  event: string,
  ...args: unknown[]
): Promise<Ack> {
  return socket.timeout(ms).emitWithAck(event, ...args) as Promise<Ack>;
}

/** Resolves when `predicate` holds after one of the doc's updates (or at once). */
export function until(doc: Y.Doc, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error('condition not met in time'));
    }, timeoutMs);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}
