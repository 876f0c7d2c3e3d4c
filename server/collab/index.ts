/**
 * The live engine: project documents edited by several connections at once, stored as a log of
 * Yjs updates and snapshots, kept in step across nodes. It knows nothing of sockets: the
 * transport (server/realtime/) hands it decoded messages and connections that can send, and
 * wires in the store, the other nodes and the projection of documents into rows.
 */
export type { Broadcast, Connection, ConnectionLimits } from './connection.ts';
export { NO_LIMITS } from './connection.ts';
export { DocRegistry, IDLE_UNLOAD_MS } from './doc-registry.ts';
export { DocRoom } from './doc-room.ts';
export type { DocStore, LogRow, StoredDoc } from './doc-store.ts';
export { DEFAULT_DOC_STORE_OPTIONS, type DocStoreOptions, LibsqlDocStore } from './libsql-doc-store.ts';
export { MemoryDocStore } from './memory-doc-store.ts';
export { REMOTE } from './origins.ts';
export { NO_PEERS, type RoomPeers } from './peers.ts';
export { NO_PROJECTION, type Projection } from './projection.ts';
export { DEFAULT_ROOM_OPTIONS, type RoomOptions } from './room-options.ts';
export { compactLongLogs, type LongLogs } from './start-compaction.ts';
export { SYNC_REPLY_TTL_MS } from './sync-replies.ts';
