/**
 * The wiring of the document engine to this server: the store, the registry that opens a
 * project's DocRoom on first use (with its projection, and the other nodes as its peers), each
 * room's broadcast to this node's sockets, and the documents as the services see them.
 */
import * as Y from 'yjs';
import { docName, parseDocName } from '../../shared/doc/index.ts';
import type { DocStore } from '../collab/index.ts';
import { type Broadcast, DocRegistry, DocRoom, type RoomOptions, type RoomPeers } from '../collab/index.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ProjectDocuments } from '../documents.ts';
import { createProjection } from '../milestones/projection.ts';
import { Refusal } from './protocol.ts';
import { docRoom } from './rooms.ts';
import type { LooseEmitter, RealtimeServer } from './socket-types.ts';

export function openDocRegistry(
  io: RealtimeServer,
  store: DocStore,
  deps: ServiceDeps,
  options: { room: RoomOptions; peers: RoomPeers; idleUnloadMs?: number },
): DocRegistry {
  // A document's messages go to this node's connections only: each node relays to its own
  // what its copy of the document applies, so no update reaches a client twice.
  const broadcastFor =
    (name: string): Broadcast =>
    (except, event, ...args) => {
      const room = io.local.to(docRoom(name));
      ((except ? room.except(except) : room) as LooseEmitter).emit(event, ...args);
    };

  return new DocRegistry(
    async (name) => {
      const projectId = parseDocName(name);
      if (!projectId) throw new Refusal('not_found', 'No such document');
      const room = new DocRoom(
        name,
        projectId,
        store,
        broadcastFor(name),
        createProjection(deps, projectId),
        deps.log,
        options.room,
        options.peers,
      );
      await room.load();
      return room;
    },
    deps.log,
    options.idleUnloadMs,
  );
}

/** The documents as the services read and change them, through the same rooms as the sockets. */
export function projectDocuments(registry: DocRegistry): ProjectDocuments {
  return {
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
}
