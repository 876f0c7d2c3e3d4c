/**
 * Who is in the room and where: the awareness states of its connections, and of the other
 * nodes' connections, relayed to everyone but the paused, as the server vouches for them
 * (presence-vouch.ts).
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DOC_EVENTS, encodeAwareness } from '../../shared/protocol/index.ts';
import type { Broadcast, Connection } from './connection.ts';
import { REMOTE } from './origins.ts';
import type { RoomPeers } from './peers.ts';
import { vouchedAwareness } from './presence-vouch.ts';
import type { RelayBatch } from './relay-batch.ts';

export class RoomPresence {
  readonly awareness: Awareness;

  constructor(
    private readonly name: string,
    private readonly connections: ReadonlyMap<string, Connection>,
    private readonly broadcast: Broadcast,
    private readonly peers: RoomPeers,
    private readonly relay: RelayBatch,
  ) {
    // Presence has a document of its own (only its client id is used): the room's comes and goes.
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      if (changed.length === 0) return;
      const except = typeof origin === 'string' && origin !== REMOTE ? origin : null;
      const update = encodeAwarenessUpdate(this.awareness, changed);
      this.broadcast(this.relay.exceptPaused(except), DOC_EVENTS.msg, this.name, encodeAwareness(update));
      if (origin !== REMOTE) this.peers.awareness(this.name, update);
    });
  }

  /** A connection's awareness update, as others will see it (see presence-vouch.ts). */
  apply(conn: Connection, update: Uint8Array): void {
    // As others will see it: the account's name and colour, for this connection's own client id.
    const vouched = vouchedAwareness(update, conn, this.ownerOf);
    conn.awarenessClients.add(vouched.clientId);
    applyAwarenessUpdate(this.awareness, vouched.update, conn.id);
  }

  /** Which connection here speaks for an awareness client id, if any. */
  private readonly ownerOf = (clientId: number): string | null => {
    for (const c of this.connections.values()) if (c.awarenessClients.has(clientId)) return c.id;
    return null;
  };

  /** Presence from another node's connections. */
  applyRemote(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** Sends a connection everyone's presence; returns the bytes sent. */
  sendTo(conn: Connection): number {
    const states = [...this.awareness.getStates().keys()];
    if (!states.length) return 0;
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, states));
    conn.send(DOC_EVENTS.msg, this.name, message);
    return message.byteLength;
  }

  /** A connection left: its presence goes, for everyone. */
  forget(conn: Connection): void {
    if (conn.awarenessClients.size)
      removeAwarenessStates(this.awareness, [...conn.awarenessClients], conn.id);
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
