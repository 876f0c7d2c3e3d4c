/**
 * A signed-in person's second factor checked again (gate signing's step-up): the code of their
 * authenticator app, or one of their backup codes (spent by the check), through better-auth's
 * two-factor plugin, whose secret and codes stay its own. The plugin checks them for the
 * session of the request: an API token has none, so there the check is unavailable.
 */
import { APIError } from 'better-auth/api';
import { TOTP_CODE } from '../../shared/two-factor.ts';
import type { Actor } from './actor.ts';
import type { Auth } from './auth.ts';

export type SecondFactorVerdict = 'right' | 'wrong' | 'unavailable';

export interface SecondFactorCheck {
  verify(code: string): Promise<SecondFactorVerdict>;
}

export function sessionSecondFactor(auth: Auth, actor: Actor, headers: Headers): SecondFactorCheck {
  return {
    async verify(code) {
      if (actor.via?.kind !== 'session') return 'unavailable';
      try {
        if (TOTP_CODE.test(code)) await auth.api.verifyTOTP({ headers, body: { code } });
        // disableSession: the session stays the one signing; the backup code is spent
        else await auth.api.verifyBackupCode({ headers, body: { code, disableSession: true } });
        return 'right';
      } catch (err) {
        // A wrong code is 401; a backup code spent by a parallel request at the same moment, 409.
        if (err instanceof APIError && (err.statusCode === 401 || err.statusCode === 409)) return 'wrong';
        throw err;
      }
    },
  };
}
