/**
 * The Socket.IO transport: handshake, the three client events of the protocol, and the glue
 * between sockets and rooms. Handlers stay thin: access comes from the permission matrix, the
 * rules of a document live in DocRoom.
 */
import type { Server as HttpServer } from 'node:http';
import type { Client } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { Server as SocketServer } from 'socket.io';
import * as Y from 'yjs';
import { APP_EVENTS } from '../../shared/api.ts';
import { docName, parseDocName } from '../../shared/doc/index.ts';
import { NOTIFICATION_EVENT } from '../../shared/notifications.ts';
import type { DocAccess, Role } from '../../shared/permissions.ts';
import { SERVICE_REQUEST_EVENT } from '../../shared/services.ts';
import { asBytes } from '../../shared/socket-parser.ts';
import { documentAccess, mayInCluster, projectAccess } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { loadActor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import { tokenProject } from '../auth/credential-limits.ts';
import { mayReadComment } from '../comments/comments.rules.ts';
import { projectMembers, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ProjectDocuments } from '../documents.ts';
import type { DomainEventMap } from '../events.ts';
import { watchOutgoing } from './backpressure.ts';
import { BRIDGED_EVENTS, type BridgedEvent, clusterLink, type RedisLink } from './cluster.ts';
import { credentialSockets } from './credential-sockets.ts';
import { DocRegistry } from './doc-registry.ts';
import {
  type Broadcast,
  type Connection,
  DEFAULT_ROOM_OPTIONS,
  DocRoom,
  NO_PEERS,
  type RoomOptions,
} from './doc-room.ts';
import {
  DEFAULT_DOC_STORE_OPTIONS,
  type DocStore,
  type DocStoreOptions,
  LibsqlDocStore,
} from './doc-store.ts';
import { serverParser } from './frames.ts';
import { checkUpgrade, socketHandshake } from './handshake.ts';
import { DEFAULT_FLOW_LIMITS, FlowLedger, type FlowLimits } from './limits.ts';
import { createProjection } from './projection.ts';
import { type AckFn, decodeMessage, EVENTS, MAX_FRAME_BYTES, Refusal } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';

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
  io: SocketServer;
  documents: ProjectDocuments;
  registry: DocRegistry;
  store: DocStore;
  close(): Promise<void>;
}

const roomKey = (docName: string) => `doc:${docName}`;
const userRoom = (userId: string) => `user:${userId}`;
const MANAGERS_ROOM = 'managers';
/** how often a node checks its open documents against the database, with several nodes */
const GAP_SWEEP_MS = 5_000;

