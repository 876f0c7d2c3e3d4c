/**
 * Two-factor authentication (TOTP with backup codes), better-auth's plugin: anyone turns it on
 * from /account; a cluster may require it of cluster managers and gate signers (cluster setting,
 * two-factor-requirement.ts). Wrong codes at sign-in are limited three ways: five per sign-in
 * (the plugin's, then the password again), a lock of the account's second step after
 * TWO_FACTOR_LOCKOUT.failures in a row, and per client address (sign-in-limit.ts, with wrong passwords).
 */
import { twoFactor } from 'better-auth/plugins';
import { TWO_FACTOR_LOCKOUT } from '../../shared/two-factor.ts';

export function twoFactorPlugin() {
  return twoFactor({
    issuer: 'Jalon',
    accountLockout: {
      enabled: true,
      maxFailedAttempts: TWO_FACTOR_LOCKOUT.failures,
      durationSeconds: TWO_FACTOR_LOCKOUT.minutes * 60,
    },
  });
}
