/**
 * API tokens, for clients that are not browsers (scripts, integrations, the protocol's example
 * client). A token is shown once at creation; only its SHA-256 is stored. Each token expires
 * (90 days unless asked otherwise, a year at most), has a scope (`read` or `write`) and may be
 * bound to one project (server/auth/credential-limits.ts enforces both). Only a recently
 * signed-in session creates one: a stolen token cannot mint more, and neither can a browser
 * left signed in for days.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { ApiToken, CreateApiToken } from '../../shared/tokens.ts';
import { mayInCluster, requireProjectAction } from '../auth/access.ts';
import { type Actor, loadActor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { apiTokens, projects, user } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

const PREFIX = 'jalon_';
const DAY_MS = 86_400_000;
/** how recent the sign-in of the session creating a token must be */
export const FRESH_SIGN_IN_MS = 10 * 60_000;
/** a token's last use is written at most this often, so that requests do not each write */
export const LAST_USE_PRECISION_MS = 60_000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

type Row = typeof apiTokens.$inferSelect;

const view = (r: Row, project: { id: string; title: string } | null): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  expiresAt: r.expiresAt.toISOString(),
  scope: r.scope,
  project,
});

/**
 * Creates a token for the actor. `signedInAt` is when the actor's session was created (its
 * sign-in): the session must be recent.
 */
export async function createApiToken(
  deps: ServiceDeps,
  actor: Actor,
  signedInAt: Date | null,
  input: CreateApiToken,
): Promise<ApiToken & { token: string }> {
  if (!mayInCluster(actor, 'token.create') || !signedInAt)
    throw new AppError(
      'forbidden',
      'API tokens are created from a signed-in browser session, never with another API token',
    );
  const now = deps.clock();
  if (now.getTime() - signedInAt.getTime() > FRESH_SIGN_IN_MS)
    throw new AppError(
      'forbidden',
      `Sign in again to create an API token: it must be done within ${FRESH_SIGN_IN_MS / 60_000} minutes of signing in`,
    );
  const project = input.projectId
    ? (await requireProjectAction(deps, actor, input.projectId, 'project.view')).project
    : null;
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const row: Row = {
    id: crypto.randomUUID(),
    userId: actor.id,
    name: input.name,
    tokenHash: hash(token),
    prefix: token.slice(0, PREFIX.length + 6),
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    scope: input.scope,
    projectId: project?.id ?? null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await commit(deps.db, [deps.db.insert(apiTokens).values(row)]);
  return { token, ...view(row, project && { id: project.id, title: project.title }) };
}

/** The actor's tokens not revoked, expired ones included (so that the owner sees why one fails). */
export async function listApiTokens(deps: ServiceDeps, actor: Actor): Promise<ApiToken[]> {
  const rows = await deps.db
    .select({ token: apiTokens, project: { id: projects.id, title: projects.title } })
    .from(apiTokens)
    .leftJoin(projects, eq(projects.id, apiTokens.projectId))
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
  return rows.map((r) => view(r.token, r.project));
}

export async function revokeApiToken(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const live = and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt));
  const [found] = await deps.db.select({ id: apiTokens.id }).from(apiTokens).where(live).limit(1);
  if (!found) throw new AppError('not_found', 'No such token');
  await commit(deps.db, [deps.db.update(apiTokens).set({ revokedAt: deps.clock() }).where(live)]);
  deps.events.emit('credentials.ended', { userId: actor.id, tokenIds: [id], reason: 'token_revoked' });
}

/** Revokes every token of the user; returns how many were live. */
export async function revokeAllApiTokens(deps: ServiceDeps, userId: string): Promise<number> {
  const revoked = await deps.db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  if (revoked.length === 0) return 0;
  await commit(deps.db, [
    deps.db
      .update(apiTokens)
      .set({ revokedAt: deps.clock() })
      .where(
        inArray(
          apiTokens.id,
          revoked.map((r) => r.id),
        ),
      ),
  ]);
  deps.events.emit('credentials.ended', {
    userId,
    tokenIds: revoked.map((r) => r.id),
    reason: 'token_revoked',
  });
  return revoked.length;
}

export type TokenAuthentication = { actor: Actor; refusal?: never } | { actor: null; refusal: string };

/** The actor a token stands for, or why it is refused (unknown, revoked, expired, account off). */
export async function authenticateToken(db: Db, token: unknown, now: Date): Promise<TokenAuthentication> {
  if (typeof token !== 'string' || !token.startsWith(PREFIX) || token.length > 200)
    return { actor: null, refusal: 'Unknown or revoked API token' };
  const [row] = await db
    .select({ token: apiTokens, user })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return { actor: null, refusal: 'Unknown or revoked API token' };
  const { id, expiresAt, scope, projectId, lastUsedAt } = row.token;
  if (expiresAt.getTime() <= now.getTime())
    return {
      actor: null,
      refusal: `This API token expired on ${expiresAt.toISOString()}; create a new one`,
    };
  if (row.user.deactivatedAt) return { actor: null, refusal: 'This account is deactivated' };
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USE_PRECISION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USE_PRECISION_MS);
    // Conditional, so that concurrent first requests of the minute write once between them.
    await commit(db, [
      db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))),
        ),
    ]);
  }
  return { actor: await loadActor(db, row.user, { kind: 'token', id, expiresAt, scope, projectId }) };
}
