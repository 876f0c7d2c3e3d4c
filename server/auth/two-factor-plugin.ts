/**
 * Two-factor authentication (TOTP with backup codes), better-auth's plugin: anyone turns it on
 * from /account; a cluster may require it of cluster managers and gate signers (cluster setting).
 */
import { twoFactor } from 'better-auth/plugins';

export function twoFactorPlugin() {
  return twoFactor({ issuer: 'Jalon' });
}
