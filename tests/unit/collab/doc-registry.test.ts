import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Connection, NO_LIMITS } from '../../../server/collab/connection.ts';
import { DocRegistry } from '../../../server/collab/doc-registry.ts';
import { DocRoom } from '../../../server/collab/doc-room.ts';
import type { DocStore, StoredDoc } from '../../../server/collab/doc-store.ts';
import type { Projection } from '../../../server/collab/projection.ts';
import { createLogger } from '../../../server/log.ts';
import { createMilestone, docName } from '../../../shared/doc/index.ts';
import { encodeSync, SYNC_UPDATE } from '../../../shared/protocol/index.ts';

const log = createLogger('silent');
const projection: Projection = {
  start: async () => {},
  noteTransaction: () => {},
  follow: () => {},
  flush: async () => {},
  stop: () => {},
};

/** A store whose writes fail: the database is gone. */
class BrokenStore implements DocStore {
  async load(): Promise<StoredDoc> {
    return { snapshot: null, snapshotUpto: null, updates: [], through: 0, projectedUpto: null };
  }
  since(): Promise<{ rows: []; through: number }> {
    return Promise.reject(new Error('disk full'));
  }
  idsSince(): Promise<{ byDoc: Map<string, number[]>; through: number }> {
    return Promise.reject(new Error('disk full'));
  }
  append(): Promise<number> {
    return Promise.reject(new Error('disk full'));
  }
  compact(): Promise<boolean> {
    return Promise.reject(new Error('disk full'));
  }
  flush(): Promise<void> {
    return Promise.reject(new Error('disk full'));
  }
}

const conn = (access: 'edit' | 'view'): Connection => ({
  id: `c-${access}`,
  actor: { id: 'u1', name: 'U', email: 'u@x', clusterManager: false, organisationId: null },
  access,
  roles: access === 'edit' ? ['contributor'] : ['observer'],
  awarenessClients: new Set(),
  limits: NO_LIMITS,
  send: () => {},
});

describe('rooms and the registry', () => {
  it('acks "unavailable" when the commit fails, and still unloads the idle document', async () => {
    const name = docName('p1');
    const rooms: DocRoom[] = [];
    const registry = new DocRegistry(
      async () => {
        const room = new DocRoom(name, 'p1', new BrokenStore(), () => {}, projection, log);
        await room.load();
        rooms.push(room);
        return room;
      },
      log,
      0,
    );
    const room = await registry.get(name);
    const editor = conn('edit');
    room.join(editor);
    const source = new Y.Doc();
    let update: Uint8Array | null = null;
    source.on('update', (u: Uint8Array) => {
      update = u;
    });
    createMilestone(source, { title: 'Unsaved', status: 'planned', stage: 0 }, 'u1');
    const ack = await new Promise((resolve) =>
      room.handle(
        editor,
        { kind: 'sync-update', update: update! },
        encodeSync(SYNC_UPDATE, update!),
        resolve,
      ),
    );
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    room.leave(editor.id);
    await registry.unload(name);
    expect(registry.loadedNames()).toEqual([]);
    expect(rooms[0]!.doc.isDestroyed).toBe(true);
  });

  it('refuses an update from view access without applying it', async () => {
    const room = new DocRoom(docName('p2'), 'p2', new BrokenStore(), () => {}, projection, log);
    await room.load();
    const viewer = conn('view');
    room.join(viewer);
    const source = new Y.Doc();
    createMilestone(source, { title: 'Nope', status: 'planned', stage: 0 }, 'u1');
    const update = Y.encodeStateAsUpdate(source);
    expect(() =>
      room.handle(viewer, { kind: 'sync-update', update }, encodeSync(SYNC_UPDATE, update)),
    ).toThrow(/cannot change/);
    expect(room.doc.getMap('milestones').size).toBe(0);
  });
});
