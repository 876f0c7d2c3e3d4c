/**
 * The one Socket.IO connection of the app, shared by every open document and by the app
 * events (comments, portfolio changes). It authenticates with the session cookie; the server
 * checks the Origin. Reconnection backs off with jitter (socket.io-client's randomization).
 */
import { io, type Socket } from 'socket.io-client';

let socket: Socket | null = null;

export function appSocket(): Socket {
  if (!socket) {
    socket = io({
      path: '/socket.io',
      withCredentials: true,
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
  }
  return socket;
}

/** Closes the connection (on sign-out): the next user gets a fresh, re-authenticated one. */
export function closeAppSocket(): void {
  socket?.close();
  socket = null;
}
