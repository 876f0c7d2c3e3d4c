/**
 * A room's answers to what a connection asks it to send, driven without sockets
 * (server/collab/, server/realtime/limits.ts, backpressure.ts).
 */
import { EventEmitter } from 'node:events';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Broadcast,
  type Connection,
  type ConnectionLimits,
  NO_LIMITS,
} from '../../../server/collab/connection.ts';
import { DocRoom } from '../../../server/collab/doc-room.ts';
import type { DocStore, LogRow, StoredDoc } from '../../../server/collab/doc-store.ts';
import type { Projection } from '../../../server/collab/projection.ts';
import { createLogger } from '../../../server/log.ts';
import { watchOutgoing } from '../../../server/realtime/backpressure.ts';
import { FlowLedger } from '../../../server/realtime/limits.ts';
import { ByteBudget } from '../../../server/realtime/rate-limit.ts';
import { createMilestone, docName, readProjectDoc } from '../../../shared/doc/index.ts';
import { DOC_EVENTS } from '../../../shared/protocol/index.ts';

const log = createLogger('silent');
const projection: Projection = {
  start: () => {},
  noteTransaction: () => {},
  follow: () => {},
  flush: async () => {},
  stop: () => {},
};

class MemoryStore implements DocStore {
  private id = 0;
  async load(): Promise<StoredDoc> {
    return { snapshot: null, snapshotUpto: null, updates: [], through: 0, projectedUpto: null };
  }
  async append(): Promise<number> {
    return ++this.id;
  }
  async since(): Promise<{ rows: LogRow[]; through: number }> {
    return { rows: [], through: this.id };
  }
  async compact(): Promise<boolean> {
    return true;
  }
  async idsSince(): Promise<{ byDoc: Map<string, number[]>; through: number }> {
    return { byDoc: new Map(), through: this.id };
  }
  async flush(): Promise<void> {}
}

/** A connection that records the `doc:msg` it is sent. */
function connection(id: string, access: 'edit' | 'view', limits: ConnectionLimits = NO_LIMITS) {
  const sent: Uint8Array[] = [];
  const conn: Connection = {
    id,
    actor: { id: `user-${id}`, name: id, email: `${id}@x`, clusterManager: false, organisationId: null },
    access,
    roles: access === 'edit' ? ['contributor'] : ['observer'],
    awarenessClients: new Set(),
    limits,
    send: (event, _doc, message) => {
      if (event === DOC_EVENTS.msg) sent.push(message as Uint8Array);
    },
  };
  return { conn, sent };
}

const ASK_FOR_ALL = { kind: 'sync-step1' as const, stateVector: new Uint8Array([0]) };
const rooms: DocRoom[] = [];
afterEach(async () => {
  for (const room of rooms.splice(0)) await room.close();
});

async function awakeRoom(broadcast: Broadcast = () => {}) {
  const room = new DocRoom(docName('p1'), 'p1', new MemoryStore(), broadcast, projection, log);
  rooms.push(room);
  await room.load();
  const editor = connection('editor', 'edit');
  room.join(editor.conn);
  const source = new Y.Doc();
  const write = (title: string) => {
    const before = Y.encodeStateVector(source);
    createMilestone(source, { title, status: 'planned', stage: 0 }, 'e');
    const update = Y.encodeStateAsUpdate(source, before);
    room.handle(editor.conn, { kind: 'sync-update', update }, update);
  };
  write('first');
  expect(room.isDormant).toBe(false);
  return { room, source, write };
}

/** The sync payload of a message. */
function payload(message: Uint8Array): { sub: number; data: Uint8Array } {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  const sub = decoding.readVarUint(decoder);
  return { sub, data: decoding.readVarUint8Array(decoder) };
}

describe('requests for the whole document', () => {
  it('are answered from one shared encoded reply, what changed since coming first', async () => {
    const { room, source, write } = await awakeRoom();
    const viewer = connection('viewer', 'view');
    room.join(viewer.conn);
    viewer.sent.length = 0;
    room.handle(viewer.conn, ASK_FOR_ALL, new Uint8Array());
    room.handle(viewer.conn, ASK_FOR_ALL, new Uint8Array());
    write('second');
    room.handle(viewer.conn, ASK_FOR_ALL, new Uint8Array());
    const [first, second, since, third] = viewer.sent;
    expect(second).toBe(first);
    expect(third).toBe(first);
    // A client counts itself synced at the step 2, so it must then hold the document as it is
    // now: what changed since the shared reply was encoded comes first, as an update (Yjs keeps
    // it until the step 2 brings what it builds on).
    expect(payload(since!).sub).toBe(2);
    expect(payload(third!).sub).toBe(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, payload(since!).data);
    Y.applyUpdate(copy, payload(third!).data);
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(source));
    expect(readProjectDoc(copy).milestones.map((m) => m.title)).toEqual(['first', 'second']);
  });

  it('are refused once over the send budget when acknowledged, and owed when not', async () => {
    const { room } = await awakeRoom();
    let now = 0;
    const budget = new ByteBudget(1000, 100, () => now);
    const limits: ConnectionLimits = {
      mayRequest: () => budget.ready,
      charge: (bytes) => budget.charge(bytes),
      waitMs: () => budget.waitMs(),
      mayGrow: () => true,
    };
    const viewer = connection('viewer', 'view', limits);
    room.join(viewer.conn);
    viewer.sent.length = 0;
    const acks: unknown[] = [];
    room.handle(viewer.conn, ASK_FOR_ALL, new Uint8Array(), (a) => acks.push(a));
    expect(acks).toEqual([{ ok: true }]);
    expect(viewer.sent).toHaveLength(1);
    // The reply overdrew the budget: the next is refused, and nothing is sent.
    expect(() => room.handle(viewer.conn, ASK_FOR_ALL, new Uint8Array(), (a) => acks.push(a))).toThrow(
      expect.objectContaining({ code: 'rate_limited' }),
    );
    room.handle(viewer.conn, ASK_FOR_ALL, new Uint8Array());
    expect(viewer.sent).toHaveLength(1);
    // Once the budget has refilled, the owed reply goes out.
    now += budget.waitMs() + 1;
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (viewer.sent.length < 2) return;
        clearInterval(poll);
        resolve();
      }, 5);
    });
    expect(viewer.sent[1]).toBe(viewer.sent[0]);
  });
});

