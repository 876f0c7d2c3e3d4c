/** A stored notification in the shape of shared/notifications.ts. */
import {
  type Notification,
  NotificationPayload,
  type NotificationSubject,
  type NotificationType,
} from '../../shared/notifications.ts';
import type { notifications } from '../db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export function toNotification(row: NotificationRow): Notification {
  const payload = NotificationPayload.safeParse(row.payload);
  return {
    id: row.id,
    type: row.type as NotificationType,
    projectId: row.projectId,
    subject: { kind: row.subjectKind as NotificationSubject['kind'], id: row.subjectId },
    payload: payload.success ? payload.data : {},
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
