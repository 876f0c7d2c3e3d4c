/**
 * A gate signer who signs in through their organisation proves who they are by signing in
 * again at its OpenID provider (21 CFR Part 11 §11.200): a password they do not have would
 * prove nothing. A pending step-up (who, which review, when it started; started by
 * start-signer-step-up.ts) is kept in better-auth's `verification` table, so that every node
 * sees it, for ten minutes. The signature spends it here (through signer-proof.ts): once only,
 * by the same person for the same review, and only if the ID token the plugin stored at the
 * callback says they authenticated after the step-up started.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { account, verification } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loadConnection } from '../sso/connections.ts';
import { authenticatedSince, oidcConnectionOf } from '../sso/step-up.ts';

export const STEP_UP_MINUTES = 10;
/**
 * A pending step-up's verification row is named after its person and its id: someone else's id
 * finds nothing, and one person's pending step-ups are counted by prefix.
 */
export const stepUpIdentifier = (userId: string, stepUpId = '') => `gate-step-up:${userId}:${stepUpId}`;
/** pending step-ups one person may hold at once (each one a tab that went to sign in again) */
export const STEP_UPS_PENDING_AT_MOST = 5;

export interface PendingStepUp {
  userId: string;
  reviewId: string;
  providerId: string;
  /** ms since the epoch */
  startedAt: number;
}

/** How this person can prove who they are when signing: their password, their organisation's sign-in. */
export async function signingMethodsOf(
  db: Db,
  userId: string,
): Promise<{ password: boolean; organisation: string | null }> {
  const [providerId, credential] = await Promise.all([
    oidcConnectionOf(db, userId),
    db
      .select({ hash: account.password })
      .from(account)
      .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')))
      .limit(1),
  ]);
  const connection = providerId ? await loadConnection(db, providerId) : null;
  return {
    password: !!credential[0]?.hash,
    organisation: connection ? (connection.organisationName ?? new URL(connection.issuer).host) : null,
  };
}

/**
 * Spends the step-up and answers when the signer authenticated at their provider; refuses,
 * with what to do, anything else. Read, checked, then deleted under a guard: of two signatures
 * carrying the same step-up, one spends it.
 */
export async function spendSignerStepUp(
  deps: ServiceDeps,
  actor: Actor,
  at: { reviewId: string },
  stepUpId: string,
): Promise<Date> {
  const now = deps.clock();
  const [row] = await deps.db
    .select()
    .from(verification)
    .where(eq(verification.identifier, stepUpIdentifier(actor.id, stepUpId)))
    .limit(1);
  const pending = row ? parsePending(row.value) : null;
  // Someone else's step-up reads as none: its existence is not theirs to learn.
  if (!row || !pending || pending.userId !== actor.id)
    throw refused('That sign-in at your organisation is not known (or was already used)');
  if (pending.reviewId !== at.reviewId)
    throw refused('That sign-in at your organisation was for another gate review');
  const spent = await deps.db
    .delete(verification)
    .where(and(eq(verification.id, row.id), gt(verification.expiresAt, now)))
    .returning({ id: verification.id });
  if (spent.length === 0) {
    await deps.db.delete(verification).where(eq(verification.id, row.id));
    throw refused(
      row.expiresAt <= now
        ? `That sign-in at your organisation is more than ${STEP_UP_MINUTES} minutes old`
        : 'That sign-in at your organisation was already used',
    );
  }
  const [linked] = await deps.db
    .select({ idToken: account.idToken })
    .from(account)
    .where(and(eq(account.userId, actor.id), eq(account.providerId, pending.providerId)))
    .limit(1);
  const claims = linked?.idToken ? payloadOf(linked.idToken) : null;
  if (
    !claims ||
    !authenticatedSince(claims, new Date(pending.startedAt)) ||
    typeof claims.auth_time !== 'number'
  )
    throw refused('Your organisation did not confirm a new sign-in');
  return new Date(claims.auth_time * 1000);
}

const refused = (why: string) =>
  new AppError('forbidden', `${why}: sign in again at your organisation to sign. Nothing was signed`, [
    { path: 'stepUp', message: why },
  ]);

function parsePending(value: string): PendingStepUp | null {
  try {
    const parsed = JSON.parse(value) as Partial<PendingStepUp>;
    return typeof parsed.userId === 'string' &&
      typeof parsed.reviewId === 'string' &&
      typeof parsed.providerId === 'string' &&
      typeof parsed.startedAt === 'number'
      ? (parsed as PendingStepUp)
      : null;
  } catch {
    return null;
  }
}

/**
 * The claims of a stored ID token. Its signature was verified by the SSO plugin before it was
 * stored (the callback refuses any other), so reading it back needs no second verification.
 */
function payloadOf(jwt: string): { auth_time?: unknown } | null {
  const part = jwt.split('.')[1];
  if (!part) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as { auth_time?: unknown }) : null;
  } catch {
    return null;
  }
}