export function createRealtime(
  httpServer: HttpServer,
  deps: ServiceDeps & { auth: Auth; client: Client },
  options: RealtimeOptions,
): Realtime {
  const { log } = deps;
  const handshake = { ...deps, allowedOrigins: options.allowedOrigins };
  const io = new SocketServer(httpServer, {
    parser: serverParser(log),
    maxHttpBufferSize: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    ...(options.redis ? { adapter: options.redis.adapter } : {}),
    cors: { origin: options.allowedOrigins, credentials: true },
    // Authenticated at the upgrade whenever it can be, before any frame is read (handshake.ts).
    allowRequest: (req, callback) => {
      void checkUpgrade(handshake, req).then((refusal) => callback(refusal, refusal === null));
    },
  });
  const store = new LibsqlDocStore(deps.client, deps.clock, {
    ...DEFAULT_DOC_STORE_OPTIONS,
    ...options.store,
  });
  const roomOptions = { ...DEFAULT_ROOM_OPTIONS, ...options.room };
  const flow = new FlowLedger({ ...DEFAULT_FLOW_LIMITS, ...options.flow });
  const cluster = options.redis ? clusterLink(io, log) : null;
  const credentials = credentialSockets(io, deps, options.credentialCheckMs);

  // A document's messages go to this node's connections only: each node relays to its own
  // what its copy of the document applies, so no update reaches a client twice.
  const broadcastFor =
    (docName: string): Broadcast =>
    (except, event, ...args) => {
      const room = io.local.to(roomKey(docName));
      (except ? room.except(except) : room).emit(event, ...args);
    };

  const registry = new DocRegistry(
    async (docName) => {
      const projectId = parseDocName(docName);
      if (!projectId) throw new Refusal('not_found', 'No such document');
      const room = new DocRoom(
        docName,
        projectId,
        store,
        broadcastFor(docName),
        createProjection(deps, projectId),
        log,
        roomOptions,
        cluster?.peers ?? NO_PEERS,
      );
      await room.load();
      return room;
    },
    log,
    options.idleUnloadMs,
  );

  io.use(socketHandshake(handshake));

  io.on('connection', (socket) => {
    const actor = socket.data.actor as Actor;
    credentials.watch(socket);
    // Personal rooms for app events: portfolio changes reach whoever may see the project.
    // A token bound to one project hears that project's document room only: these rooms carry
    // news of every project the user may see.
    if (!tokenProject(actor)) void socket.join(userRoom(actor.id));
    if (mayInCluster(actor, 'project.view_any') && !tokenProject(actor)) void socket.join(MANAGERS_ROOM);
    const bucket = new TokenBucket();
    /** the documents this socket has joined, with its connection in each */
    const joined = new Map<string, { conn: Connection; room: DocRoom }>();
    const limits = flow.connect(actor.id);
    // A socket that does not read what it is sent gets no more of its documents until it does.
    const outgoing = watchOutgoing(socket.conn, flow.limits.outgoingBufferBytes, {
      behind: () => {
        for (const { room } of joined.values()) room.pause(socket.id);
      },
      caughtUp: () => {
        for (const { room } of joined.values()) room.resume(socket.id);
      },
    });

    const guard = (size: number, ack: unknown, cost = 1): boolean => {
      if (bucket.take(size, cost)) return true;
      reply(ack, new Refusal('rate_limited', 'Too many messages; slow down').reply);
      return false;
    };

    socket.on(EVENTS.join, async (docName: unknown, ack: unknown) => {
      if (!guard(0, ack)) return;
      try {
        if (typeof docName !== 'string') throw new Refusal('malformed', 'docName must be a string');
        const projectId = parseDocName(docName);
        if (!projectId) throw new Refusal('not_found', 'No such document');
        const { access, roles } = await accessTo(projectId, actor);
        if (!access) {
          log.warn({ userId: actor.id, doc: docName }, 'join refused: project not visible');
          throw new Refusal('not_found', 'No such document');
        }
        const room = await registry.get(docName);
        const conn: Connection = {
          id: socket.id,
          actor,
          access,
          roles,
          awarenessClients: new Set(),
          limits,
          send: (event, ...args) => socket.emit(event, ...args),
        };
        joined.set(docName, { conn, room });
        await socket.join(roomKey(docName));
        reply(ack, { ok: true, access });
        room.join(conn);
        if (outgoing.behind) room.pause(socket.id);
      } catch (err) {
        reply(ack, toRefusal(err).reply);
      }
    });

    socket.on(EVENTS.leave, async (docName: unknown) => {
      if (typeof docName !== 'string' || !joined.has(docName)) return;
      await leave(docName);
    });

    socket.on(EVENTS.msg, (docName: unknown, received: unknown, ack: unknown) => {
      const message = asBytes(received);
      const size = message?.byteLength ?? 0;
      if (!guard(size, ack)) return;
      try {
        if (typeof docName !== 'string' || !joined.has(docName))
          throw new Refusal('forbidden', 'Join the document before sending to it');
        const decoded = decodeMessage(message);
        // Synchronous from here on: messages of one socket are applied in the order they came.
        const { conn, room } = joined.get(docName)!;
        if (!room.connections.has(conn.id))
          throw new Refusal('forbidden', 'You no longer have access to this document');
        room.handle(
          conn,
          decoded,
          message as Uint8Array,
          typeof ack === 'function' ? (ack as AckFn) : undefined,
        );
      } catch (err) {
        const refusal = toRefusal(err);
        // Bad input costs more of the budget than good input: floods of garbage are cut short.
        bucket.take(0, 10);
        if (refusal.code !== 'rate_limited')
          log.warn(
            { userId: actor.id, doc: docName, code: refusal.code, reason: refusal.message },
            'message refused',
          );
        reply(ack, refusal.reply);
      }
    });

    socket.on('disconnect', () => {
      limits.release();
      for (const docName of [...joined.keys()]) void leave(docName);
    });

    async function leave(docName: string) {
      const entry = joined.get(docName);
      joined.delete(docName);
      await socket.leave(roomKey(docName));
      if (!entry) return;
      entry.room.leave(socket.id);
      registry.releaseIfIdle(entry.room);
    }

    socket.data.revalidate = async (projectId: string) => {
      for (const [docName, { conn, room }] of joined) {
        if (parseDocName(docName) !== projectId) continue;
        const fresh = await refreshActor(conn.actor);
        const { access, roles } = fresh ? await accessTo(projectId, fresh) : { access: null, roles: [] };
        if (!access) {
          joined.delete(docName);
          await socket.leave(roomKey(docName));
        }
        room.reauthorise(conn.id, access, roles);
        if (!access) registry.releaseIfIdle(room);
      }
    };
  });

  async function accessTo(
    projectId: string,
    actor: Actor,
  ): Promise<{ access: DocAccess | null; roles: Role[] }> {
    const found = await projectAccess(deps.db, actor, projectId);
    return { access: documentAccess(actor, found), roles: found?.roles ?? [] };
  }

  async function refreshActor(actor: Actor): Promise<Actor | null> {
    const [row] = await deps.db.select().from(user).where(eq(user.id, actor.id)).limit(1);
    // The same credential, with its limits: only the roles are read afresh.
    return row ? loadActor(deps.db, row, actor.via) : null;
  }

  /** The domain events that act on this node's own connections (bridged to the other nodes). */
  const deliver: { [E in BridgedEvent]: (payload: DomainEventMap[E][0]) => void } = {
    // Signed out, revoked or deactivated: the sockets those credentials opened end at once.
    'credentials.ended': (ended) => credentials.end(ended),
    // A role change or removal takes effect on the member's live sockets at once.
    'membership.changed': ({ projectId, userId }) => {
      for (const socket of io.sockets.sockets.values()) {
        if ((socket.data.actor as Actor | undefined)?.id !== userId) continue;
        void (socket.data.revalidate as (p: string) => Promise<void>)(projectId).catch((err) =>
          log.error({ err }, 'could not re-check a member’s access'),
        );
      }
    },
    // Comments reach the sockets in the project's room that may read them, and no others.
    'comment.changed': ({ comment }) => {
      inRoom(comment.projectId, (conn) => {
        if (mayReadComment(conn.roles, comment.visibility)) conn.send(APP_EVENTS.commentChanged, comment);
      });
    },
    // Gate records are readable by everyone who may see the project: every socket in its room.
    'gate.changed': (change) => inRoom(change.projectId, (conn) => conn.send(APP_EVENTS.gateChanged, change)),
    // A project's service requests are readable by everyone who may see it: every socket in its room.
    'service_request.changed': (change) =>
      inRoom(change.projectId, (conn) => conn.send(SERVICE_REQUEST_EVENT, change)),
  };
  const inRoom = (projectId: string, each: (conn: Connection) => void) =>
    registry.whenLoaded(docName(projectId), (r) => {
      for (const conn of r.connections.values()) each(conn);
    });
  const bridge = <E extends BridgedEvent>(name: E) => {
    const handler = deliver[name] as (p: DomainEventMap[E][0]) => void;
    deps.events.on(name, ((payload: DomainEventMap[E][0]) => {
      handler(payload);
      cluster?.publish(name, payload);
    }) as never);
  };
  for (const name of BRIDGED_EVENTS) bridge(name);
  cluster?.listen({
    updates: (name, tag, update) => registry.whenLoaded(name, (room) => room.applyRemote(tag, update)),
    committed: (name, rows) => registry.whenLoaded(name, (room) => room.noteRemoteRows(rows)),
    awareness: (name, update) => registry.whenLoaded(name, (room) => room.applyRemoteAwareness(update)),
    event: (name, payload) => (deliver[name] as (p: unknown) => void)(payload),
  });
  // After an outage of the link, whatever messages were lost are read from the database.
  options.redis?.client.on('ready', () => {
    void registry.loaded().then((rooms) => {
      for (const room of rooms) void room.catchUp();
    });
  });
  // And every few seconds, one query tells which open documents lack rows that were already
  // committed at the previous check, a sweep ago (a message lost without an outage, the last
  // one before a quiet spell): those catch up. Younger rows may still be on their way.
  const sweep = cluster ? setInterval(() => void sweepForGaps(), GAP_SWEEP_MS) : null;
  sweep?.unref();
  let committedBySweep: number | null = null;
  async function sweepForGaps() {
    const open = await registry.loaded();
    try {
      const { byDoc, through } = await store.idsSince(
        Math.min(committedBySweep ?? Number.MAX_SAFE_INTEGER, ...open.map((r) => r.heldThrough)),
      );
      const settled = committedBySweep;
      committedBySweep = through;
      if (settled === null) return;
      for (const room of open) {
        const ids = (byDoc.get(room.name) ?? []).filter((id) => id <= settled);
        if (!room.holdsAll(ids, settled)) {
          log.warn({ doc: room.name }, 'a document missed updates from another node; reading them');
          void room.catchUp();
        }
      }
    } catch (err) {
      log.error({ err }, 'could not check open documents against the database');
    }
  }

  // A notification goes to its recipient's own room (every tab, on every node), nowhere else.
  deps.events.on('notification.created', ({ userId, notification }) => {
    io.to(userRoom(userId)).emit(NOTIFICATION_EVENT, notification);
  });

  // The portfolio of every user who may see a project follows its changes.
  const announceProject = async (projectId: string, alsoUser?: string, contentOnly = false) => {
    const members = await deps.db
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(eq(projectMembers.projectId, projectId));
    const rooms = [MANAGERS_ROOM, ...members.map((m) => userRoom(m.userId))];
    if (alsoUser) rooms.push(userRoom(alsoUser));
    io.to(rooms).emit(APP_EVENTS.projectChanged, contentOnly ? { projectId, contentOnly } : { projectId });
  };
  deps.events.on('project.changed', ({ projectId, contentOnly }) => {
    announceProject(projectId, undefined, contentOnly).catch((err) =>
      log.error({ err }, 'could not announce a project change'),
    );
  });
  deps.events.on('membership.changed', ({ projectId, userId }) => {
    announceProject(projectId, userId).catch((err) =>
      log.error({ err }, 'could not announce a project change'),
    );
  });

  const documents: ProjectDocuments = {
    async read(projectId) {
      const room = await registry.get(docName(projectId));
      const copy = new Y.Doc();
      Y.applyUpdate(copy, room.encodeState());
      registry.releaseIfIdle(room);
      return copy;
    },
    async change(projectId, actorId, change) {
      const room = await registry.get(docName(projectId));
      try {
        await room.applyServerChange(change, actorId);
      } finally {
        registry.releaseIfIdle(room);
      }
    },
  };

  return {
    io,
    documents,
    registry,
    store,
    async close() {
      if (sweep) clearInterval(sweep);
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

function reply(ack: unknown, body: unknown) {
  if (typeof ack === 'function') ack(body);
}

function toRefusal(err: unknown): Refusal {
  if (err instanceof Refusal) return err;
  return new Refusal('malformed', 'The message could not be processed');
}
