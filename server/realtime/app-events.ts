/**
 * The application's events on the sockets (shared/protocol/event-names.ts APP_EVENTS), from the
 * domain events of the services:
 *
 * - to a user's own room (every tab, on every node, through the adapter): their notifications,
 *   and the changes of every project they may see, for their portfolio;
 * - to the connections of a project's document room on this node (bridged to the other nodes:
 *   bridge.ts): comments, to those who may read them, gate records and service requests.
 */
import { eq } from 'drizzle-orm';
import { docName } from '../../shared/doc/index.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import { mayInCluster } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { tokenProject } from '../auth/credential-limits.ts';
import type { Connection, DocRegistry } from '../collab/index.ts';
import { mayReadComment } from '../comments/comments.rules.ts';
import type { Db } from '../db/client.ts';
import { projectMembers } from '../db/schema/index.ts';
import type { DomainEvents } from '../events.ts';
import type { Logger } from '../log.ts';
import type { Deliveries } from './bridge.ts';
import { MANAGERS_ROOM, userRoom } from './rooms.ts';
import type { RealtimeServer, RealtimeSocket } from './socket-types.ts';

/**
 * Personal rooms for app events: portfolio changes reach whoever may see the project. A token
 * bound to one project hears that project's document room only: these rooms carry news of
 * every project the user may see.
 */
export function joinPersonalRooms(socket: RealtimeSocket, actor: Actor): void {
  if (!tokenProject(actor)) void socket.join(userRoom(actor.id));
  if (mayInCluster(actor, 'project.view_any') && !tokenProject(actor)) void socket.join(MANAGERS_ROOM);
}

/** What reaches the sockets in a project's document room on this node. */
export function roomDeliveries(
  registry: DocRegistry,
): Pick<Deliveries, 'comment.changed' | 'gate.changed' | 'service_request.changed'> {
  const inRoom = (projectId: string, each: (conn: Connection) => void) =>
    registry.whenLoaded(docName(projectId), (r) => {
      for (const conn of r.connections.values()) each(conn);
    });
  return {
    // Comments reach the sockets in the project's room that may read them, and no others.
    'comment.changed': ({ comment }) => {
      inRoom(comment.projectId, (conn) => {
        if (mayReadComment(conn.roles, comment.visibility)) conn.send(APP_EVENTS.commentChanged, comment);
      });
    },
    // Gate records are readable by everyone who may see the project: every socket in its room.
    'gate.changed': (change) => inRoom(change.projectId, (conn) => conn.send(APP_EVENTS.gateChanged, change)),
    // A project's service requests are readable by everyone who may see it: every socket in its room.
    'service_request.changed': (change) =>
      inRoom(change.projectId, (conn) => conn.send(APP_EVENTS.serviceRequestChanged, change)),
  };
}

/** Notifications and project changes, to the personal rooms they concern. */
export function announceToPersonalRooms(
  io: RealtimeServer,
  deps: { db: Db; events: DomainEvents; log: Logger },
): void {
  const { db, events, log } = deps;
  // A notification goes to its recipient's own room (every tab, on every node), nowhere else.
  events.on('notification.created', ({ userId, notification }) => {
    io.to(userRoom(userId)).emit(APP_EVENTS.notificationCreated, notification);
  });

  // The portfolio of every user who may see a project follows its changes.
  const announceProject = async (projectId: string, alsoUser?: string, contentOnly = false) => {
    const members = await db
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(eq(projectMembers.projectId, projectId));
    const rooms = [MANAGERS_ROOM, ...members.map((m) => userRoom(m.userId))];
    if (alsoUser) rooms.push(userRoom(alsoUser));
    io.to(rooms).emit(APP_EVENTS.projectChanged, contentOnly ? { projectId, contentOnly } : { projectId });
  };
  events.on('project.changed', ({ projectId, contentOnly }) => {
    announceProject(projectId, undefined, contentOnly).catch((err) =>
      log.error({ err }, 'could not announce a project change'),
    );
  });
  events.on('membership.changed', ({ projectId, userId }) => {
    announceProject(projectId, userId).catch((err) =>
      log.error({ err }, 'could not announce a project change'),
    );
  });
}
