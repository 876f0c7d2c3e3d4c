/**
 * The application's events on the sockets (shared/protocol/event-names.ts APP_EVENTS), from the
 * domain events of the services:
 *
 * - to a user's own room (every tab, on every node, through the adapter): their notifications,
 *   the changes of every project they may see, for their portfolio (a change only some roles
 *   may read, to those only), and the changes of every service request they may see (its
 *   project's readers and its handling team: the requester's page and the handler's queue);
 * - to the connections of a project's document room on this node (bridged to the other nodes:
 *   bridge.ts): comments, to those who may read them, and gate records.
 */
import { eq } from 'drizzle-orm';
import { docName } from '../../shared/doc/index.ts';
import type { ProjectRole } from '../../shared/domain.ts';
import { type Action, can } from '../../shared/permissions.ts';
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
import { requestAudience } from '../service-requests/request-audience.ts';
import type { Deliveries } from './bridge.ts';
import { docRoom, MANAGERS_ROOM, userRoom } from './rooms.ts';
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
export function roomDeliveries(registry: DocRegistry): Pick<Deliveries, 'comment.changed' | 'gate.changed'> {
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

  // The portfolio of every user who may see a project follows its changes; a change that only
  // some roles may read (a team comment, an invitation) reaches those only.
  const announceProject = async (
    projectId: string,
    { alsoUser, contentOnly = false, readableWith = 'project.view' }: ProjectAnnouncement = {},
  ) => {
    const members = await db
      .select({ userId: projectMembers.userId, role: projectMembers.role })
      .from(projectMembers)
      .where(eq(projectMembers.projectId, projectId));
    const rooms = members
      .filter((m) => can([m.role as ProjectRole], readableWith))
      .map((m) => userRoom(m.userId));
    if (can(['cluster_manager'], readableWith)) rooms.push(MANAGERS_ROOM);
    if (alsoUser) rooms.push(userRoom(alsoUser));
    if (rooms.length === 0) return;
    io.to(rooms).emit(APP_EVENTS.projectChanged, contentOnly ? { projectId, contentOnly } : { projectId });
  };
  events.on('project.changed', ({ projectId, contentOnly, readableWith }) => {
    announceProject(projectId, { contentOnly, readableWith }).catch((err) =>
      log.error({ err }, 'could not announce a project change'),
    );
  });
  events.on('membership.changed', ({ projectId, userId }) => {
    announceProject(projectId, { alsoUser: userId }).catch((err) =>
      log.error({ err }, 'could not announce a project change'),
    );
  });

  // A service request's change reaches whoever may see the request, wherever they are (its
  // project's requests page, the handling queue); the sockets in its project's document room
  // too (an API token bound to the project has no personal room). Nobody else hears of it.
  events.on('service_request.changed', (change) => {
    requestAudience(db, change.requestId)
      .then((userIds) => {
        if (userIds.length === 0) return;
        const rooms = [...userIds.map(userRoom), docRoom(docName(change.projectId))];
        io.to(rooms).emit(APP_EVENTS.serviceRequestChanged, change);
      })
      .catch((err) => log.error({ err }, 'could not announce a service request change'));
  });
}

interface ProjectAnnouncement {
  /** someone who is to hear of it besides the project's readers (a member just removed) */
  alsoUser?: string;
  contentOnly?: boolean;
  /** the action reading the change needs (DomainEventMap 'project.changed') */
  readableWith?: Action;
}
