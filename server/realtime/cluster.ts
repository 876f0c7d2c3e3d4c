/**
 * Several nodes behind one address (REDIS_URL set): the nodes share Socket.IO rooms through the
 * official Redis streams adapter, and talk to each other with Socket.IO's server-side events on
 * the same stream:
 *
 * - `jalon:doc`: the updates a node applied in one turn (validated, merged, tagged), sent before
 *   their commit. Every node that holds the document applies them and relays them to its own
 *   connections.
 * - `jalon:rows`: the log rows those updates became once committed, by tag. A node that applied
 *   the tag now holds the rows; one that never heard it (a lost message) reads them from the
 *   database (DocRoom.catchUp): the messages are a shortcut, the database is the record.
 * - `jalon:awareness`: presence changes of a node's connections.
 * - `jalon:event`: the domain events that act on each node's own connections (comments, gate
 *   records, membership checks, ended sessions and tokens). Events that address Socket.IO rooms
 *   (notifications, portfolio changes, service requests) need no bridge: the adapter carries them.
 *
 * Without REDIS_URL there is one node, no Redis, and none of this runs: the Redis client and
 * the adapter are loaded only when connecting (about 130 ms of every start otherwise).
 */
import type { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RoomPeers } from '../collab/peers.ts';
import type { DomainEventMap } from '../events.ts';
import type { Logger } from '../log.ts';
import type { RedisClient } from '../redis-client.ts';
import { NODE_EVENTS, type RealtimeServer } from './socket-types.ts';

export type { RedisClient };

/** A connected client, and the Socket.IO adapter that shares rooms through it. */
export interface RedisLink {
  client: RedisClient;
  adapter: ReturnType<typeof createAdapter>;
}

/** The domain events each node delivers to its own connections. */
export const BRIDGED_EVENTS = [
  'comment.changed',
  'gate.changed',
  'membership.changed',
  'credentials.ended',
  'cluster_role.changed',
] as const satisfies readonly (keyof DomainEventMap)[];
export type BridgedEvent = (typeof BRIDGED_EVENTS)[number];

const { doc: DOC, rows: ROWS, awareness: AWARENESS, event: EVENT } = NODE_EVENTS;

/** Connects to Redis, or fails with a reason the operator can act on. */
export async function connectRedis(url: string, log: Logger): Promise<RedisLink> {
  const [{ createClient }, { createAdapter }] = await Promise.all([
    import('redis'),
    import('@socket.io/redis-streams-adapter'),
  ]);
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
  return { client, adapter: createAdapter(client, { streamName: 'jalon:socket.io', maxLen: 100_000 }) };
}

export interface ClusterHandlers {
  updates(docName: string, tag: string, update: Uint8Array): void;
  committed(docName: string, rows: [tag: string, ids: number[]][]): void;
  awareness(docName: string, update: Uint8Array): void;
  event<E extends BridgedEvent>(name: E, payload: DomainEventMap[E][0]): void;
}

/** What this node tells the others, and how it hears them. */
export function clusterLink(
  io: RealtimeServer,
  log: Logger,
): {
  peers: RoomPeers;
  publish<E extends BridgedEvent>(name: E, payload: DomainEventMap[E][0]): void;
  listen(h: ClusterHandlers): void;
} {
  return {
    peers: {
      updates: (docName, tag, update) => io.serverSideEmit(DOC, docName, tag, update),
      committed: (docName, rows) => io.serverSideEmit(ROWS, docName, rows),
      awareness: (docName, update) => io.serverSideEmit(AWARENESS, docName, update),
    },
    publish: (name, payload) => io.serverSideEmit(EVENT, name, payload),
    listen(h) {
      // Only other Jalon nodes write to the stream; still, a malformed message is dropped, not applied.
      io.on(DOC, (docName: unknown, tag: unknown, update: unknown) => {
        if (typeof docName !== 'string' || typeof tag !== 'string' || !(update instanceof Uint8Array))
          return log.warn({ docName }, 'dropped a malformed document message from another node');
        h.updates(docName, tag, update);
      });
      io.on(ROWS, (docName: unknown, rows: unknown) => {
        const valid =
          Array.isArray(rows) &&
          rows.every((r) => Array.isArray(r) && typeof r[0] === 'string' && isIdList(r[1]));
        if (typeof docName !== 'string' || !valid)
          return log.warn({ docName }, 'dropped a malformed rows message from another node');
        h.committed(docName, rows as [string, number[]][]);
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
