/**
 * Signing starts here for a signer who signs in through their organisation: a pending step-up
 * is stored (signer-step-up.ts says how it is spent), and the browser is sent to the OpenID
 * provider, asked to sign them in again, which sends it back to the gate with the step-up's id.
 */
import { and, count, like, lte } from 'drizzle-orm';
import type { StepUpStarted } from '../../shared/schemas/gates.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import { verification } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { oidcConnectionOf, startFreshSsoSignIn } from '../sso/step-up.ts';
import { openReview } from './review-gate.ts';
import {
  type PendingStepUp,
  STEP_UP_MINUTES,
  STEP_UPS_PENDING_AT_MOST,
  stepUpIdentifier,
} from './signer-step-up.ts';

export async function startSignerStepUp(
  deps: ServiceDeps & { auth: Auth },
  actor: Actor,
  at: { projectId: string; reviewId: string },
  headers: Headers,
): Promise<{ started: StepUpStarted; setCookies: string[] }> {
  await requireProjectAction(deps, actor, at.projectId, 'gate.decide');
  await openReview(deps, at.projectId, at.reviewId);
  // The browser's own session, not an API token: the provider's answer comes back to a browser.
  if (actor.via?.kind !== 'session')
    throw new AppError('forbidden', 'Signing in again at your organisation is done from a signed-in browser');
  const providerId = await oidcConnectionOf(deps.db, actor.id);
  if (!providerId)
    throw new AppError(
      'conflict',
      'You do not sign in through an organisation’s OpenID provider: sign with your password',
    );
  const startedAt = deps.clock();
  const mine = like(verification.identifier, `${stepUpIdentifier(actor.id)}%`);
  // Bounded before anything is written: the expired ones go, the pending ones are counted.
  await deps.db.delete(verification).where(and(mine, lte(verification.expiresAt, startedAt)));
  const [held] = await deps.db.select({ n: count() }).from(verification).where(mine);
  if ((held?.n ?? 0) >= STEP_UPS_PENDING_AT_MOST)
    throw new AppError(
      'rate_limited',
      `You have started signing in again ${STEP_UPS_PENDING_AT_MOST} times in the last ${STEP_UP_MINUTES} minutes: finish one, or try again later`,
    );
  const id = crypto.randomUUID();
  const expiresAt = new Date(startedAt.getTime() + STEP_UP_MINUTES * 60_000);
  const pending: PendingStepUp = {
    userId: actor.id,
    reviewId: at.reviewId,
    providerId,
    startedAt: +startedAt,
  };
  await deps.db.insert(verification).values({
    id: crypto.randomUUID(),
    identifier: stepUpIdentifier(actor.id, id),
    value: JSON.stringify(pending),
    expiresAt,
    createdAt: startedAt,
    updatedAt: startedAt,
  });
  const gate = `${deps.publicUrl}/projects/${encodeURIComponent(at.projectId)}?tab=gates`;
  const { url, setCookies } = await startFreshSsoSignIn(deps.auth, {
    providerId,
    callbackURL: `${gate}&stepUp=${id}`,
    errorCallbackURL: `${gate}&stepUpFailed=${id}`,
    headers,
  });
  deps.log.info({ userId: actor.id, reviewId: at.reviewId, providerId }, 'gate signer step-up started');
  return { started: { url, stepUp: id, expiresAt: expiresAt.toISOString() }, setCookies };
}
