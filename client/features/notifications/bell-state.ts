/**
 * One notifications store per signed-in user and socket, kept across pages (the header, and so
 * the bell, is mounted again by every page; the list and its live subscription should not be).
 */
import type { Socket } from 'socket.io-client';
import { appSocket } from '../../realtime/socket.ts';
import { notificationsApi } from './notifications-api.ts';
import { createNotificationsStore, type NotificationsStore } from './notifications-store.ts';

let current: { userId: string; socket: Socket; store: NotificationsStore; stop: () => void } | null = null;

export function notificationsOf(userId: string): NotificationsStore {
  const socket = appSocket();
  if (current && current.userId === userId && current.socket === socket) return current.store;
  current?.stop();
  const store = createNotificationsStore(notificationsApi, socket);
  const stop = store[1].listen();
  void store[1].load();
  current = { userId, socket, store, stop };
  return store;
}
