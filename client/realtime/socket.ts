/**
 * The one Socket.IO connection of the app, shared by every open document and by the app
 * events (comments, portfolio changes). It authenticates with the session cookie; the server
 * checks the Origin. Reconnection backs off with jitter, up to a ceiling (reconnection.ts).
 * On a project's address it opens before the session check (client/early-start.ts).
 * A server that closes the connection itself (it is restarting) is reconnected to as well,
 * after a jittered pause: socket.io-client does not retry that case on its own. Except when
 * it says the session ended (signed out, revoked, expired, account deactivated): then the
 * connection is dropped for good and the app is told, so that it asks to sign in again.
 */
import { io, type Socket } from 'socket.io-client';
import type { CredentialsEndedReason } from '../../shared/credentials.ts';
import {
  APP_EVENTS,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../shared/protocol/index.ts';
import { socketParser } from '../../shared/socket-parser.ts';
import { APP_RECONNECTION, pauseAfterServerClose } from './reconnection.ts';

/** The app's socket, its events typed by the contract (shared/protocol/events.ts). */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;
let onCredentialsEnded: (reason: CredentialsEndedReason) => void = () => undefined;

/** What the app does when the server ends the connection because the session ended. */
export function setCredentialsEndedHandler(handler: (reason: CredentialsEndedReason) => void): void {
  onCredentialsEnded = handler;
}

export function appSocket(): AppSocket {
  if (!socket) {
    socket = io({
      path: '/socket.io',
      parser: socketParser,
      withCredentials: true,
      transports: ['websocket', 'polling'],
      ...APP_RECONNECTION,
    });
    const s = socket;
    // Refused by the server (no session, or not any more): this socket is done for good
    // (socket.io-client does not retry that), so the next caller, signed in, gets a new one.
    s.on('connect_error', () => {
      if (socket === s && !s.active) socket = null;
    });
    // The session is over: reconnecting with it would only be refused. The next caller, signed
    // in again, gets a new connection.
    s.on(APP_EVENTS.credentialsEnded, (body) => {
      if (socket === s) socket = null;
      s.close();
      onCredentialsEnded(body.reason);
    });
    s.on('disconnect', (reason) => {
      if (reason !== 'io server disconnect') return;
      setTimeout(() => {
        if (socket === s && !s.connected) s.connect();
      }, pauseAfterServerClose());
    });
  }
  return socket;
}

/** Closes the connection (on sign-out): the next user gets a fresh, re-authenticated one. */
export function closeAppSocket(): void {
  socket?.close();
  socket = null;
}
