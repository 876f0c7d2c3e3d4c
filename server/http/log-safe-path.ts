/**
 * A request path as it may be logged. Some URLs carry a secret that grants something on its
 * own (an invitation link, a password-reset link, an e-mail verification link): the segment
 * that holds it is replaced, and the query string, where other such tokens travel, is never
 * logged at all.
 */

/** The path segments that are followed by a secret token, under /api. */
const SECRET_AFTER = new Set([
  'invitations',
  'reset-password',
  'verify-email',
  'magic-link',
  'accept-invitation',
]);

export function logSafePath(path: string): string {
  const bare = path.split('?')[0]!.split('#')[0]!;
  const segments = bare.split('/');
  for (let i = 1; i < segments.length; i++)
    if (SECRET_AFTER.has(segments[i - 1]!) && segments[i]) segments[i] = ':token';
  return segments.join('/');
}
