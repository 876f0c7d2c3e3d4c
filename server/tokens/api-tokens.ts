/**
 * API tokens, for clients that are not browsers (scripts, integrations, the protocol's example
 * client). A token is shown once at creation; only its SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, loadActor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { apiTokens, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

const PREFIX = 'jalon_';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const view = (r: typeof apiTokens.$inferSelect): ApiTokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
});

export async function createApiToken(deps: ServiceDeps, actor: Actor, name: string) {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = {
    id: crypto.randomUUID(),
    userId: actor.id,
    name,
    tokenHash: hash(token),
    prefix: token.slice(0, PREFIX.length + 6),
    createdAt: deps.clock(),
    expiresAt: new Date(deps.clock().getTime() + 90 * 86_400_000),
    scope: 'write' as const,
    projectId: null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.db.insert(apiTokens).values(row);
  return { token, ...view(row) };
}

export async function listApiTokens(deps: ServiceDeps, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await deps.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
  return rows.map(view);
}

export async function revokeApiToken(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const result = await deps.db
    .update(apiTokens)
    .set({ revokedAt: deps.clock() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)));
  if (result.rowsAffected === 0) throw new AppError('not_found', 'No such token');
  deps.events.emit('credentials.ended', { userId: actor.id, tokenIds: [id], reason: 'token_revoked' });
}

/** The actor a token stands for, or null for an unknown or revoked token. */
export async function actorFromToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  if (typeof token !== 'string' || !token.startsWith(PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({ token: apiTokens, user })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.user.deactivatedAt) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  const { id, expiresAt, scope, projectId } = row.token;
  return loadActor(db, row.user, { kind: 'token', id, expiresAt, scope, projectId });
}
