/**
 * The other nodes, as a room sees them (server/realtime/cluster.ts carries the messages): what
 * it tells them, and the tags its updates travel under.
 */
import { randomUUID } from 'node:crypto';

/** What a room tells the other nodes (nothing, on a single node). */
export interface RoomPeers {
  /**
   * updates this node applied (validated, not yet committed), merged, under `tag`: unique to
   * this node and this turn of its event loop
   */
  updates(docName: string, tag: string, update: Uint8Array): void;
  /** the log rows those updates became once committed, by tag */
  committed(docName: string, rows: [tag: string, ids: number[]][]): void;
  /** a change of presence on this node's connections */
  awareness(docName: string, update: Uint8Array): void;
}

export const NO_PEERS: RoomPeers = { updates() {}, committed() {}, awareness() {} };

/** This process's part of every tag it publishes. */
const NODE_TAG = randomUUID().slice(0, 8);
let turns = 0;

/** A tag no other node and no other turn of this one uses. */
export function newTag(): string {
  return `${NODE_TAG}:${++turns}`;
}
