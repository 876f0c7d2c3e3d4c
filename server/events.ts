/**
 * Domain events inside one process: services say what happened, the realtime layer (and,
 * with several nodes, the Redis bridge) reacts. Services never call the socket layer directly.
 */
import { EventEmitter } from 'node:events';
import type { Comment } from '../shared/api.ts';

export interface DomainEventMap {
  /** a member was added, removed, or changed role: live sockets must re-check their access */
  'membership.changed': [{ projectId: string; userId: string }];
  /** a project's card or its projected content changed (title, stage, milestones...) */
  'project.changed': [{ projectId: string }];
  /** a comment was created, resolved or reopened */
  'comment.changed': [{ comment: Comment }];
}

export class DomainEvents extends EventEmitter<DomainEventMap> {}
