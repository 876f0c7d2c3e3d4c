/** Resolves the caller from the better-auth session cookie into `c.var.actor`. */
import type { MiddlewareHandler } from 'hono';
import { type Actor, loadActor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import type { AppEnv } from './context.ts';

export async function actorFromHeaders(
  deps: { auth: Auth; db: Db },
  headers: Headers,
): Promise<Actor | null> {
  const session = await deps.auth.api.getSession({ headers });
  return session ? loadActor(deps.db, session.user) : null;
}

export function resolveActor(deps: { auth: Auth; db: Db }): MiddlewareHandler<AppEnv> {
  return async function resolveSessionActor(c, next) {
    c.set('actor', c.req.header('cookie') ? await actorFromHeaders(deps, c.req.raw.headers) : null);
    await next();
  };
}
