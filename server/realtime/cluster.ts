/**
 * Several nodes behind one address (REDIS_URL set): the nodes share Socket.IO rooms through the
 * official Redis streams adapter, and talk to each other with Socket.IO's server-side events on
 * the same stream:
 *
 * - `jalon:doc`: log rows a node committed (ids and the merged update). Every node that holds
 *   the document applies it and relays it to its own connections; a node that missed one reads
 *   it from the database (DocRoom.catchUp), so the message is a shortcut, not the record.
 * - `jalon:awareness`: presence changes of a node's connections.
 * - `jalon:event`: the domain events that act on each node's own connections (comments, gate
 *   records, service requests, membership checks). Events that address Socket.IO rooms
 *   (notifications, portfolio changes) need no bridge: the adapter carries them.
 *
 * Without REDIS_URL there is one node, no Redis, and none of this runs.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server as SocketServer } from 'socket.io';
import type { DomainEventMap } from '../events.ts';
import type { Logger } from '../log.ts';
import type { RoomPeers } from './doc-room.ts';

export type RedisClient = ReturnType<typeof createClient>;

/** The domain events each node delivers to its own connections. */
export const BRIDGED_EVENTS = [
  'comment.changed',
  'gate.changed',
  'service_request.changed',
  'membership.changed',
] as const satisfies readonly (keyof DomainEventMap)[];
export type BridgedEvent = (typeof BRIDGED_EVENTS)[number];

const DOC = 'jalon:doc';
const AWARENESS = 'jalon:awareness';
const EVENT = 'jalon:event';

/** Connects to Redis, or fails with a reason the operator can act on. */
export async function connectRedis(url: string, log: Logger): Promise<RedisClient> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000), connectTimeout: 5000 },
  });
  let reported = false;
  client.on('error', (err: Error) => {
    // The client reconnects by itself; say so once per outage, not on every retry.
    if (!reported) log.error({ err: err.message }, 'Redis connection lost; reconnecting');
    reported = true;
  });
  client.on('ready', () => {
    if (reported) log.info('Redis connection restored');
    reported = false;
  });
  try {
    await client.connect();
  } catch (err) {
    client.destroy();
    throw new Error(`Could not connect to Redis at REDIS_URL (${redact(url)}): ${(err as Error).message}`);
  }
  return client;
}

export function redisAdapter(client: RedisClient) {
  return createAdapter(client, { streamName: 'jalon:socket.io', maxLen: 100_000 });
}

export interface ClusterHandlers {
  updates(docName: string, ids: number[], update: Uint8Array): void;
  awareness(docName: string, update: Uint8Array): void;
  event<E extends BridgedEvent>(name: E, payload: DomainEventMap[E][0]): void;
}

/** What this node tells the others, and how it hears them. */
export function clusterLink(
  io: SocketServer,
  log: Logger,
): {
  peers: RoomPeers;
  publish<E extends BridgedEvent>(name: E, payload: DomainEventMap[E][0]): void;
  listen(h: ClusterHandlers): void;
} {
  return {
    peers: {
      updates: (docName, ids, update) => io.serverSideEmit(DOC, docName, ids, update),
      awareness: (docName, update) => io.serverSideEmit(AWARENESS, docName, update),
    },
    publish: (name, payload) => io.serverSideEmit(EVENT, name, payload),
    listen(h) {
      // Only other Jalon nodes write to the stream; still, a malformed message is dropped, not applied.
      io.on(DOC, (docName: unknown, ids: unknown, update: unknown) => {
        if (typeof docName !== 'string' || !isIdList(ids) || !(update instanceof Uint8Array))
          return log.warn({ docName }, 'dropped a malformed document message from another node');
        h.updates(docName, ids, update);
      });
      io.on(AWARENESS, (docName: unknown, update: unknown) => {
        if (typeof docName !== 'string' || !(update instanceof Uint8Array))
          return log.warn({ docName }, 'dropped a malformed presence message from another node');
        h.awareness(docName, update);
      });
      io.on(EVENT, (name: unknown, payload: unknown) => {
        if (!(BRIDGED_EVENTS as readonly unknown[]).includes(name) || typeof payload !== 'object' || !payload)
          return log.warn({ name }, 'dropped a malformed event from another node');
        h.event(name as BridgedEvent, payload as never);
      });
    },
  };
}

function isIdList(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((id) => Number.isSafeInteger(id) && id > 0);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an unparsable URL';
  }
}
