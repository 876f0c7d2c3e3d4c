/**
 * Rooms of the live engine on the in-memory store, driven without sockets: connections that
 * keep a replica of the document from what the room sends them, and nodes wired to each other
 * as the Redis bridge wires them (server/realtime/cluster.ts).
 */
import * as Y from 'yjs';
// Each module on its own, not the engine's index: that would load the libSQL store too.
import { type Broadcast, type Connection, NO_LIMITS } from '../../../server/collab/connection.ts';
import { DocRoom } from '../../../server/collab/doc-room.ts';
import type { MemoryDocStore } from '../../../server/collab/memory-doc-store.ts';
import { NO_PEERS, type RoomPeers } from '../../../server/collab/peers.ts';
import { NO_PROJECTION } from '../../../server/collab/projection.ts';
import { Refusal } from '../../../server/collab/refusal.ts';
import { DEFAULT_ROOM_OPTIONS, type RoomOptions } from '../../../server/collab/room-options.ts';
import { createLogger } from '../../../server/log.ts';
import { decodeMessage } from '../../../server/realtime/protocol.ts';
import { createMilestone, docName, readProjectDoc } from '../../../shared/doc/index.ts';
import {
  type Ack,
  type Decoded,
  DOC_EVENTS,
  encodeSync,
  SYNC_STEP1,
  SYNC_UPDATE,
} from '../../../shared/protocol/index.ts';

export const NAME = docName('p1');
const log = createLogger('silent');
const rooms: DocRoom[] = [];

/** Closes every room opened since the last call (for afterEach). */
export async function closeRooms(): Promise<void> {
  for (const room of rooms.splice(0)) await room.close();
}

/** One turn of the event loop: the room's relay of this turn is out. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A loaded room on `store`; its broadcast reaches the room's own connections, as the transport's. */
export async function openRoom(
  store: MemoryDocStore,
  options: Partial<RoomOptions> = {},
  peers: RoomPeers = NO_PEERS,
): Promise<DocRoom> {
  const broadcast: Broadcast = (except, event, ...args) => {
    const skip = except === null ? [] : ([] as string[]).concat(except);
    for (const conn of room.connections.values()) if (!skip.includes(conn.id)) conn.send(event, ...args);
  };
  const room: DocRoom = new DocRoom(
    NAME,
    'p1',
    store,
    broadcast,
    NO_PROJECTION,
    log,
    { ...DEFAULT_ROOM_OPTIONS, ...options },
    peers,
  );
  rooms.push(room);
  await room.load();
  return room;
}

export interface Client {
  conn: Connection;
  /** the document as the room has sent it */
  doc: Y.Doc;
  /** every `doc:msg` the room sent, decoded */
  received: Decoded[];
  /** the raw bytes of each, in the same order */
  raw: Uint8Array[];
}

/** A connection to `room` (joined) that applies the sync messages it is sent to its replica. */
export function join(room: DocRoom, id: string, access: 'edit' | 'view' = 'edit'): Client {
  const client: Client = { doc: new Y.Doc(), received: [], raw: [], conn: null as unknown as Connection };
  client.conn = {
    id,
    actor: { id: `user-${id}`, name: id, email: `${id}@x`, clusterManager: false, organisationId: null },
    access,
    roles: access === 'edit' ? ['contributor'] : ['observer'],
    awarenessClients: new Set(),
    limits: NO_LIMITS,
    send: (event, _doc, message) => {
      if (event !== DOC_EVENTS.msg) return;
      const decoded = decodeMessage(message);
      client.raw.push(message as Uint8Array);
      client.received.push(decoded);
      if (decoded.kind === 'sync-step2' || decoded.kind === 'sync-update')
        Y.applyUpdate(client.doc, decoded.update, 'server');
    },
  };
  room.join(client.conn);
  return client;
}

/** The client asks for what it lacks (its state vector as step 1), as a client does on join. */
export function sync(room: DocRoom, client: Client): void {
  const stateVector = Y.encodeStateVector(client.doc);
  room.handle(client.conn, { kind: 'sync-step1', stateVector }, encodeSync(SYNC_STEP1, stateVector));
}

/**
 * The client makes `edit` to its replica and sends the update it made; resolves with the
 * update and the ack (once the room answers), or the refusal it threw.
 */
export function send(
  room: DocRoom,
  client: Client,
  edit: (doc: Y.Doc) => void,
): { update: Uint8Array; framed: Uint8Array; ack: Promise<Ack>; refused: Refusal | null } {
  const before = Y.encodeStateVector(client.doc);
  edit(client.doc);
  const update = Y.encodeStateAsUpdate(client.doc, before);
  const framed = encodeSync(SYNC_UPDATE, update);
  let answer: (ack: Ack) => void = () => {};
  const ack = new Promise<Ack>((resolve) => {
    answer = resolve;
  });
  try {
    room.handle(client.conn, { kind: 'sync-update', update }, framed, answer);
    return { update, framed, ack, refused: null };
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    answer(err.reply);
    return { update, framed, ack, refused: err };
  }
}

/** An edit that adds a milestone titled `title`. */
export const addMilestone = (title: string) => (doc: Y.Doc) =>
  void createMilestone(doc, { title, status: 'planned', stage: 0 }, 'editor');

export const titles = (doc: Y.Doc) =>
  readProjectDoc(doc)
    .milestones.map((m) => m.title)
    .sort();

/** The document as the store holds it: the snapshot, then the pending log. */
export async function stored(store: MemoryDocStore): Promise<Y.Doc> {
  const { snapshot, updates } = await store.load(NAME);
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const row of updates) Y.applyUpdate(doc, row.data);
  return doc;
}

/**
 * Two nodes' peers, wired to each other's rooms as the Redis bridge does; `drop` loses every
 * message of that kind on its way (a lost publish).
 */
export function linkedPeers(drop: { updates?: boolean } = {}): {
  a: RoomPeers;
  b: RoomPeers;
  rooms: { a: DocRoom | null; b: DocRoom | null };
} {
  const rooms: { a: DocRoom | null; b: DocRoom | null } = { a: null, b: null };
  const to = (other: 'a' | 'b'): RoomPeers => ({
    updates: (_name, tag, update) => {
      if (!drop.updates) rooms[other]?.applyRemote(tag, update);
    },
    committed: (_name, rows) => rooms[other]?.noteRemoteRows(rows),
    awareness: (_name, update) => rooms[other]?.applyRemoteAwareness(update),
  });
  return { a: to('b'), b: to('a'), rooms };
}
