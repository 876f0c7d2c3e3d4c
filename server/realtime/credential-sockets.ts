/**
 * The sockets of a credential end with it. Each socket knows what authenticated it
 * (`Actor.via`: a session or an API token). When sessions or tokens end (`credentials.ended`:
 * signed out, revoked, the account deactivated; bridged to every node) this node's sockets that
 * they opened are told why (`credentials:ended`) and closed. Each socket also ends when its
 * credential expires: a timer to its expiry re-reads the credential first, since better-auth
 * extends a session that is in use. The credential is re-read every few minutes too, so that a
 * socket whose credential ended without an event reaching this node (a message lost between
 * nodes, a row deleted by hand) does not outlive it by more than that.
 *
 * A closed socket's client must sign in again: the handshake refuses the dead credential, so a
 * reconnection cannot bring it back.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { CredentialsEndedMessage, CredentialsEndedReason } from '../../shared/credentials.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import type { Actor, Credential } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { apiTokens, session } from '../db/schema/index.ts';
import type { DomainEventMap } from '../events.ts';
import type { Logger } from '../log.ts';
import type { RealtimeServer, RealtimeSocket as Socket } from './socket-types.ts';

const MESSAGES: Record<CredentialsEndedReason, string> = {
  signed_out: 'You were signed out',
  sessions_revoked: 'You were signed out: your sessions were revoked',
  token_revoked: 'This API token was revoked',
  expired: 'You were signed out: your session expired',
  deactivated: 'You were signed out: this account has been deactivated',
};
const TOKEN_EXPIRED = 'This API token has expired';

/** how often a socket's credential is re-read, whatever its expiry */
export const CREDENTIAL_CHECK_MS = 5 * 60_000;
/** after the database failed to answer */
const RETRY_MS = 30_000;

type Ended = DomainEventMap['credentials.ended'][0];

export interface CredentialSockets {
  /** Ends this node's sockets that the ended credentials opened. */
  end(ended: Ended): void;
  /** Ends `socket` when its credential expires, or is found ended; forgotten once it disconnects. */
  watch(socket: Socket): void;
}

export function credentialSockets(
  io: RealtimeServer,
  deps: { db: Db; clock: () => Date; log: Logger },
  checkEveryMs = CREDENTIAL_CHECK_MS,
): CredentialSockets {
  const { db, clock, log } = deps;

  function endSocket(socket: Socket, reason: CredentialsEndedReason) {
    if (!socket.connected) return;
    const byToken = (socket.data.actor as Actor | undefined)?.via?.kind === 'token';
    const message = reason === 'expired' && byToken ? TOKEN_EXPIRED : MESSAGES[reason];
    const body: CredentialsEndedMessage = { reason, message };
    socket.emit(APP_EVENTS.credentialsEnded, body);
    // Closing the transport too: nothing more is read from this connection. The event above
    // goes out first (engine.io flushes its buffer before it closes).
    socket.disconnect(true);
  }

  function opened(via: Credential | undefined, ended: Ended): boolean {
    if (ended.all) return true;
    if (!via) return false;
    const ids: unknown = via.kind === 'session' ? ended.sessionIds : ended.tokenIds;
    return Array.isArray(ids) && ids.includes(via.id);
  }

  /**
   * Now, for this credential: better-auth judges sessions by the real clock, and authenticateToken
   * judges tokens by the server's (deps.clock); a socket ends when the REST API would refuse.
   */
  const nowFor = (via: Credential) => (via.kind === 'session' ? Date.now() : clock().getTime());

  /** The credential as the database now holds it: still valid (until when), expired, or gone. */
  async function current(via: Credential): Promise<Date | 'expired' | 'gone'> {
    const [row] =
      via.kind === 'session'
        ? await db
            .select({ expiresAt: session.expiresAt })
            .from(session)
            .where(eq(session.id, via.id))
            .limit(1)
        : await db
            .select({ expiresAt: apiTokens.expiresAt })
            .from(apiTokens)
            .where(and(eq(apiTokens.id, via.id), isNull(apiTokens.revokedAt)))
            .limit(1);
    if (!row) return 'gone';
    return row.expiresAt.getTime() > nowFor(via) ? row.expiresAt : 'expired';
  }

  return {
    end(ended) {
      let count = 0;
      for (const socket of io.sockets.sockets.values()) {
        const actor = socket.data.actor as Actor | undefined;
        if (actor?.id !== ended.userId || !opened(actor.via, ended)) continue;
        endSocket(socket, ended.reason);
        count += 1;
      }
      if (count) log.info({ userId: ended.userId, reason: ended.reason, sockets: count }, 'ended sockets');
    },

    watch(socket) {
      const via = (socket.data.actor as Actor | undefined)?.via;
      if (!via) return;
      let timer: NodeJS.Timeout | null = null;
      const schedule = (ms: number) => {
        timer = setTimeout(check, Math.max(0, Math.min(ms, checkEveryMs)));
        timer.unref();
      };
      const check = () => {
        timer = null;
        current(via).then(
          (state) => {
            if (!socket.connected) return;
            if (state instanceof Date) schedule(state.getTime() - nowFor(via));
            else if (state === 'expired') endSocket(socket, 'expired');
            else endSocket(socket, via.kind === 'session' ? 'sessions_revoked' : 'token_revoked');
          },
          (err) => {
            // The database did not answer: look again shortly rather than keep a socket for good.
            log.error({ err, userId: socket.data.actor?.id }, 'could not check a credential');
            if (socket.connected) schedule(RETRY_MS);
          },
        );
      };
      // Checked once now, too: a credential that ended while this socket was being authenticated
      // ended before the socket could be found by end(); from now on it would be.
      check();
      socket.once('disconnect', () => {
        if (timer) clearTimeout(timer);
      });
    },
  };
}
