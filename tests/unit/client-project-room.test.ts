/**
 * The project room's store against in-memory documents and a fake provider: what a user sees
 * follows the document (once per frame, reusing unchanged items), their writes are undoable by
 * them only, a restored deletion is a valid update for the server, and read-only or removed
 * people cannot write.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createRoomStore, type ProviderLike } from '../../client/features/project/room/room-store.ts';
import type { Access, ProviderError, SaveState } from '../../client/realtime/provider.ts';
import {
  applyAndValidate,
  createMilestone,
  readMilestoneById,
  readProjectDoc,
  setReadinessLevel,
  updateMilestone,
} from '../../shared/doc/index.ts';

type Listener = (value: never) => void;

class FakeProvider {
  state: SaveState = { kind: 'connecting', pending: 0 };
  access: Access | null = null;
  synced = false;
  private listeners = new Map<string, Set<Listener>>();
  on(event: string, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }
  emit(event: 'state' | 'access' | 'synced' | 'error', value?: SaveState | Access | null | ProviderError) {
    if (event === 'access') this.access = value as Access | null;
    if (event === 'state') this.state = value as SaveState;
    for (const l of this.listeners.get(event) ?? []) (l as (v: unknown) => void)(value);
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A room on doc `a`, with `b` a collaborator's document relayed live, and manual frames. */
function setup(access: Access = 'edit') {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  const provider = new FakeProvider();
  const awareness = new Awareness(a);
  const frames: (() => void)[] = [];
  let clock = 0;
  const origin = { kind: 'test-session' };
  const [state, actions] = createRoomStore(
    {
      doc: a,
      provider: provider as unknown as ProviderLike,
      awareness,
      origin,
      whenLoaded: Promise.resolve(),
    },
    { id: 'me' },
    { schedule: (fn) => frames.push(fn), now: () => clock },
  );
  provider.emit('access', access);
  const frame = () => {
    clock += 1000;
    for (const fn of frames.splice(0)) fn();
  };
  frame();
  cleanups.push(() => {
    actions.destroy();
    awareness.destroy();
  });
  return { a, b, state, actions, provider, awareness, frame, origin };
}

describe('the room store', () => {
  it('follows a collaborator’s changes once per frame and keeps unchanged milestones as they were', () => {
    const { b, state, frame } = setup();
    const first = createMilestone(b, { title: 'GLP toxicology' }, 'kb');
    const second = createMilestone(b, { title: 'Vector batch', status: 'blocked' }, 'kb');
    expect(state.milestones).toHaveLength(0); // nothing until the frame
    frame();
    expect(state.milestones.map((m) => m.title)).toEqual(['GLP toxicology', 'Vector batch']);
    const untouched = state.milestones[0];

    updateMilestone(b, second, { title: 'GMP vector batch' }, 'kb');
    updateMilestone(b, second, { status: 'at_risk' }, 'kb');
    frame();
    expect(state.milestones[1]).toMatchObject({
      title: 'GMP vector batch',
      status: 'at_risk',
      updatedBy: 'kb',
    });
    expect(state.milestones[0]).toBe(untouched);
    expect(state.milestones[0]!.id).toBe(first);
  });

  it('undoes and redoes only one’s own changes, a drop (status and place) as one step', () => {
    const { b, state, actions, frame } = setup();
    const x = actions.createMilestone({ title: 'Potency assay' })!;
    const y = actions.createMilestone({ title: 'Release assay' })!;
    frame();
    updateMilestone(b, y, { title: 'Release assays, qualified' }, 'kb'); // someone else
    actions.setStatus(y, 'in_progress', { before: x });
    frame();
    expect(state.milestones.map((m) => [m.id, m.status])).toEqual([
      [y, 'in_progress'],
      [x, 'planned'],
    ]);

    expect(actions.undo()).toBe(true); // the drop, whole
    frame();
    expect(state.milestones.map((m) => [m.id, m.status])).toEqual([
      [x, 'planned'],
      [y, 'planned'],
    ]);
    expect(state.milestones[1]!.title).toBe('Release assays, qualified'); // theirs stays

    expect(actions.redo()).toBe(true);
    frame();
    expect(state.milestones[0]).toMatchObject({ id: y, status: 'in_progress' });
    expect(actions.history[0].canUndo).toBe(true);
  });

  it('restores a deleted milestone on undo with an update the server accepts', () => {
    const { a, actions, state, frame } = setup();
    const id = actions.createMilestone({
      title: 'Pre-CTA meeting',
      description: 'Briefing book\nQuestions',
    })!;
    frame();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(a));

    actions.deleteMilestone(id);
    frame();
    expect(state.milestones).toHaveLength(0);
    actions.undo();
    frame();
    expect(state.milestones.map((m) => m.title)).toEqual(['Pre-CTA meeting']);
    expect(readMilestoneById(a, id)?.description).toBe('Briefing book\nQuestions');

    const update = Y.encodeStateAsUpdate(a, Y.encodeStateVector(server));
    expect(applyAndValidate(server, update)).toEqual([]);
    expect(readMilestoneById(server, id)?.title).toBe('Pre-CTA meeting');
  });

  it('reports a refused write and leaves the document as it was', () => {
    const { actions, state, frame } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const id = actions.createMilestone({ title: 'Lock the process' })!;
    expect(actions.updateMilestone(id, { title: '   ' })).toBeNull();
    expect(state.writeError).toMatch(/title/);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    frame();
    expect(state.milestones[0]!.title).toBe('Lock the process');
  });

  it('reads readiness and criteria at most every 250 ms', () => {
    const { b, state, frame } = setup();
    setReadinessLevel(b, 'technology', 6, 'kb');
    frame();
    expect(state.readiness.technology?.level).toBe(6);
    setReadinessLevel(b, 'technology', 7, 'kb');
    frame();
    expect(state.readiness.technology).toMatchObject({ level: 7, updatedBy: 'kb' });
  });

  it('gives read-only access no way to write', () => {
    const { state, actions, frame } = setup('view');
    expect(actions.mayWrite()).toBe(false);
    expect(actions.createMilestone({ title: 'Sneaky' })).toBeNull();
    frame();
    expect(state.milestones).toHaveLength(0);
  });

  it('tells a refusal to open from a removal, and stops writing after a removal', () => {
    // a store that never joined: the error is a refusal to open
    const doc = new Y.Doc();
    const provider = new FakeProvider();
    const awareness = new Awareness(doc);
    const [state, actions] = createRoomStore(
      {
        doc,
        provider: provider as unknown as ProviderLike,
        awareness,
        origin: {},
        whenLoaded: Promise.resolve(),
      },
      { id: 'me' },
      { schedule: () => {} },
    );
    provider.emit('error', { code: 'not_found', message: 'No such project.' });
    expect(state.refused?.code).toBe('not_found');
    actions.destroy();
    awareness.destroy();

    const { state: s, actions: a, provider: p } = setup('edit');
    p.emit('access', null);
    p.emit('error', { code: 'forbidden', message: 'Removed from the project.' });
    expect(s.revoked).toBe(true);
    expect(s.refused).toBeNull();
    expect(a.createMilestone({ title: 'Too late' })).toBeNull();
  });

  it('shows who is here and what they edit, from awareness', () => {
    const { a, b, state, actions, awareness } = setup();
    awareness.setLocalState({ user: { id: 'me', name: 'Claire Dubois', color: '#4338ca' } });
    actions.setEditing('m1');
    const theirs = new Awareness(b);
    theirs.setLocalState({ user: { id: 'kb', name: 'Karim Benali', color: '#0f766e' }, editing: 'm2' });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(theirs, [b.clientID]), 'remote');
    expect(state.presence.map((p) => [p.name, p.editing])).toEqual([
      ['Claire Dubois', ['m1']],
      ['Karim Benali', ['m2']],
    ]);
    theirs.destroy();
    expect(a.clientID).not.toBe(b.clientID);
  });
});

