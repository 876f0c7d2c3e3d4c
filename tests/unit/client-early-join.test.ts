/**
 * A project opened at its address sends the document's join before the room's code has loaded
 * (client/realtime/early-join.ts); the provider takes over when it comes. What the user would
 * notice if this went wrong: a room that never syncs, a refusal that is not shown, a document
 * the server keeps the user in after they left, or a join lost across a reconnection.
 */
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createRoomStore } from '../../client/features/project/room/room-store.ts';
import { joinEarly, takeEarlyJoin } from '../../client/realtime/early-join.ts';
import { DocProvider } from '../../client/realtime/provider.ts';
import { createMilestone, readMilestoneById } from '../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../shared/protocol/index.ts';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io-client Socket, with the server's side played by the test. */
class FakeSocket {
  connected = false;
  active = true;
  id: string | undefined = undefined;
  private handlers = new Map<string, Set<Handler>>();
  /** what the client sent: [event, ...arguments], acks left out */
  sent: unknown[][] = [];
  /** acks of the client's doc:join, in order */
  joinAcks: ((answer: unknown) => void)[] = [];
  private connections = 0;

  on(event: string, fn: Handler) {
    const set = this.handlers.get(event) ?? new Set();
    set.add(fn);
    this.handlers.set(event, set);
    return this;
  }
  off(event: string, fn: Handler) {
    this.handlers.get(event)?.delete(fn);
    return this;
  }
  once(event: string, fn: Handler) {
    const wrapped: Handler = (...args) => {
      this.off(event, wrapped);
      fn(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]) {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args.pop();
      if (event === DOC_EVENTS.join) this.joinAcks.push(last as (answer: unknown) => void);
    }
    this.sent.push([event, ...args]);
    return this;
  }
  /** the server sends an event to this client */
  receive(event: string, ...args: unknown[]) {
    for (const fn of [...(this.handlers.get(event) ?? [])]) fn(...args);
  }
  connect() {
    this.connected = true;
    this.id = `conn-${++this.connections}`;
    this.receive('connect');
  }
  disconnect() {
    this.connected = false;
    this.id = undefined;
    this.receive('disconnect', 'transport close');
  }
  sentEvents(event: string) {
    return this.sent.filter(([e]) => e === event);
  }
  /** the client's sync step 1 messages for the document */
  step1s() {
    return this.sentEvents(DOC_EVENTS.msg).filter(([, , m]) => {
      const bytes = m as Uint8Array;
      return bytes[0] === 0 && bytes[1] === 0;
    });
  }
}

const DOC = 'project:p-early';
const asSocket = (s: FakeSocket) => s as unknown as Socket;

/** The server's step 1 (its state vector) or step 2 (an update), framed as docs/protocol.md says. */
function syncMessage(sub: 0 | 1, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** The server's copy: one milestone. */
function serverDoc() {
  const doc = new Y.Doc();
  const id = createMilestone(doc, { title: 'Ethics committee opinion', status: 'planned' }, 'user-lead');
  return { doc, id };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.useRealTimers();
});

function provider(socket: FakeSocket, doc = new Y.Doc()) {
  const p = new DocProvider(doc, DOC, asSocket(socket));
  cleanups.push(() => p.destroy());
  return p;
}

