/**
 * Who is connecting. Browsers: the better-auth session cookie, and an Origin on the
 * allow-list. Other clients: `auth: { token }` with an API token. Never a token in the URL.
 */
import type { Socket } from 'socket.io';
import type { Actor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { actorFromHeaders } from '../http/session.ts';
import type { Logger } from '../log.ts';
import { authenticateToken } from '../tokens/api-tokens.ts';

export class HandshakeError extends Error {
  readonly data: { code: 'unauthenticated' | 'forbidden'; message: string };
  constructor(code: 'unauthenticated' | 'forbidden', message: string) {
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

export async function authenticateSocket(deps: HandshakeDeps, socket: Socket): Promise<Actor> {
  const { handshake } = socket;
  const token = (handshake.auth as { token?: unknown } | undefined)?.token;
  if (token !== undefined) {
    const { actor, refusal } = await authenticateToken(deps.db, token, deps.clock());
    if (!actor) throw new HandshakeError('unauthenticated', refusal);
    return actor;
  }
  const origin = handshake.headers.origin;
  if (!origin || !deps.allowedOrigins.includes(origin)) {
    deps.log.warn({ origin, address: handshake.address }, 'socket refused: origin not allowed');
    throw new HandshakeError('forbidden', 'This origin may not connect');
  }
  const headers = new Headers();
  if (handshake.headers.cookie) headers.set('cookie', handshake.headers.cookie);
  const actor = handshake.headers.cookie ? await actorFromHeaders(deps, headers) : null;
  if (!actor) throw new HandshakeError('unauthenticated', 'Sign in first');
  return actor;
}
