/**
 * The live engine on the in-memory store (server/collab/): what a connection gets on joining,
 * what becomes of its updates (stored, acknowledged, relayed, or refused and rolled back), how a
 * turn's updates are relayed together, compaction, and another node's updates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryDocStore } from '../../../server/collab/memory-doc-store.ts';
import {
  addMilestone,
  closeRooms,
  join,
  linkedPeers,
  NAME,
  nextTurn,
  openRoom,
  send,
  stored,
  sync,
  titles,
} from './engine.ts';

afterEach(closeRooms);

/** A store holding a document with the milestones `names`, written as one row each. */
async function storeWith(...names: string[]): Promise<MemoryDocStore> {
  const store = new MemoryDocStore();
  const doc = new Y.Doc();
  for (const name of names) {
    const before = Y.encodeStateVector(doc);
    addMilestone(name)(doc);
    await store.append(NAME, Y.encodeStateAsUpdate(doc, before), 'editor');
  }
  return store;
}

describe('joining', () => {
  it.each([
    ['awake', false],
    ['dormant', true],
  ])('a connection to a %s room gets the document as stored', async (_label, marked) => {
    const store = await storeWith('plan', 'build');
    if (marked) store.markProjected(NAME, 2);
    const room = await openRoom(store);
    expect(room.isDormant).toBe(marked);
    const client = join(room, 'c1', 'view');
    expect(client.received[0]?.kind).toBe('sync-step1');
    sync(room, client);
    expect(client.received.at(-1)?.kind).toBe('sync-step2');
    expect(titles(client.doc)).toEqual(['build', 'plan']);
    // Serving a join does not wake a dormant room.
    expect(room.isDormant).toBe(marked);
  });
});

describe('an update from an editor', () => {
  it('is stored, acknowledged once committed, and relayed to the others only', async () => {
    const store = new MemoryDocStore();
    const room = await openRoom(store);
    const editor = join(room, 'editor');
    const viewer = join(room, 'viewer', 'view');
    const sent = send(room, editor, addMilestone('first'));
    expect(sent.refused).toBeNull();
    expect(await sent.ack).toEqual({ ok: true });
    expect(titles(await stored(store))).toEqual(['first']);
    await nextTurn();
    expect(titles(viewer.doc)).toEqual(['first']);
    // The author is not sent its own update back.
    expect(editor.received.map((m) => m.kind)).toEqual(['sync-step1']);
    expect(titles(room.doc)).toEqual(['first']);
  });
});

describe('a refused update', () => {
  it.each([
    ['from a viewer', 'view' as const, addMilestone('sneaky'), 'forbidden'],
    [
      'with invalid content',
      'edit' as const,
      (d: Y.Doc): void => void d.getMap('evil').set('x', 1),
      'malformed',
    ],
  ])('%s is rolled back: nothing stored or relayed', async (_label, access, edit, code) => {
    const store = await storeWith('kept');
    const room = await openRoom(store);
    const author = join(room, 'author', access);
    sync(room, author);
    const watcher = join(room, 'watcher', 'view');
    const before = room.encodeState();
    const sent = send(room, author, edit);
    expect(sent.refused?.code).toBe(code);
    expect(await sent.ack).toMatchObject({ ok: false, error: { code } });
    await nextTurn();
    expect(watcher.received.map((m) => m.kind)).toEqual(['sync-step1']);
    expect((await store.load(NAME)).updates).toHaveLength(1);
    expect(Y.encodeStateVector(room.doc)).toEqual(Y.encodeStateVectorFromUpdate(before));
    expect(room.doc.share.has('evil')).toBe(false);
    // The room goes on: the next valid update is applied, stored and relayed.
    const editor = join(room, 'editor');
    sync(room, editor);
    expect(await send(room, editor, addMilestone('next')).ack).toEqual({ ok: true });
    await nextTurn();
    expect(titles(watcher.doc)).toEqual(['next']);
    expect(titles(await stored(store))).toEqual(['kept', 'next']);
  });
});