describe('the room store before its document is there', () => {
  /** The server's document, and its milestones as the projection's rows give them. */
  function serverDoc() {
    const doc = new Y.Doc();
    createMilestone(doc, { title: 'GLP toxicology', status: 'done' }, 'kb');
    createMilestone(doc, { title: 'Vector batch', status: 'blocked' }, 'kb');
    const rows = readProjectDoc(doc).milestones.map((m) => ({ ...m, createdBy: null, createdAt: null }));
    return { doc, rows };
  }

  it('shows the projected milestones read-only, then the document’s in their place', () => {
    const { a, state, actions, provider } = setup();
    const server = serverDoc();
    actions.showProjected(server.rows);
    expect(state.preview).toBe(true);
    expect(state.milestones.map((m) => [m.title, m.status])).toEqual([
      ['GLP toxicology', 'done'],
      ['Vector batch', 'blocked'],
    ]);
    expect(actions.mayWrite()).toBe(false);
    expect(actions.createMilestone({ title: 'Too early' })).toBeNull();
    expect(actions.setStatus(server.rows[0]!.id, 'planned')).toBeNull();
    expect(a.getMap('milestones').size).toBe(0);

    // The document arrives (with a change made since the rows were projected).
    updateMilestone(server.doc, server.rows[0]!.id, { title: 'GLP toxicology, signed' }, 'kb');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server.doc), 'server');
    provider.emit('synced');
    expect(state.preview).toBe(false);
    expect(state.milestones.map((m) => m.title)).toEqual(['GLP toxicology, signed', 'Vector batch']);
    expect(state.milestones[1]!.createdBy).toBe('kb');
    expect(actions.mayWrite()).toBe(true);
  });

  it('lets an empty document end the preview, and a device copy with content too', () => {
    const first = setup();
    first.actions.showProjected(serverDoc().rows);
    first.provider.emit('synced');
    expect(first.state.preview).toBe(false);
    expect(first.state.milestones).toHaveLength(0);

    const second = setup();
    const server = serverDoc();
    second.actions.showProjected(server.rows);
    Y.applyUpdate(second.a, Y.encodeStateAsUpdate(server.doc), 'device copy');
    second.frame();
    expect(second.state.preview).toBe(false);
    expect(second.state.milestones).toHaveLength(2);
    expect(second.actions.mayWrite()).toBe(true);
  });

  it('ignores projected milestones that come after the document', () => {
    const { b, state, actions, frame } = setup();
    createMilestone(b, { title: 'Pre-CTA meeting' }, 'kb');
    frame();
    actions.showProjected(serverDoc().rows);
    expect(state.preview).toBe(false);
    expect(state.milestones.map((m) => m.title)).toEqual(['Pre-CTA meeting']);

    const late = setup();
    late.provider.emit('synced');
    late.actions.showProjected(serverDoc().rows);
    expect(late.state.preview).toBe(false);
    expect(late.state.milestones).toHaveLength(0);
  });
});
