/**
 * The password policy, one rule for every place a password is chosen (sign-up, reset,
 * invitation acceptance, change): at least 12 characters, not one of the most common passwords
 * (zxcvbn-ts's list of about 49,000, compared without case), and never the account's address or
 * the part of it before the @.
 */
import { createRequire } from 'node:module';

type CommonLanguage = typeof import('@zxcvbn-ts/language-common');

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'is_address';

export const passwordMessages: Record<PasswordProblem, string> = {
  too_short: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`,
  too_common: 'This password is among the most common ones, which are tried first; choose another.',
  is_address: 'A password cannot be your e-mail address or part of it; choose another.',
};

let common: Set<string> | null = null;
/**
 * Loaded by the first password checked, not at start: the package decompresses all its word
 * lists as it loads (about 0.2 s of CPU), which no request but choosing a password needs.
 */
function commonPasswords(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as CommonLanguage;
    common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  }
  return common;
}

export function passwordProblem(password: string, email: string | null): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  const folded = password.trim().toLowerCase();
  if (commonPasswords().has(folded)) return 'too_common';
  if (email) {
    const address = email.trim().toLowerCase();
    const local = address.split('@')[0] ?? address;
    if (folded === address || folded === local || (local.length >= 4 && folded.includes(local)))
      return 'is_address';
  }
  return null;
}
