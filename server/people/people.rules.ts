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
