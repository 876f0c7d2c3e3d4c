/** The Hono environment shared by every route, and the helper routes use to require a user. */
import type { Context } from 'hono';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

export interface AppEnv {
  Variables: {
    actor: Actor | null;
    clientIp: string;
  };
}

export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}
