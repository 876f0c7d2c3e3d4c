/**
 * Domain events inside one process: services say what happened, the realtime layer (and,
 * with several nodes, the Redis bridge) reacts. Services never call the socket layer directly.
 */
import { EventEmitter } from 'node:events';
import type { CredentialsEndedReason } from '../shared/credentials.ts';
import type { Notification } from '../shared/notifications.ts';
import type { Action } from '../shared/permissions.ts';
import type { Comment } from '../shared/schemas/comments.ts';

export interface DomainEventMap {
  /**
   * a member was added, removed, or changed role: live sockets must re-check their access.
   * Without `userId`, the project's own state changed what everyone may do there (archived or
   * restored): every socket in its room re-checks.
   */
  'membership.changed': [{ projectId: string; userId?: string }];
  /**
   * a project's card (title, stage, partners, archived…) or, with `contentOnly`, only what it
   * holds (milestones, readiness, comments, requests…) changed, which moves its "Updated".
   * `readableWith`: only those whose roles allow this action may see the change, so only they
   * hear of it (server/projects/project-activity.ts)
   */
  'project.changed': [{ projectId: string; contentOnly?: boolean; readableWith?: Action }];
  /** a gate review was requested, gained a reviewer or a recommendation, or was decided */
  'gate.changed': [{ projectId: string; reviewId: string }];
  /** a comment was created, resolved or reopened */
  'comment.changed': [{ comment: Comment }];
  /** a service request of the project was filed, moved on, commented or linked to a milestone */
  'service_request.changed': [{ projectId: string; requestId: string }];
  /** a mentor request was sent, accepted or declined */
  'mentor_request.changed': [{ projectId: string; mentorId: string; requestId: string }];
  /**
   * sessions or API tokens stopped being valid (signed out, revoked, expired, or the whole
   * account deactivated: `all`): the sockets they authenticated must end at once
   */
  'credentials.ended': [
    {
      userId: string;
      sessionIds?: string[];
      tokenIds?: string[];
      all?: boolean;
      reason: CredentialsEndedReason;
    },
  ];
  /** a person gained or lost the programme office's rights: their live sockets re-check their access */
  'cluster_role.changed': [{ userId: string }];
  /** a notification was stored for a user (server/notifications/notify.ts): their sockets hear it */
  'notification.created': [{ userId: string; notification: Notification }];
}

export type { CredentialsEndedReason };

export class DomainEvents extends EventEmitter<DomainEventMap> {}