describe('a join sent before the room', () => {
  it('waits for the connection, and the provider picks up the answer and what followed', () => {
    const socket = new FakeSocket();
    joinEarly(asSocket(socket), DOC);
    expect(socket.sentEvents(DOC_EVENTS.join)).toHaveLength(0);
    socket.connect();
    expect(socket.sentEvents(DOC_EVENTS.join)).toEqual([[DOC_EVENTS.join, DOC]]);

    // The server answers and sends its step 1 while the room's code is still loading.
    const server = serverDoc();
    socket.joinAcks[0]!({ ok: true, access: 'edit' });
    socket.receive(DOC_EVENTS.msg, DOC, syncMessage(0, Y.encodeStateVector(server.doc)));
    socket.receive(DOC_EVENTS.msg, 'project:someone-else', syncMessage(0, new Uint8Array([0])));

    const p = provider(socket);
    // It did not join a second time, nor ask twice for the document (the early join asked for
    // all of it), and it is in.
    expect(socket.sentEvents(DOC_EVENTS.join)).toHaveLength(1);
    expect(socket.step1s()).toHaveLength(1);
    expect(p.access).toBe('edit');
    expect(p.state.kind).not.toBe('connecting');

    // The server's step 2 brings the content: the document is synced.
    socket.receive(DOC_EVENTS.msg, DOC, syncMessage(1, Y.encodeStateAsUpdate(server.doc)));
    expect(p.synced).toBe(true);
    expect(readMilestoneById(p.doc, server.id)?.title).toBe('Ethics committee opinion');
  });

  it('draws the content the moment the room says it is synced, not a frame later', () => {
    const socket = new FakeSocket();
    socket.connect();
    joinEarly(asSocket(socket), DOC);
    const doc = new Y.Doc();
    const p = provider(socket, doc);
    const frames: (() => void)[] = [];
    const [state, actions] = createRoomStore(
      { doc, provider: p, awareness: p.awareness, origin: {}, whenLoaded: Promise.resolve() },
      { id: 'user-lead' },
      { schedule: (fn) => frames.push(fn) },
    );
    cleanups.push(actions.destroy);
    const server = serverDoc();
    socket.joinAcks[0]!({ ok: true, access: 'edit' });
    socket.receive(DOC_EVENTS.msg, DOC, syncMessage(1, Y.encodeStateAsUpdate(server.doc)));
    // No frame has run: "synced" never shows with an empty board ("no milestones yet").
    expect(state.synced).toBe(true);
    expect(state.milestones.map((m) => m.title)).toEqual(['Ethics committee opinion']);
  });

  it('hands over a join still unanswered: the answer reaches the provider when it comes', () => {
    const socket = new FakeSocket();
    socket.connect();
    joinEarly(asSocket(socket), DOC);
    const p = provider(socket);
    expect(p.access).toBeNull();
    socket.joinAcks[0]!({ ok: true, access: 'view' });
    expect(p.access).toBe('view');
    expect(socket.sentEvents(DOC_EVENTS.join)).toHaveLength(1);
    // The provider asked for the document itself, once.
    expect(socket.step1s()).toHaveLength(1);
  });

  it('shows a refusal that came before the room, as the room would have seen it', () => {
    const socket = new FakeSocket();
    socket.connect();
    joinEarly(asSocket(socket), DOC);
    const error = { code: 'not_found', message: 'No such document' };
    socket.joinAcks[0]!({ ok: false, error });
    const doc = new Y.Doc();
    const p = provider(socket, doc);
    expect(p.refusal).toEqual(error);
    const [state, actions] = createRoomStore(
      { doc, provider: p, awareness: p.awareness, origin: {}, whenLoaded: Promise.resolve() },
      { id: 'user-lead' },
      { schedule: (fn) => fn() },
    );
    cleanups.push(actions.destroy);
    expect(state.refused).toEqual(error);
    expect(state.access).toBeNull();
    expect(actions.mayWrite()).toBe(false);
  });

  it('is worthless after a reconnection: the provider joins again itself', () => {
    const socket = new FakeSocket();
    socket.connect();
    joinEarly(asSocket(socket), DOC);
    socket.disconnect();
    socket.connect();
    expect(takeEarlyJoin(asSocket(socket), DOC)).toBeNull();
    provider(socket);
    expect(socket.sentEvents(DOC_EVENTS.join)).toHaveLength(2);
  });

  it('leaves the document when no room takes it, and when the room closes before the answer', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    socket.connect();
    joinEarly(asSocket(socket), DOC);
    socket.joinAcks[0]!({ ok: true, access: 'edit' });
    vi.advanceTimersByTime(30_000);
    expect(socket.sentEvents(DOC_EVENTS.leave)).toEqual([[DOC_EVENTS.leave, DOC]]);
    expect(takeEarlyJoin(asSocket(socket), DOC)).toBeNull();

    joinEarly(asSocket(socket), DOC);
    const p = provider(socket);
    p.destroy();
    socket.joinAcks[1]!({ ok: true, access: 'edit' });
    expect(socket.sentEvents(DOC_EVENTS.leave)).toHaveLength(2);
  });
});
