/**
 * The comments store against a fake socket: live comments merge by id (once, whatever the
 * order of the POST reply and the event), other milestones' comments are ignored, events during
 * a load are not lost, a reconnection reloads; and the @mention helpers.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  type CommentEvents,
  type CommentsApi,
  createCommentsStore,
  mergeComment,
  toThreads,
} from '../../client/features/comments/comments-store.ts';
import {
  bodySegments,
  insertMention,
  matchMembers,
  mentionAt,
  mentionIds,
} from '../../client/features/comments/mentions.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import type { Comment } from '../../shared/schemas/comments.ts';

const P = 'project-1';
const M = 'milestone-1';
const alice = { id: 'u-alice', name: 'Alice Martin' };
const bob = { id: 'u-bob', name: 'Bob Lefèvre' };

let seq = 0;
function comment(over: Partial<Comment> = {}): Comment {
  seq += 1;
  return {
    id: `c${seq}`,
    projectId: P,
    milestoneId: M,
    parentId: null,
    author: alice,
    body: `comment ${seq}`,
    mentions: [],
    visibility: 'team',
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: new Date(Date.UTC(2026, 10, 1, 10, seq)).toISOString(),
    ...over,
  };
}

class FakeSocket {
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  on(event: string, fn: (...args: unknown[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(fn);
    return this;
  }
  off(event: string, fn: (...args: unknown[]) => void) {
    this.listeners.get(event)?.delete(fn);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
  count(event: string) {
    return this.listeners.get(event)?.size ?? 0;
  }
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(initial: Comment[] = [], api: Partial<CommentsApi> = {}) {
  const socket = new FakeSocket();
  const onLiveComment = vi.fn();
  const fullApi: CommentsApi = {
    comments: vi.fn(async () => initial),
    createComment: vi.fn(async (_p, body) => comment({ body: body.body, visibility: body.visibility })),
    setCommentResolved: vi.fn(async (_p, id, resolved) => ({
      ...initial.find((c) => c.id === id)!,
      resolved,
      resolvedBy: resolved ? bob : null,
      resolvedAt: resolved ? new Date().toISOString() : null,
    })),
    ...api,
  };
  const [state, actions] = createCommentsStore({
    api: fullApi,
    events: socket as unknown as CommentEvents,
    projectId: P,
    milestoneId: M,
    selfId: alice.id,
    onLiveComment,
  });
  return { socket, state, actions, api: fullApi, onLiveComment };
}

describe('mergeComment and toThreads', () => {
  it('adds a new comment in creation order and replaces a known one by id', () => {
    const a = comment();
    const b = comment();
    const c = comment();
    const list = mergeComment(mergeComment([a], c), b);
    expect(list.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    const resolvedB = { ...b, resolved: true };
    const again = mergeComment(list, resolvedB);
    expect(again).toHaveLength(3);
    expect(again[1]).toBe(resolvedB);
  });

  it('groups replies under their thread, threads and replies oldest first', () => {
    const t1 = comment();
    const t2 = comment();
    const r1 = comment({ parentId: t1.id, author: bob });
    const r2 = comment({ parentId: t1.id });
    const orphan = comment({ parentId: 'gone' });
    const threads = toThreads([r2, t2, orphan, r1, t1]);
    expect(threads.map((t) => t.root.id)).toEqual([t1.id, t2.id, orphan.id]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual([r1.id, r2.id]);
  });
});

describe('comments store', () => {
  it('merges a live comment from someone else and announces it; ignores other milestones and projects', async () => {
    const first = comment();
    const { socket, state, actions, onLiveComment } = setup([first]);
    await actions.load();
    expect(state.status).toBe('ready');

    const fromBob = comment({ author: bob });
    socket.emit(APP_EVENTS.commentChanged, fromBob);
    socket.emit(APP_EVENTS.commentChanged, comment({ milestoneId: 'other' }));
    socket.emit(APP_EVENTS.commentChanged, comment({ projectId: 'other' }));
    expect(state.comments.map((c) => c.id)).toEqual([first.id, fromBob.id]);
    expect(onLiveComment).toHaveBeenCalledTimes(1);
    expect(onLiveComment).toHaveBeenCalledWith(fromBob);
  });

  it('shows our own comment once, whether the event comes before or after the POST reply', async () => {
    const posted = comment();
    const reply = deferred<Comment>();
    const { socket, state, actions, onLiveComment } = setup([], {
      createComment: vi.fn(() => reply.promise),
    });
    await actions.load();
    const sending = actions.post({ body: posted.body, visibility: 'team', mentions: [] });
    socket.emit(APP_EVENTS.commentChanged, posted); // the echo overtakes the reply
    reply.resolve(posted);
    await sending;
    expect(state.comments.map((c) => c.id)).toEqual([posted.id]);
    socket.emit(APP_EVENTS.commentChanged, posted);
    expect(state.comments).toHaveLength(1);
    expect(onLiveComment).not.toHaveBeenCalled();
  });

  it('keeps an event that arrives while the list is loading', async () => {
    const listed = comment();
    const answer = deferred<Comment[]>();
    const { socket, state, actions } = setup([], { comments: vi.fn(() => answer.promise) });
    const loading = actions.load();
    const live = comment({ author: bob });
    socket.emit(APP_EVENTS.commentChanged, live);
    answer.resolve([listed]);
    await loading;
    expect(state.comments.map((c) => c.id)).toEqual([listed.id, live.id]);
  });

  it('replaces a thread when it is resolved, here or by someone else', async () => {
    const thread = comment();
    const { socket, state, actions } = setup([thread]);
    await actions.load();
    await actions.setResolved(thread.id, true);
    expect(state.comments[0]).toMatchObject({ id: thread.id, resolved: true, resolvedBy: bob });
    socket.emit(APP_EVENTS.commentChanged, { ...thread, resolved: false });
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.resolved).toBe(false);
  });

  it('reloads after a reconnection, keeps the list on a failed reload, and unsubscribes on dispose', async () => {
    const a = comment();
    const b = comment({ author: bob });
    const comments = vi
      .fn<CommentsApi['comments']>()
      .mockResolvedValueOnce([a])
      .mockResolvedValueOnce([a, b])
      .mockRejectedValueOnce(new Error('offline'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { socket, state, actions } = setup([], { comments });
    await actions.load();
    socket.emit('connect');
    await vi.waitFor(() => expect(state.comments).toHaveLength(2));
    socket.emit('connect');
    await vi.waitFor(() => expect(comments).toHaveBeenCalledTimes(3));
    expect(state.status).toBe('ready');
    expect(state.comments).toHaveLength(2);
    warn.mockRestore();

    actions.dispose();
    expect(socket.count(APP_EVENTS.commentChanged)).toBe(0);
    expect(socket.count('connect')).toBe(0);
  });

  it('reports a failed first load as an error', async () => {
    const { state, actions } = setup([], { comments: vi.fn(async () => Promise.reject(new Error('boom'))) });
    await actions.load();
    expect(state.status).toBe('error');
  });
});

describe('@mentions', () => {
  const members = [
    { userId: 'u1', name: 'Dr. Sophie Laurent', email: 'mentor@demo.jalon' },
    { userId: 'u2', name: 'Hélène Marchand', email: 'manager@demo.jalon' },
    { userId: 'u3', name: 'Karim Benali', email: 'researcher@demo.jalon' },
    { userId: 'u4', name: 'Karim Benali-Roux', email: 'kbr@demo.jalon' },
  ];

  it('finds the mention being typed, not an e-mail address', () => {
    expect(mentionAt('Hello @So', 9)).toEqual({ start: 6, query: 'So' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('Hi @Sophie La', 13)).toEqual({ start: 3, query: 'Sophie La' });
    expect(mentionAt('write to a@b.fr', 15)).toBeNull();
    expect(mentionAt('line @one\nnext', 14)).toBeNull();
    expect(mentionAt('no mention here', 5)).toBeNull();
  });

  it('matches members by any word of their name or their e-mail, accents ignored', () => {
    expect(matchMembers(members, 'hel').map((m) => m.userId)).toEqual(['u2']);
    expect(matchMembers(members, 'laur').map((m) => m.userId)).toEqual(['u1']);
    expect(matchMembers(members, 'karim').map((m) => m.userId)).toEqual(['u3', 'u4']);
    expect(matchMembers(members, 'researcher').map((m) => m.userId)).toEqual(['u3']);
    expect(matchMembers(members, '')).toHaveLength(4);
  });

  it('inserts the full name and puts the caret after it', () => {
    const r = insertMention('Ask @so about it', 4, 7, 'Dr. Sophie Laurent');
    expect(r.text).toBe('Ask @Dr. Sophie Laurent about it');
    expect(r.text.slice(r.caret)).toBe('about it');
    const end = insertMention('Ask @so', 4, 7, 'Dr. Sophie Laurent');
    expect(end).toEqual({ text: 'Ask @Dr. Sophie Laurent ', caret: 24 });
  });

  it('sends the ids of the names still in the text, the longest name winning', () => {
    expect(mentionIds('@Hélène Marchand and @Karim Benali-Roux, see @Karim Benali.', members)).toEqual([
      'u2',
      'u4',
      'u3',
    ]);
    expect(mentionIds('mail hélène@x.fr, @Nobody', members)).toEqual([]);
    expect(mentionIds('@Hélène Marchandise', members)).toEqual([]);
  });

  it('splits a body so that mentions can be set apart', () => {
    expect(bodySegments('Thanks @Karim Benali, done', ['Karim Benali'])).toEqual([
      { text: 'Thanks ', mention: false },
      { text: '@Karim Benali', mention: true },
      { text: ', done', mention: false },
    ]);
    expect(bodySegments('no one', [])).toEqual([{ text: 'no one', mention: false }]);
  });
});
