/**
 * Who is connecting: decided once per connection, as early as it can be (DESIGN §4).
 *
 * At the HTTP upgrade (`checkUpgrade`, Socket.IO's `allowRequest`), before any frame is read:
 * an `Authorization: Bearer` API token (clients that are not browsers), or the better-auth
 * session cookie, which counts only with an Origin on the allow-list (browsers). An Origin not
 * on the list is refused there and then. A request without those, or whose cookie does not
 * authenticate, may still send its CONNECT packet, and nothing else (frames.ts): a client may
 * send its API token there, as `auth: { token }`.
 *
 * The handshake (`socketHandshake`, Socket.IO's middleware) then takes the actor found at the
 * upgrade, or the token, and lets the connection's frames be read; or it refuses with a reason
 * the client reads (`connect_error` whose data is `{ code, message }`) and closes the
 * connection. Never a token in the URL.
 */
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import { mustEnrolTwoFactor, TWO_FACTOR_REQUIRED_MESSAGE } from '../auth/two-factor-requirement.ts';
import type { Db } from '../db/client.ts';
import { actorFromHeaders } from '../http/session.ts';
import type { Logger } from '../log.ts';
import { authenticateToken } from '../tokens/api-tokens.ts';
import { admitFrames } from './frames.ts';
import type { RealtimeSocket as Socket } from './socket-types.ts';

type HandshakeRefusal = 'unauthenticated' | 'forbidden' | 'two_factor_required';

export class HandshakeError extends Error {
  readonly data: { code: HandshakeRefusal; message: string };
  constructor(code: HandshakeRefusal, message: string) {
    super(message);
    this.data = { code, message };
  }
}

export interface HandshakeDeps {
  db: Db;
  auth: Auth;
  log: Logger;
  clock: () => Date;
  allowedOrigins: string[];
}

/**
 * What the upgrade found: the actor; a refusal (a bearer token that does not authenticate); or
 * no credentials, with the refusal to give unless the CONNECT packet brings a token.
 */
type AtUpgrade = { actor: Actor } | { refused: HandshakeError } | { unlessToken: HandshakeError };

/** By the upgrade request, which Socket.IO keeps as `socket.request`. */
const upgrades = new WeakMap<IncomingMessage, AtUpgrade>();

/** For `allowRequest`: null to let the request proceed, or why it is refused. */
export async function checkUpgrade(deps: HandshakeDeps, req: IncomingMessage): Promise<string | null> {
  const origin = req.headers.origin;
  if (origin && !deps.allowedOrigins.includes(origin)) {
    deps.log.warn({ origin, address: req.socket.remoteAddress }, 'socket refused: origin not allowed');
    return 'This origin may not connect';
  }
  try {
    upgrades.set(req, await credentialsAtUpgrade(deps, req));
    return null;
  } catch (err) {
    deps.log.error({ err }, 'socket refused: could not check its credentials');
    return 'Could not check your credentials; try again';
  }
}

async function credentialsAtUpgrade(deps: HandshakeDeps, req: IncomingMessage): Promise<AtUpgrade> {
  const { authorization, cookie, origin } = req.headers;
  if (authorization !== undefined) {
    const token = authorization.match(/^Bearer (\S+)$/)?.[1];
    const { actor, refusal } = await authenticateToken(deps.db, token, deps.clock());
    return actor ? { actor } : { refused: new HandshakeError('unauthenticated', refusal) };
  }
  if (cookie && origin) {
    // An expired or unknown session is no credential: a client may still bring a token.
    const actor = await actorFromHeaders(deps, new Headers({ cookie }));
    return actor ? { actor } : { unlessToken: new HandshakeError('unauthenticated', 'Sign in first') };
  }
  if (cookie)
    return { unlessToken: new HandshakeError('forbidden', 'A session cookie needs an allowed Origin') };
  if (origin) return { unlessToken: new HandshakeError('unauthenticated', 'Sign in first') };
  return {
    unlessToken: new HandshakeError(
      'unauthenticated',
      'Send an API token: an Authorization: Bearer header, or auth: { token }',
    ),
  };
}

/**
 * The actor of a connection, from its upgrade or from the token of its CONNECT packet; refused
 * while the cluster requires two-factor authentication of them and it is not on.
 */
export async function authenticateSocket(deps: HandshakeDeps, socket: Socket): Promise<Actor> {
  const actor = await connectingActor(deps, socket);
  if (await mustEnrolTwoFactor(deps, actor)) {
    deps.log.warn({ userId: actor.id }, 'socket refused: two-factor authentication required');
    throw new HandshakeError('two_factor_required', TWO_FACTOR_REQUIRED_MESSAGE);
  }
  return actor;
}

async function connectingActor(deps: HandshakeDeps, socket: Socket): Promise<Actor> {
  const found = upgrades.get(socket.request);
  // Every connection passed checkUpgrade; one that did not is nobody's.
  if (!found) throw new HandshakeError('unauthenticated', 'Sign in first');
  if ('actor' in found) return found.actor;
  if ('refused' in found) throw found.refused;
  const token = (socket.handshake.auth as { token?: unknown }).token;
  if (token === undefined) throw found.unlessToken;
  const { actor, refusal } = await authenticateToken(deps.db, token, deps.clock());
  if (!actor) throw new HandshakeError('unauthenticated', refusal);
  return actor;
}

/**
 * Socket.IO middleware: authenticates the connection and lets its frames be read, or refuses it
 * with its reason and closes it, so that nothing more is read from it.
 */
export function socketHandshake(deps: HandshakeDeps) {
  return function handshake(socket: Socket, next: (err?: Error) => void): void {
    const refuse = (err: Error) => {
      // Socket.IO writes the refusal (CONNECT_ERROR) on the next tick; once it is written, close.
      socket.conn.once('drain', () => socket.conn.close());
      next(err);
    };
    authenticateSocket(deps, socket).then(
      (actor) => {
        if (!admitFrames(socket.handshake.auth)) {
          deps.log.error({ userId: actor.id }, 'socket refused: its frames could not be admitted');
          return refuse(new Error('Could not open the connection'));
        }
        socket.data.actor = actor;
        next();
      },
      (err) => {
        if (err instanceof HandshakeError) return refuse(err);
        deps.log.error({ err }, 'socket refused: could not check its credentials');
        refuse(new Error('Could not check your credentials; try again'));
      },
    );
  };
}
