/**
 * How each connection has been doing, for the cluster manager who looks after it: successful
 * sign-ins and errors, counted, with the last of each (the message bounded: it comes from the
 * identity provider or the plugin, and is shown as text).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { ssoConnectionActivity } from '../db/schema/index.ts';

export const MAX_ERROR_LENGTH = 300;

export async function recordSignIn(db: Db, providerId: string, at: Date): Promise<void> {
  await db
    .insert(ssoConnectionActivity)
    .values({ providerId, lastSignInAt: at, signIns: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: ssoConnectionActivity.providerId,
      set: { lastSignInAt: at, signIns: sql`${ssoConnectionActivity.signIns} + 1`, updatedAt: at },
    });
}

/** `error` is a code, `description` what the provider or the plugin said about it. */
export function errorText(error: string, description: string | null): string {
  const text = description && description !== error ? `${error}: ${description}` : error;
  // Control characters would be stored and shown as they are: keep printable text only.
  return text.replace(/\p{Cc}/gu, ' ').slice(0, MAX_ERROR_LENGTH);
}

export async function recordError(db: Db, providerId: string, at: Date, message: string): Promise<void> {
  await db
    .insert(ssoConnectionActivity)
    .values({ providerId, lastErrorAt: at, lastError: message, errors: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: ssoConnectionActivity.providerId,
      set: {
        lastErrorAt: at,
        lastError: message,
        errors: sql`${ssoConnectionActivity.errors} + 1`,
        updatedAt: at,
      },
    });
}
