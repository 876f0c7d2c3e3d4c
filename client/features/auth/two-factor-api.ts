/**
 * better-auth's two-factor endpoints as the client calls them: turning it on and off and new
 * backup codes (/account), and the sign-in's second step. The secret and the codes never leave
 * the server except once, when they are made.
 */
import { TOTP_CODE } from '../../../shared/two-factor.ts';
import { request } from '../../api.ts';

export const twoFactorApi = {
  /** checks the password; answers the authenticator's set-up address and ten backup codes */
  enable: (password: string) =>
    request<{ totpURI: string; backupCodes: string[] }>('POST', '/api/auth/two-factor/enable', { password }),
  /** a code from the app: confirms the set-up (signed in), or completes the sign-in (second step) */
  verifyTotp: (code: string) => request<unknown>('POST', '/api/auth/two-factor/verify-totp', { code }),
  verifyBackupCode: (code: string) =>
    request<unknown>('POST', '/api/auth/two-factor/verify-backup-code', { code }),
  disable: (password: string) => request<unknown>('POST', '/api/auth/two-factor/disable', { password }),
  newBackupCodes: (password: string) =>
    request<{ backupCodes: string[] }>('POST', '/api/auth/two-factor/generate-backup-codes', { password }),
};

/** The key of an otpauth:// address, grouped by four for typing into an app by hand. */
export function secretOf(totpUri: string): string {
  try {
    const secret = new URL(totpUri).searchParams.get('secret') ?? '';
    return secret.replace(/(.{4})(?=.)/g, '$1 ');
  } catch {
    return '';
  }
}

/** What was typed, as a code: spaces and dashes that apps show between groups removed. */
export function normaliseTotp(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function isTotpCode(typed: string): boolean {
  return TOTP_CODE.test(normaliseTotp(typed));
}
