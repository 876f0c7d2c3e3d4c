/**
 * The domain events that act on this node's own connections, delivered here and, with several
 * nodes, published to the others, which deliver them to theirs; and what the other nodes send
 * about the documents this node holds open (cluster.ts says what travels).
 */

import type { DocRegistry } from '../collab/index.ts';
import type { DomainEventMap, DomainEvents } from '../events.ts';
import type { BridgedEvent, clusterLink, RedisLink } from './cluster.ts';
import { BRIDGED_EVENTS } from './cluster.ts';

/** How this node delivers each bridged event to its own connections. */
export type Deliveries = { [E in BridgedEvent]: (payload: DomainEventMap[E][0]) => void };

type ClusterLink = ReturnType<typeof clusterLink>;

export function bridgeEvents(
  events: DomainEvents,
  deliver: Deliveries,
  cluster: ClusterLink | null,
  registry: DocRegistry,
  redis: RedisLink | undefined,
): void {
  const bridge = <E extends BridgedEvent>(name: E) => {
    const handler = deliver[name] as (p: DomainEventMap[E][0]) => void;
    events.on(name, ((payload: DomainEventMap[E][0]) => {
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
  redis?.client.on('ready', () => {
    void registry.loaded().then((rooms) => {
      for (const room of rooms) void room.catchUp();
    });
  });
}
