/** Pure rules about accounts. */
import { AppError } from '../errors.ts';

/**
 * The cluster always keeps an active cluster manager: otherwise nobody could reactivate an
 * account, or run the programme office, again.
 */
export function checkKeepsAManager(activeManagers: number, deactivatingAManager: boolean): void {
  if (deactivatingAManager && activeManagers <= 1)
    throw new AppError(
      'conflict',
      'This is the last cluster manager: make someone else a cluster manager before deactivating this account',
    );
}

/**
 * Only a deactivated account is erased: erasure cannot be undone, so the account must first be
 * out of use (no sign-in, no session, no token), as a separate and deliberate step.
 */
export function checkErasable(account: { deactivatedAt: Date | null }): void {
  if (!account.deactivatedAt)
    throw new AppError(
      'conflict',
      'Deactivate this account before erasing its personal data: erasure cannot be undone',
    );
}

/** An erased account stays erased: it has no name, address or password to sign in with. */
export function checkReactivable(account: { erasedAt: Date | null }): void {
  if (account.erasedAt)
    throw new AppError(
      'conflict',
      'This person’s data was erased: the account cannot be reactivated; invite them again to a new account',
    );
}
