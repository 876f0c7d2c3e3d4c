/**
 * Two-factor authentication as both sides know it: the code's shape, the lock after wrong codes
 * (server/auth/two-factor-plugin.ts), and how a gate signer proved who they were.
 */

/** Consecutive wrong codes before an account's second step is locked, and for how long. */
export const TWO_FACTOR_LOCKOUT = { failures: 10, minutes: 15 } as const;

/** An authenticator's code: six digits (RFC 6238, 30 s). */
export const TOTP_CODE = /^\d{6}$/;
/** A backup code as the plugin hands them out: ten letters and digits, with a dash in the middle. */
export const BACKUP_CODE = /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/;

/**
 * How the signer of a gate decision re-authenticated at the moment of signing: their password
 * (with their authenticator's code), or a fresh sign-in at their organisation's OpenID provider.
 */
export const signatureMethods = ['password', 'password+totp', 'oidc'] as const;
export type SignatureMethod = (typeof signatureMethods)[number];
