/**
 * The one-time link that lets someone choose a password, issued from the shell. It is
 * better-auth's own password-reset token (a `verification` row `reset-password:<token>` whose
 * value is the user id), so the link opens the existing /reset-password page and better-auth
 * checks it, consumes it on use, refuses it once expired, and ends the account's sessions when
 * it is used (server/auth/auth.ts). Only the expiry differs from a reset asked for at sign-in:
 * a day, not an hour, since the operator may have to pass it on by hand.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { verification } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import { PASSWORD_LINK_HOURS } from './password-link-hours.ts';

export { PASSWORD_LINK_HOURS };

const RESET_PREFIX = 'reset-password:';

export interface PasswordLink {
  url: string;
  expiresAt: Date;
  /** the writes that make it valid and void every earlier reset link of the account */
  statements: Statement[];
}

export function passwordLink(db: Db, publicUrl: string, userId: string, now: Date): PasswordLink {
  // 256 bits, URL-safe; better-auth's own tokens are 24 alphanumerics (about 143 bits).
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  return {
    url: `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
    expiresAt,
    statements: [
      db
        .delete(verification)
        .where(and(eq(verification.value, userId), like(verification.identifier, `${RESET_PREFIX}%`))),
      db.insert(verification).values({
        id: crypto.randomUUID(),
        identifier: `${RESET_PREFIX}${token}`,
        value: userId,
        expiresAt,
        createdAt: now,
        updatedAt: now,
      }),
    ],
  };
}
