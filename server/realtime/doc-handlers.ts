/**
 * A socket's part in the document protocol (docs/protocol.md § Events): `doc:join`, `doc:leave`
 * and `doc:msg`, checked, rate limited and handed to the document's room; and the re-check of its
 * access when its user's membership changes. Thin, as routes are: access comes from the
 * permission matrix, the rules of a document live in DocRoom.
 */
import { parseDocName } from '../../shared/doc/index.ts';
import { type AckFn, DOC_EVENTS } from '../../shared/protocol/index.ts';
import { asBytes } from '../../shared/socket-parser.ts';
import type { Connection, DocRegistry, DocRoom } from '../collab/index.ts';
import type { Db } from '../db/client.ts';
import type { DomainEventMap } from '../events.ts';
import type { Logger } from '../log.ts';
import { watchOutgoing } from './backpressure.ts';
import type { FlowLedger } from './limits.ts';
import { accessTo, refreshActor } from './member-access.ts';
import { decodeMessage, Refusal } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';
import { docRoom } from './rooms.ts';
import type { LooseEmitter, RealtimeServer, RealtimeSocket } from './socket-types.ts';

export interface DocHandlerDeps {
  db: Db;
  log: Logger;
  registry: DocRegistry;
  flow: FlowLedger;
}

export function handleDocuments(socket: RealtimeSocket, deps: DocHandlerDeps): void {
  const { db, log, registry, flow } = deps;
  const actor = socket.data.actor;
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

  socket.on(DOC_EVENTS.join, async (docName: unknown, ack: unknown) => {
    if (!guard(0, ack)) return;
    try {
      if (typeof docName !== 'string') throw new Refusal('malformed', 'docName must be a string');
      const projectId = parseDocName(docName);
      if (!projectId) throw new Refusal('not_found', 'No such document');
      const { access, roles } = await accessTo(db, projectId, actor);
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
        send: (event, ...args) => (socket as LooseEmitter).emit(event, ...args),
      };
      joined.set(docName, { conn, room });
      await socket.join(docRoom(docName));
      reply(ack, { ok: true, access });
      room.join(conn);
      if (outgoing.behind) room.pause(socket.id);
    } catch (err) {
      reply(ack, toRefusal(err).reply);
    }
  });

  socket.on(DOC_EVENTS.leave, async (docName: unknown) => {
    if (typeof docName !== 'string' || !joined.has(docName)) return;
    await leave(docName);
  });

  socket.on(DOC_EVENTS.msg, (docName: unknown, received: unknown, ack: unknown) => {
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
    await socket.leave(docRoom(docName));
    if (!entry) return;
    entry.room.leave(socket.id);
    registry.releaseIfIdle(entry.room);
  }

  socket.data.revalidate = async (projectId?: string) => {
    for (const [docName, { conn, room }] of joined) {
      const docProject = parseDocName(docName);
      if (!docProject || (projectId !== undefined && docProject !== projectId)) continue;
      const fresh = await refreshActor(db, conn.actor);
      const { access, roles } = fresh ? await accessTo(db, docProject, fresh) : { access: null, roles: [] };
      if (!access) {
        joined.delete(docName);
        await socket.leave(docRoom(docName));
      }
      room.reauthorise(conn.id, access, roles);
      if (!access) registry.releaseIfIdle(room);
    }
  };
}

/**
 * A role change or removal takes effect on the member's live sockets on this node at once; a
 * change of the project's own state (no `userId`: archived, restored) on every socket there.
 */
export function revalidateMember(io: RealtimeServer, log: Logger) {
  return ({ projectId, userId }: DomainEventMap['membership.changed'][0]): void => {
    for (const socket of io.sockets.sockets.values()) {
      if (userId !== undefined && socket.data.actor?.id !== userId) continue;
      void socket.data
        .revalidate?.(projectId)
        .catch((err) => log.error({ err }, 'could not re-check a member’s access'));
    }
  };
}

function reply(ack: unknown, body: unknown) {
  if (typeof ack === 'function') ack(body);
}

function toRefusal(err: unknown): Refusal {
  if (err instanceof Refusal) return err;
  return new Refusal('malformed', 'The message could not be processed');
}
