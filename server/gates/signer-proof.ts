/**
 * Who signs a gate decision proves it at the moment of signing (21 CFR Part 11 §11.200): the
 * password re-entered, and the code of their authenticator app (or a backup code) when
 * two-factor authentication is on for them; or, for someone who signs in through their
 * organisation, a fresh sign-in at its OpenID provider (signer-step-up.ts), when it says they
 * authenticated. The proof names its method and when it was checked; the decision records both.
 *
 * Guessing is limited with the password attempts (password-attempts.ts: the same count as
 * sign-in, per account): a wrong password or a wrong code is one failure, checked before
 * anything; each is audited, so that the office sees someone trying.
 */
import { and, eq } from 'drizzle-orm';
import { type SignatureMethod, signatureMethods } from '../../shared/two-factor.ts';
import type { Actor } from '../auth/actor.ts';
import { verifyPassword } from '../auth/password.ts';
import { TooManyAttempts } from '../auth/password-attempts.ts';
import type { SecondFactorCheck } from '../auth/second-factor.ts';
import { ChangeSet } from '../change-set.ts';
import { account } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { spendSignerStepUp } from './signer-step-up.ts';

export interface SignerProof {
  method: SignatureMethod;
  /** when the proof was checked */
  authenticatedAt: Date;
}

/** What the signer sent with the decision. */
export interface SignerCredentials {
  password?: string | undefined;
  /** instead of the password: the step-up after which they signed in again at their organisation */
  stepUp?: string | undefined;
  /** the authenticator's code or a backup code */
  code?: string | undefined;
}

/** A stored method, as the decision view reads it (null for decisions before it was stored). */
export function signatureMethodOf(stored: string | null): SignatureMethod | null {
  return (signatureMethods as readonly string[]).includes(stored ?? '') ? (stored as SignatureMethod) : null;
}

export async function proveSigner(
  deps: ServiceDeps,
  actor: Actor,
  at: { projectId: string; reviewId: string },
  credentials: SignerCredentials,
  secondFactor: SecondFactorCheck,
): Promise<SignerProof> {
  if (credentials.stepUp !== undefined) return proveByStepUp(deps, actor, at, credentials.stepUp);
  const password = credentials.password ?? '';
  const needsCode = actor.twoFactorEnabled === true;
  // Asked before any attempt is counted: a form that forgot the code has guessed nothing.
  if (needsCode && !credentials.code)
    throw new AppError(
      'invalid_input',
      'Enter the code of your authenticator app to sign: nothing was signed',
      [{ path: 'code', message: 'Enter the code of your authenticator app, or a backup code' }],
    );
  const check = await deps.passwordAttempts.begin({ account: actor.email });
  if (!check.ok) {
    deps.log.warn({ userId: actor.id, reviewId: at.reviewId }, 'gate signature refused: too many attempts');
    throw new TooManyAttempts(check.retryAfterSeconds);
  }
  let verdict: 'right' | 'wrong password' | 'wrong code';
  try {
    verdict = !(await passwordIsRight(deps, actor.id, password))
      ? 'wrong password'
      : needsCode && credentials.code
        ? await codeVerdict(secondFactor, credentials.code)
        : 'right';
  } catch (err) {
    await check.attempt.abandoned();
    throw err;
  }
  if (verdict === 'right') {
    await check.attempt.succeeded();
    return { method: needsCode ? 'password+totp' : 'password', authenticatedAt: deps.clock() };
  }
  deps.log.warn({ userId: actor.id, reviewId: at.reviewId }, `gate signature refused: ${verdict}`);
  await new ChangeSet(deps, { at: deps.clock(), actor, projectId: at.projectId })
    .audit({ entity: 'gate_signature', entityId: at.reviewId, action: 'refused', reason: verdict })
    .commit();
  throw verdict === 'wrong password'
    ? new AppError('forbidden', 'That password is not correct: nothing was signed')
    : new AppError('forbidden', 'That code is not correct (or was already used): nothing was signed', [
        { path: 'code', message: 'That code is not correct' },
      ]);
}

async function proveByStepUp(
  deps: ServiceDeps,
  actor: Actor,
  at: { projectId: string; reviewId: string },
  stepUp: string,
): Promise<SignerProof> {
  try {
    return { method: 'oidc', authenticatedAt: await spendSignerStepUp(deps, actor, at, stepUp) };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'forbidden') throw err;
    deps.log.warn({ userId: actor.id, reviewId: at.reviewId }, `gate signature refused: ${err.message}`);
    await new ChangeSet(deps, { at: deps.clock(), actor, projectId: at.projectId })
      .audit({
        entity: 'gate_signature',
        entityId: at.reviewId,
        action: 'refused',
        reason: 'step-up refused',
      })
      .commit();
    throw err;
  }
}

async function passwordIsRight(deps: ServiceDeps, userId: string, password: string): Promise<boolean> {
  const [credential] = await deps.db
    .select({ hash: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')))
    .limit(1);
  return !!credential?.hash && (await verifyPassword({ hash: credential.hash, password }));
}

async function codeVerdict(secondFactor: SecondFactorCheck, code: string): Promise<'right' | 'wrong code'> {
  const verdict = await secondFactor.verify(code);
  if (verdict === 'unavailable')
    throw new AppError(
      'forbidden',
      'A decision signed with two-factor authentication is signed from a signed-in browser, not with an API token',
    );
  return verdict === 'right' ? 'right' : 'wrong code';
}
