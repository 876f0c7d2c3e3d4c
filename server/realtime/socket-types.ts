/**
 * The types of this server's Socket.IO ends: the events of the contract with clients
 * (shared/protocol/events.ts), the events between nodes (cluster.ts), and what the server keeps
 * on each socket.
 */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/index.ts';
import type { Actor } from '../auth/actor.ts';

/** Server-side events between the nodes of a cluster, on the Redis stream (cluster.ts). */
export const NODE_EVENTS = {
  /** (docName, tag, update): the updates a node applied in one turn, before their commit */
  doc: 'jalon:doc',
  /** (docName, [tag, ids][]): the log rows those updates became once committed */
  rows: 'jalon:rows',
  /** (docName, update): presence changes of a node's connections */
  awareness: 'jalon:awareness',
  /** (name, payload): a domain event that acts on each node's own connections */
  event: 'jalon:event',
} as const;

export interface InterServerEvents {
  [NODE_EVENTS.doc]: (docName: string, tag: string, update: Uint8Array) => void;
  [NODE_EVENTS.rows]: (docName: string, rows: [tag: string, ids: number[]][]) => void;
  [NODE_EVENTS.awareness]: (docName: string, update: Uint8Array) => void;
  [NODE_EVENTS.event]: (name: string, payload: unknown) => void;
}

export interface SocketData {
  /** who the handshake authenticated (handshake.ts), set before the connection is accepted */
  actor: Actor;
  /** re-checks the socket's access to that project's document, or to every one it joined (doc-handlers.ts) */
  revalidate?: (projectId?: string) => Promise<void>;
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/**
 * The document engine (DocRoom) sends by event name and arguments, unchecked by the event
 * maps: its sockets and rooms are handed to it through this.
 */
export interface LooseEmitter {
  emit(event: string, ...args: unknown[]): unknown;
}
