/**
 * `npm run admin -- deactivate <email>`: a manager's deactivation (server/people/deactivate-account.ts)
 * done by the system: no sign-in, sessions deleted, API tokens revoked. The last active cluster
 * manager is refused here as in the browser: the shell can always make another one first.
 *
 * This process runs no sockets. A running server ends the deactivated account's open sockets
 * when it next re-reads their credentials (server/realtime/credential-sockets.ts, every few
 * minutes), finding the session gone or the token revoked.
 */
import type { AccountStatus } from '../../shared/schemas/people.ts';
import { AppError } from '../errors.ts';
import { endAccount } from '../people/deactivate-account.ts';
import { accountByAddress, type OperatorDeps, operatorReason, parseAddress } from './operator-deps.ts';

export interface DeactivateResult {
  userId: string;
  email: string;
  /** false: it was deactivated already */
  changed: boolean;
  status: AccountStatus;
}

export async function deactivateFromShell(deps: OperatorDeps, rawEmail: string): Promise<DeactivateResult> {
  const email = parseAddress(rawEmail);
  const holder = await accountByAddress(deps.db, email);
  if (!holder) throw new AppError('not_found', `No account has the address ${email}`);
  if (holder.deactivatedAt)
    return {
      userId: holder.id,
      email,
      changed: false,
      status: { id: holder.id, deactivatedAt: holder.deactivatedAt.toISOString(), erasedAt: null },
    };
  try {
    const status = await endAccount(deps, { actor: null, reason: operatorReason('deactivate') }, holder.id);
    return { userId: holder.id, email, changed: true, status };
  } catch (err) {
    // endAccount's one conflict: the last active manager. Say how to get out of it from here.
    if (err instanceof AppError && err.code === 'conflict')
      throw new AppError(
        'conflict',
        `${email} is the last active cluster manager: make another one first (create-manager <email>; list-managers shows them)`,
      );
    throw err;
  }
}