describe('relay batching', () => {
  it('relays an update alone as its author framed it', async () => {
    const room = await openRoom(new MemoryDocStore());
    const editor = join(room, 'editor');
    const viewer = join(room, 'viewer', 'view');
    const sent = send(room, editor, addMilestone('alone'));
    expect(viewer.raw).toHaveLength(1);
    await nextTurn();
    expect(viewer.raw[1]).toBe(sent.framed);
  });

  it("relays one turn's updates as one merged update, and to each author the others'", async () => {
    const room = await openRoom(new MemoryDocStore());
    const a = join(room, 'a');
    const b = join(room, 'b');
    const viewer = join(room, 'viewer', 'view');
    const acks = [
      send(room, a, addMilestone('a1')).ack,
      send(room, a, addMilestone('a2')).ack,
      send(room, b, addMilestone('b1')).ack,
    ];
    // Nothing goes out before the end of the turn.
    expect(viewer.received).toHaveLength(1);
    await nextTurn();
    expect(viewer.received.slice(1).map((m) => m.kind)).toEqual(['sync-update']);
    expect(titles(viewer.doc)).toEqual(['a1', 'a2', 'b1']);
    expect(a.received.slice(1)).toHaveLength(1);
    expect(b.received.slice(1)).toHaveLength(1);
    expect(titles(a.doc)).toEqual(['a1', 'a2', 'b1']);
    expect(titles(b.doc)).toEqual(['a1', 'a2', 'b1']);
    expect(await Promise.all(acks)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
  });
});

describe('compaction', () => {
  it('folds the log into a snapshot past the threshold, keeping every change', async () => {
    const store = new MemoryDocStore();
    const room = await openRoom(store, { compactRows: 5 });
    const editor = join(room, 'editor');
    const names = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    for (const name of names) {
      expect(await send(room, editor, addMilestone(name)).ack).toEqual({ ok: true });
      await nextTurn();
    }
    await room.compacted();
    const after = await store.load(NAME);
    expect(after.snapshot).not.toBeNull();
    expect(after.snapshotUpto).toBeGreaterThanOrEqual(5);
    expect(after.updates.length).toBeLessThan(5);
    expect(titles(await stored(store))).toEqual(names);
    // The absorbed rows move to history: none is lost.
    expect((await store.since(NAME, 0, new Set())).rows).toHaveLength(6);
    // A room loaded afresh holds the document.
    const fresh = await openRoom(store);
    expect(titles(fresh.doc)).toEqual(names);
  });
});

describe("another node's update", () => {
  it("reaches this node's connections, and its rows are held once committed", async () => {
    const store = new MemoryDocStore();
    const link = linkedPeers();
    const a = await openRoom(store, {}, link.a);
    const b = await openRoom(store, {}, link.b);
    link.rooms.a = a;
    link.rooms.b = b;
    const editor = join(a, 'editor');
    const watcher = join(b, 'watcher', 'view');
    const sent = send(a, editor, addMilestone('from a'));
    await nextTurn();
    expect(titles(watcher.doc)).toEqual(['from a']);
    expect(await sent.ack).toEqual({ ok: true });
    // The rows are announced in a later turn: then node b knows its copy holds them.
    await nextTurn();
    const { byDoc, through } = await store.idsSince(0);
    expect(b.holdsAll(byDoc.get(NAME) ?? [], through)).toBe(true);
    expect(b.heldThrough).toBe(through);
  });

  it('is read from the store when its message was lost and its rows are announced', async () => {
    const store = new MemoryDocStore();
    const link = linkedPeers({ updates: true });
    const a = await openRoom(store, {}, link.a);
    const b = await openRoom(store, {}, link.b);
    link.rooms.a = a;
    link.rooms.b = b;
    const editor = join(a, 'editor');
    const watcher = join(b, 'watcher', 'view');
    send(a, editor, addMilestone('lost on the way'));
    await nextTurn();
    expect(titles(watcher.doc)).toEqual([]);
    await nextTurn();
    await b.catchUp();
    expect(titles(watcher.doc)).toEqual(['lost on the way']);
    expect(titles(b.doc)).toEqual(['lost on the way']);
  });
});