describe('a paused connection', () => {
  it('is sent nothing of the document until resumed, then what it missed', async () => {
    // The room's broadcasts: recorded with the connections they leave out.
    const broadcastTo: (string | string[] | null)[] = [];
    const { room, source, write } = await awakeRoom((except) => void broadcastTo.push(except));
    const viewer = connection('viewer', 'view');
    await new Promise((resolve) => setImmediate(resolve)); // the first write's relay is out
    room.join(viewer.conn);
    room.handle(viewer.conn, ASK_FOR_ALL, new Uint8Array());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, payload(viewer.sent.at(-1)!).data);
    room.pause('viewer');
    write('while paused');
    await new Promise((resolve) => setImmediate(resolve));
    expect(broadcastTo.at(-1)).toEqual(['viewer', 'editor']);
    room.handle(
      viewer.conn,
      { kind: 'sync-step1', stateVector: Y.encodeStateVector(copy) },
      new Uint8Array(),
    );
    const sentWhilePaused = viewer.sent.length;
    room.resume('viewer');
    expect(viewer.sent.length).toBeGreaterThan(sentWhilePaused);
    for (const message of viewer.sent.slice(sentWhilePaused)) {
      const { sub, data } = payload(message);
      if (sub === 1) Y.applyUpdate(copy, data);
    }
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(source));
  });
});

describe('the outgoing buffer watch', () => {
  /** An engine.io socket as far as the watch sees it: its public events and its transport. */
  function engineSocket() {
    const conn = new EventEmitter() as EventEmitter & { transport: EventEmitter };
    conn.transport = new EventEmitter();
    return conn;
  }

  it('says a socket is behind past the limit, and caught up once its transport drains', () => {
    const conn = engineSocket();
    const events: string[] = [];
    const watch = watchOutgoing(conn as never, 1000, {
      behind: () => events.push('behind'),
      caughtUp: () => events.push('caught up'),
    });
    conn.emit('packetCreate', { type: 'message', data: new Uint8Array(600) });
    conn.emit('flush');
    conn.emit('packetCreate', { type: 'message', data: new Uint8Array(600) });
    expect(watch.behind).toBe(true);
    // The first batch is written; the second waits in the buffer: still behind.
    conn.transport.emit('drain');
    expect(watch.behind).toBe(true);
    conn.emit('flush');
    conn.transport.emit('drain');
    expect(watch.behind).toBe(false);
    expect(events).toEqual(['behind', 'caught up']);
  });
});

describe('the hourly history cap', () => {
  it('counts each editor apart, and starts afresh after an hour', () => {
    let now = 0;
    const ledger = new FlowLedger(
      {
        connectionBytesPerSecond: 1,
        connectionByteBurst: 1,
        userBytesPerSecond: 1,
        userByteBurst: 1,
        historyBytesPerHour: 100,
        outgoingBufferBytes: 1,
      },
      () => now,
    );
    const a = ledger.connect('a');
    const b = ledger.connect('b');
    expect(a.mayGrow('doc', 60)).toBe(true);
    expect(a.mayGrow('doc', 60)).toBe(false);
    expect(a.mayGrow('doc', 40)).toBe(true);
    expect(b.mayGrow('doc', 60)).toBe(true);
    expect(a.mayGrow('other', 60)).toBe(true);
    now += 3_600_000;
    expect(a.mayGrow('doc', 60)).toBe(true);
  });

  it('shares one send budget among the sockets of a user, past each socket’s first request', () => {
    const ledger = new FlowLedger({
      connectionBytesPerSecond: 1,
      connectionByteBurst: 1000,
      userBytesPerSecond: 1,
      userByteBurst: 1000,
      historyBytesPerHour: 1,
      outgoingBufferBytes: 1,
    });
    const first = ledger.connect('u');
    const second = ledger.connect('u');
    expect(first.mayRequest('doc')).toBe(true);
    first.charge(2000);
    // Asked again, on this socket or another of the user's: over the shared budget.
    expect(first.mayRequest('doc')).toBe(false);
    second.mayRequest('doc');
    expect(second.mayRequest('doc')).toBe(false);
    // A socket's first request about a document is the join's own cost: always answered.
    expect(second.mayRequest('other doc')).toBe(true);
    expect(ledger.connect('someone else').mayRequest('doc')).toBe(true);
  });
});
