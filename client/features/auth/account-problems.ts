/**
 * The password and name rules as the person sees them. The length and the address are checked
 * here, before sending; the list of common passwords and the names of other members are the
 * server's, and its refusals are turned into the same sentences.
 */
import { ApiError } from '../../errors.ts';
import type { Messages } from '../../i18n/messages.ts';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

type Problems = Messages['account']['problems'];

export function localPasswordProblem(password: string, email: string): keyof Problems | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  const folded = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (address && (folded === address || folded === local || (local.length >= 4 && folded.includes(local))))
    return 'passwordIsAddress';
  return null;
}

const byCode: Record<string, keyof Problems> = {
  PASSWORD_TOO_SHORT: 'passwordTooShort',
  PASSWORD_TOO_LONG: 'passwordTooLong',
  PASSWORD_TOO_COMMON: 'passwordTooCommon',
  PASSWORD_IS_ADDRESS: 'passwordIsAddress',
  NAME_EMPTY: 'nameMissing',
  NAME_TOO_LONG: 'nameRefused',
  NAME_CONTROL_CHARACTERS: 'nameRefused',
  NAME_RESERVED: 'nameRefused',
  NAME_OTHER_MEMBER: 'nameRefused',
  INVALID_TOKEN: 'resetLinkInvalid',
};

/** Which field a server refusal is about, and the sentence for it; null if it is about neither. */
export function accountProblem(
  err: unknown,
): { field: 'name' | 'password' | 'token'; problem: keyof Problems } | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const known = byCode[err.code];
  if (known)
    return {
      field: known.startsWith('name') ? 'name' : known === 'resetLinkInvalid' ? 'token' : 'password',
      problem: known,
    };
  const path = err.issues?.[0]?.path;
  // Our own endpoints say which field; the length and the address were checked before sending.
  if (path === 'name') return { field: 'name', problem: 'nameRefused' };
  if (path === 'password') return { field: 'password', problem: 'passwordTooCommon' };
  return null;
}
