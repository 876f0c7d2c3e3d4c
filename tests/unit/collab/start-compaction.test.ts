/**
 * After a start, a document whose log is already long is folded in the background, so that the
 * first visitor's join reads one snapshot, not thousands of rows (what a user notices: the
 * project opens sooner). Folding keeps every update: the rows move to the history, the document
 * reads the same, and documents with a short log are left alone.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocRegistry } from '../../../server/collab/doc-registry.ts';
import { DocRoom } from '../../../server/collab/doc-room.ts';
import { MemoryDocStore } from '../../../server/collab/memory-doc-store.ts';
import type { Projection } from '../../../server/collab/projection.ts';
import { DEFAULT_ROOM_OPTIONS } from '../../../server/collab/room-options.ts';
import { compactLongLogs } from '../../../server/collab/start-compaction.ts';
import { createLogger } from '../../../server/log.ts';
import { createMilestone, docName, readProjectDoc } from '../../../shared/doc/index.ts';

const log = createLogger('silent');
const projection: Projection = {
  start: async () => {},
  noteTransaction: () => {},
  follow: () => {},
  flush: async () => {},
  stop: () => {},
};
const options = { ...DEFAULT_ROOM_OPTIONS, compactRows: 20, compactBytes: 1 << 30 };

/** Appends `count` updates to the store directly, as another process would have. */
async function writeLog(store: MemoryDocStore, name: string, count: number): Promise<Y.Doc> {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++)
    createMilestone(source, { title: `M${i}`, status: 'planned', stage: 0 }, 'u1');
  for (const u of updates) await store.append(name, u, 'u1');
  return source;
}

function registryOf(store: MemoryDocStore, onOpen: (name: string) => void = () => {}) {
  const opened: string[] = [];
  const registry = new DocRegistry(async (name) => {
    opened.push(name);
    onOpen(name);
    const room = new DocRoom(name, name.split(':')[1]!, store, () => {}, projection, log, options);
    await room.load();
    return room;
  }, log);
  return { registry, opened };
}

describe('folding long logs after a start', () => {
  it('folds each long log into a snapshot, keeps every row in history, and leaves short logs', async () => {
    const store = new MemoryDocStore();
    const long = docName('p-long');
    const short = docName('p-short');
    const source = await writeLog(store, long, 30);
    await writeLog(store, short, 5);
    const { registry, opened } = registryOf(store);

    expect(await compactLongLogs(registry, store, options, log, () => false)).toBe(1);

    expect(opened).toEqual([long]);
    const stored = await store.load(long);
    expect(stored.updates).toEqual([]);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, stored.snapshot!);
    expect(readProjectDoc(fromSnapshot)).toEqual(readProjectDoc(source));
    expect((await store.since(long, 0, new Set())).rows).toHaveLength(30);
    expect((await store.load(short)).updates).toHaveLength(5);
    await registry.closeAll();
  });

  it('shares the load with a join that comes meanwhile, and stops when the server stops', async () => {
    const store = new MemoryDocStore();
    const names = [docName('p1'), docName('p2')];
    for (const name of names) await writeLog(store, name, 25);
    let stopping = false;
    let firstOpened = () => {};
    const opening = new Promise<void>((resolve) => {
      firstOpened = resolve;
    });
    // The server starts stopping while the first document is being folded.
    const { registry, opened } = registryOf(store, () => {
      stopping = true;
      firstOpened();
    });
    const folding = compactLongLogs(registry, store, options, log, () => stopping);
    await opening;
    const joined = registry.get(names[0]!);
    expect(await folding).toBe(1);
    await (await joined).compacted();
    expect(opened).toEqual([names[0]]);
    expect((await store.load(names[1]!)).updates).toHaveLength(25);
    await registry.closeAll();
  });
});
