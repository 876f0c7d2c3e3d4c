/**
 * The bell's state: the newest notifications and the unread count. Loaded over REST, then
 * kept current by `notification:created` on the app socket (the server sends it to the user's
 * own room only); reloaded after a reconnection, since events may have been missed meanwhile.
 * Marking read is optimistic and rolled back if the server refuses.
 */
import type { Socket } from 'socket.io-client';
import { batch } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { APP_EVENTS } from '../../../shared/protocol/index.ts';
import type { Notification, NotificationsApi } from './notifications-api.ts';

export interface NotificationsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: Notification[];
  unread: number;
  nextBefore: string | null;
  loadingMore: boolean;
  error: unknown;
  /** the last one that arrived live, for screen readers to hear */
  latest: Notification | null;
}

/** The socket's part this store uses, so tests can hand it a fake. */
export type NotificationEvents = Pick<Socket, 'on' | 'off'>;

const PAGE = 20;

export function createNotificationsStore(
  api: Pick<NotificationsApi, 'list' | 'markRead'>,
  events: NotificationEvents,
) {
  const [state, setState] = createStore<NotificationsState>({
    status: 'idle',
    items: [],
    unread: 0,
    nextBefore: null,
    loadingMore: false,
    error: null,
    latest: null,
  });
  let generation = 0;

  const actions = {
    async load(): Promise<void> {
      const mine = ++generation;
      if (state.status !== 'ready') setState('status', 'loading');
      try {
        const page = await api.list({ limit: PAGE });
        if (mine !== generation) return;
        setState({
          status: 'ready',
          items: page.notifications,
          unread: page.unread,
          nextBefore: page.nextBefore,
          error: null,
        });
      } catch (error) {
        if (mine !== generation) return;
        // A refresh that fails keeps what was shown; only a first load shows the error.
        setState(state.status === 'ready' ? { error } : { status: 'error', error });
      }
    },
    async loadMore(): Promise<void> {
      if (!state.nextBefore || state.loadingMore) return;
      setState('loadingMore', true);
      try {
        const page = await api.list({ before: state.nextBefore, limit: PAGE });
        const known = new Set(state.items.map((n) => n.id));
        setState({
          items: [...state.items, ...page.notifications.filter((n) => !known.has(n.id))],
          nextBefore: page.nextBefore,
          unread: page.unread,
        });
      } finally {
        setState('loadingMore', false);
      }
    },
    received(notification: Notification): void {
      if (state.items.some((n) => n.id === notification.id)) return;
      batch(() => {
        setState('items', (items) => [notification, ...items]);
        setState('latest', notification);
        if (!notification.readAt) setState('unread', (n) => n + 1);
      });
    },
    async markRead(id: string): Promise<void> {
      const target = state.items.find((n) => n.id === id);
      if (!target || target.readAt) return;
      const at = new Date().toISOString();
      const undo = markLocally(
        (n) => n.id === id,
        at,
        (u) => u - 1,
      );
      try {
        const reply = await api.markRead({ ids: [id] });
        setState('unread', reply.unread);
      } catch (err) {
        undo();
        throw err;
      }
    },
    async markAllRead(): Promise<void> {
      const undo = markLocally(
        () => true,
        new Date().toISOString(),
        () => 0,
      );
      try {
        const reply = await api.markRead({ all: true });
        setState('unread', reply.unread);
      } catch (err) {
        undo();
        throw err;
      }
    },
    /** Starts following the socket; returns the function that stops. */
    listen(): () => void {
      const onCreated = (n: Notification) => actions.received(n);
      const onConnect = () => void actions.load();
      events.on(APP_EVENTS.notificationCreated, onCreated);
      events.on('connect', onConnect);
      return () => {
        events.off(APP_EVENTS.notificationCreated, onCreated);
        events.off('connect', onConnect);
      };
    },
  };

  /** Marks matching items read at once, with the unread count to show; returns the undo. */
  function markLocally(which: (n: Notification) => boolean, at: string, unread: (u: number) => number) {
    const marked = state.items.filter((n) => which(n) && !n.readAt).map((n) => n.id);
    const unreadBefore = state.unread;
    batch(() => {
      setState(
        'items',
        produce((items) => {
          for (const n of items) if (marked.includes(n.id)) n.readAt = at;
        }),
      );
      setState('unread', (u) => Math.max(0, unread(u)));
    });
    return () =>
      batch(() => {
        setState(
          'items',
          produce((items) => {
            for (const n of items) if (marked.includes(n.id)) n.readAt = null;
          }),
        );
        setState('unread', unreadBefore);
      });
  }

  return [state, actions] as const;
}

export type NotificationsStore = ReturnType<typeof createNotificationsStore>;
