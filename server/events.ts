/**
 * Domain events inside one process: services say what happened, the realtime layer (and,
 * with several nodes, the Redis bridge) reacts. Services never call the socket layer directly.
 */
import { EventEmitter } from 'node:events';

export interface DomainEventMap {
  /** a member was added, removed, or changed role: live sockets must re-check their access */
  'membership.changed': [{ projectId: string; userId: string }];
  /** a project's card changed (title, stage, archived...) */
  'project.changed': [{ projectId: string }];
}

export class DomainEvents extends EventEmitter<DomainEventMap> {}
