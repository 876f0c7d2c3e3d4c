/** The notification endpoints, typed from shared/notifications.ts (types only: no zod in the bundle). */
import type {
  Digest,
  Notification,
  NotificationPage,
  NotificationPreferences,
  NotificationType,
} from '../../../shared/notifications.ts';
import { request } from '../../api.ts';

export type { Digest, Notification, NotificationPage, NotificationPreferences, NotificationType };

export const notificationsApi = {
  list: (query: { before?: string; limit?: number } = {}) => {
    const params = new URLSearchParams();
    if (query.before) params.set('before', query.before);
    if (query.limit) params.set('limit', String(query.limit));
    const qs = params.toString();
    return request<NotificationPage>('GET', `/api/notifications${qs ? `?${qs}` : ''}`);
  },
  markRead: (body: { ids: string[] } | { all: true }) =>
    request<{ marked: number; unread: number }>('POST', '/api/notifications/read', body),
  preferences: () => request<NotificationPreferences>('GET', '/api/notifications/preferences'),
  updatePreferences: (body: { types?: Partial<Record<NotificationType, boolean>>; digestEmail?: boolean }) =>
    request<NotificationPreferences>('PUT', '/api/notifications/preferences', body),
  digest: (week?: string) =>
    request<Digest>('GET', `/api/me/digest${week ? `?week=${encodeURIComponent(week)}` : ''}`),
};

export type NotificationsApi = typeof notificationsApi;
