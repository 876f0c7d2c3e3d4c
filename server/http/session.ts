/** Resolves the caller from the better-auth session cookie into `c.var.actor`. */
import type { MiddlewareHandler } from 'hono';
import { type Actor, loadActor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import { assertTokenAllowsRequest } from '../auth/credential-limits.ts';
import {
  answersWhileEnrolling,
  mustEnrolTwoFactor,
  twoFactorRequired,
} from '../auth/two-factor-requirement.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { recordSessionUse } from '../me/sessions.ts';
import { authenticateToken } from '../tokens/api-tokens.ts';
import type { AppEnv } from './context.ts';

/** With `clock`, the session's use is recorded (the account page's "last used"). */
export async function actorFromHeaders(
  deps: { auth: Auth; db: Db; clock?: () => Date },
  headers: Headers,
): Promise<Actor | null> {
  const found = await deps.auth.api.getSession({ headers });
  if (!found || found.user.deactivatedAt) return null;
  const { session } = found;
  if (deps.clock) await recordSessionUse(deps.db, session, deps.clock());
  return loadActor(deps.db, found.user, { kind: 'session', id: session.id, expiresAt: session.expiresAt });
}

/**
 * The session cookie, or `Authorization: Bearer <API token>` for clients that are not browsers.
 * A token that fails (unknown, revoked, expired) is refused with its reason rather than treated
 * as no credential, and a token's limits (scope, project) are applied before any route runs,
 * as is the cluster's two-factor requirement (two-factor-requirement.ts).
 */
export function resolveActor(deps: {
  auth: Auth;
  db: Db;
  log: Logger;
  clock: () => Date;
}): MiddlewareHandler<AppEnv> {
  return async function resolveSessionActor(c, next) {
    const bearer = c.req.header('authorization')?.match(/^Bearer (\S+)$/)?.[1];
    if (bearer) {
      const { actor, refusal } = await authenticateToken(deps.db, bearer, deps.clock());
      if (!actor) throw new AppError('unauthenticated', refusal);
      assertTokenAllowsRequest(actor, c.req.method, c.req.path.replace(/^\/api(?=\/)/, ''));
      c.set('actor', actor);
    } else c.set('actor', c.req.header('cookie') ? await actorFromHeaders(deps, c.req.raw.headers) : null);
    const actor = c.get('actor');
    if (actor && !answersWhileEnrolling(c.req.path) && (await mustEnrolTwoFactor(deps, actor))) {
      deps.log.warn({ userId: actor.id }, 'request refused: two-factor authentication required');
      throw twoFactorRequired();
    }
    await next();
  };
}
