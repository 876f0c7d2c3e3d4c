/**
 * The comments on one milestone, live. Loaded once over REST, then kept current by the
 * server's `comment:changed` events (sent to the sockets that joined the project's document
 * and may read that comment), merged by id: a new comment is added, a resolved or reopened
 * thread replaces its old copy, and our own comment, which arrives both as the POST reply and
 * as an event, appears once. Events that arrive while the list loads are applied after it.
 * After a reconnection the list is reloaded, since events may have been missed meanwhile.
 */
import type { Socket } from 'socket.io-client';
import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { APP_EVENTS } from '../../../shared/protocol/index.ts';
import type { Comment, CommentVisibility } from '../../../shared/schemas/comments.ts';

export interface CommentsApi {
  comments(projectId: string, milestoneId: string): Promise<Comment[]>;
  createComment(
    projectId: string,
    body: {
      milestoneId: string;
      body: string;
      visibility: CommentVisibility;
      parentId?: string;
      mentions: string[];
    },
  ): Promise<Comment>;
  setCommentResolved(projectId: string, commentId: string, resolved: boolean): Promise<Comment>;
}

/** The socket's part this store uses, so tests can hand it a fake. */
export type CommentEvents = Pick<Socket, 'on' | 'off'>;

export interface CommentsState {
  status: 'loading' | 'ready' | 'error';
  comments: Comment[];
  error: unknown;
}

export interface Thread {
  root: Comment;
  replies: Comment[];
}

function byCreation(a: Comment, b: Comment): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `list` with `comment` added or, if its id is there, replaced; oldest first. */
export function mergeComment(list: readonly Comment[], comment: Comment): Comment[] {
  const next = list.filter((c) => c.id !== comment.id);
  next.push(comment);
  return next.sort(byCreation);
}

/**
 * Threads, oldest first, each with its replies oldest first. A reply whose thread is not in the
 * list (it should not happen: a reply has its thread's visibility) is shown as its own thread
 * rather than lost.
 */
export function toThreads(comments: readonly Comment[]): Thread[] {
  const sorted = [...comments].sort(byCreation);
  const roots = new Map<string, Thread>();
  for (const c of sorted) if (c.parentId === null) roots.set(c.id, { root: c, replies: [] });
  const threads = [...roots.values()];
  for (const c of sorted) {
    if (c.parentId === null) continue;
    const thread = roots.get(c.parentId);
    if (thread) thread.replies.push(c);
    else threads.push({ root: c, replies: [] });
  }
  return threads.sort((a, b) => byCreation(a.root, b.root));
}

export function createCommentsStore(options: {
  api: CommentsApi;
  events: CommentEvents;
  projectId: string;
  milestoneId: string;
  /** the signed-in user: their own comments, echoed by the socket, are not news to them */
  selfId?: string;
  /** told of each new comment that arrives live from someone else (for an announcement) */
  onLiveComment?: (comment: Comment) => void;
}) {
  const { api, events, projectId, milestoneId } = options;
  const [state, setState] = createStore<CommentsState>({ status: 'loading', comments: [], error: null });
  let loading = false;
  let buffered: Comment[] = [];
  let disposed = false;

  const setList = (list: Comment[]) => setState('comments', reconcile(list, { key: 'id', merge: true }));

  const receive = (comment: Comment) => {
    if (disposed || comment.projectId !== projectId || comment.milestoneId !== milestoneId) return;
    if (loading) {
      buffered.push(comment);
      return;
    }
    const isNew = !state.comments.some((c) => c.id === comment.id);
    setList(mergeComment(state.comments, comment));
    if (isNew && comment.author.id !== options.selfId) options.onLiveComment?.(comment);
  };
  const onReconnect = () => void actions.load();
  events.on(APP_EVENTS.commentChanged, receive);
  events.on('connect', onReconnect);

  const actions = {
    async load(): Promise<void> {
      loading = true;
      buffered = [];
      // A reload keeps what is on screen; only the first load shows the loading state.
      if (state.status !== 'ready') setState({ status: 'loading', error: null });
      try {
        let list = await api.comments(projectId, milestoneId);
        if (disposed) return;
        for (const c of buffered) list = mergeComment(list, c);
        batch(() => {
          setList(list);
          setState({ status: 'ready', error: null });
        });
      } catch (err) {
        if (disposed) return;
        if (state.status !== 'ready') setState({ status: 'error', error: err });
        else console.warn('comments could not be refreshed', err);
      } finally {
        loading = false;
        buffered = [];
      }
    },
    /** posts a thread (no parentId) or a reply; throws the ApiError for the composer to show */
    async post(input: {
      body: string;
      visibility: CommentVisibility;
      parentId?: string;
      mentions: string[];
    }): Promise<Comment> {
      const comment = await api.createComment(projectId, { milestoneId, ...input });
      if (!disposed) setList(mergeComment(state.comments, comment));
      return comment;
    },
    async setResolved(threadId: string, resolved: boolean): Promise<Comment> {
      const comment = await api.setCommentResolved(projectId, threadId, resolved);
      if (!disposed) setList(mergeComment(state.comments, comment));
      return comment;
    },
    /** a comment from the socket (exposed for tests; the store subscribes itself) */
    receive,
    dispose() {
      disposed = true;
      events.off(APP_EVENTS.commentChanged, receive);
      events.off('connect', onReconnect);
    },
  };
  return [state, actions] as const;
}

export type CommentsStore = ReturnType<typeof createCommentsStore>;
