/**
 * The realtime layer, assembled: the Socket.IO server (socket-server.ts), the document engine
 * behind it (doc-rooms.ts), each connection's document handlers (doc-handlers.ts), the app
 * events on the sockets (app-events.ts), and with several nodes the bridge between them
 * (bridge.ts, cluster.ts, gap-sweep.ts).
 */
import type { Server as HttpServer } from 'node:http';
import type { Client } from '@libsql/client';
import type { Auth } from '../auth/auth.ts';
import type { DocRegistry } from '../collab/index.ts';
import {
  compactLongLogs,
  DEFAULT_DOC_STORE_OPTIONS,
  DEFAULT_ROOM_OPTIONS,
  type DocStore,
  type DocStoreOptions,
  LibsqlDocStore,
  NO_PEERS,
  type RoomOptions,
} from '../collab/index.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ProjectDocuments } from '../documents.ts';
import { announceToPersonalRooms, joinPersonalRooms, roomDeliveries } from './app-events.ts';
import { bridgeEvents } from './bridge.ts';
import { clusterLink, type RedisLink } from './cluster.ts';
import { reviewClusterRole } from './cluster-role.ts';
import { credentialSockets } from './credential-sockets.ts';
import { handleDocuments, revalidateMember } from './doc-handlers.ts';
import { openDocRegistry, projectDocuments } from './doc-rooms.ts';
import { startGapSweep } from './gap-sweep.ts';
import { DEFAULT_FLOW_LIMITS, FlowLedger, type FlowLimits } from './limits.ts';
import { createSocketServer } from './socket-server.ts';
import type { RealtimeServer } from './socket-types.ts';

export interface RealtimeOptions {
  allowedOrigins: string[];
  idleUnloadMs?: number;
  room?: Partial<RoomOptions>;
  store?: Partial<DocStoreOptions>;
  /** what a connection may make the server send, and add to a document's history (limits.ts) */
  flow?: Partial<FlowLimits>;
  /** several nodes: the connected Redis client that the nodes share (server/realtime/cluster.ts) */
  redis?: RedisLink;
  /** how often each socket's session or token is re-read (server/realtime/credential-sockets.ts) */
  credentialCheckMs?: number;
}

export interface Realtime {
  io: RealtimeServer;
  documents: ProjectDocuments;
  registry: DocRegistry;
  store: DocStore;
  /** folds, in the background, the long logs found at start (collab/start-compaction.ts) */
  compactLongLogs(): Promise<number>;
  close(): Promise<void>;
}

export function createRealtime(
  httpServer: HttpServer,
  deps: ServiceDeps & { auth: Auth; client: Client },
  options: RealtimeOptions,
): Realtime {
  const { log } = deps;
  const io = createSocketServer(
    httpServer,
    { ...deps, allowedOrigins: options.allowedOrigins },
    { redis: options.redis, log },
  );
  const store = new LibsqlDocStore(deps.client, deps.clock, {
    ...DEFAULT_DOC_STORE_OPTIONS,
    ...options.store,
  });
  const flow = new FlowLedger({ ...DEFAULT_FLOW_LIMITS, ...options.flow });
  const cluster = options.redis ? clusterLink(io, log) : null;
  const credentials = credentialSockets(io, deps, options.credentialCheckMs);
  const roomOptions = { ...DEFAULT_ROOM_OPTIONS, ...options.room };
  let closing = false;
  const registry = openDocRegistry(io, store, deps, {
    room: roomOptions,
    peers: cluster?.peers ?? NO_PEERS,
    idleUnloadMs: options.idleUnloadMs,
  });

  io.on('connection', (socket) => {
    credentials.watch(socket);
    joinPersonalRooms(socket, socket.data.actor);
    handleDocuments(socket, { db: deps.db, log, registry, flow });
  });

  bridgeEvents(
    deps.events,
    {
      // Signed out, revoked or deactivated: the sockets those credentials opened end at once.
      'credentials.ended': (ended) => credentials.end(ended),
      'membership.changed': revalidateMember(io, log),
      'cluster_role.changed': reviewClusterRole(io, deps.db, log),
      ...roomDeliveries(registry),
    },
    cluster,
    registry,
    options.redis,
  );
  const stopSweep = cluster ? startGapSweep(registry, store, log) : null;
  announceToPersonalRooms(io, deps);

  return {
    io,
    documents: projectDocuments(registry),
    registry,
    store,
    compactLongLogs: () => compactLongLogs(registry, store, roomOptions, log, () => closing),
    async close() {
      closing = true;
      stopSweep?.();
      // Acknowledge what is already received before the connections go: their clients then
      // reconnect (to another node, behind a load balancer) with nothing left to resend.
      await store.flush();
      // Closing the transports, without Socket.IO's "disconnect" packet: a client told it was
      // disconnected by the server does not reconnect by itself; one whose transport closed does.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await registry.closeAll();
      await store.flush();
    },
  };
}
