/**
 * A person gained or lost the programme office's rights (`cluster_role.changed`, bridged to every
 * node): their sockets on this node take the new rights at once. The socket's actor is the one
 * its document connections and later joins use, so it is updated in place; the socket joins or
 * leaves the managers' room (news of every project), and every document it has open is
 * re-checked, as on a change of membership: a manager no longer is one loses the projects they
 * only saw as a manager.
 */
import { mayInCluster } from '../auth/access.ts';
import { tokenProject } from '../auth/credential-limits.ts';
import { standingOf } from '../auth/visibility.ts';
import type { Db } from '../db/client.ts';
import type { DomainEventMap } from '../events.ts';
import type { Logger } from '../log.ts';
import { MANAGERS_ROOM } from './rooms.ts';
import type { RealtimeServer } from './socket-types.ts';

export function reviewClusterRole(io: RealtimeServer, db: Db, log: Logger) {
  return ({ userId }: DomainEventMap['cluster_role.changed'][0]): void => {
    const sockets = [...io.sockets.sockets.values()].filter((s) => s.data.actor?.id === userId);
    if (sockets.length === 0) return;
    void standingOf(db, userId)
      .then(async ({ clusterManager }) => {
        for (const socket of sockets) {
          const actor = socket.data.actor;
          actor.clusterManager = clusterManager;
          if (mayInCluster(actor, 'project.view_any') && !tokenProject(actor))
            await socket.join(MANAGERS_ROOM);
          else await socket.leave(MANAGERS_ROOM);
          await socket.data.revalidate?.();
        }
      })
      .catch((err) => log.error({ err }, 'could not re-check a person’s cluster rights'));
  };
}
