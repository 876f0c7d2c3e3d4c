/**
 * What the operator's commands (`npm run admin`) work with: the server's database, clock and
 * log, with no HTTP server and no sockets in this process. Every change is written as the
 * system (no actor) with the command named as the audit entry's reason.
 */
import { eq } from 'drizzle-orm';
import { AddMemberBody } from '../../shared/schemas/members.ts';
import type { Db } from '../db/client.ts';
import { user } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { DomainEvents } from '../events.ts';
import type { Logger } from '../log.ts';
import type { OutgoingMail } from '../mail/mailer.ts';

export interface OperatorDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  /** no listener in the shell: a running server finds ended sessions gone at its next check */
  events: DomainEvents;
  /** PUBLIC_URL, where the links lead */
  publicUrl: string;
  /** hands a mail to the mail server and waits for its answer; null without SMTP_URL */
  deliver: ((mail: OutgoingMail) => Promise<void>) | null;
}

/** A link the operator passes on, and whether it was mailed too. */
export interface IssuedLink {
  url: string;
  expiresAt: string;
  /** `sent`; `off` without SMTP_URL; or why the mail server did not take it */
  mail: 'sent' | 'off' | { failed: string };
}

/** The audit entries' reason for a change made by `npm run admin -- <command>`. */
export const operatorReason = (command: string) => `operator command: ${command}`;

/** The address as the API reads it (trimmed, lower case, an e-mail), or `invalid_input`. */
export function parseAddress(raw: string): string {
  const parsed = AddMemberBody.shape.email.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_input', `Not an e-mail address: ${JSON.stringify(raw)}`);
  return parsed.data;
}

export async function accountByAddress(db: Db, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email)).limit(1);
  return row ?? null;
}

/** Mails `mail` if mail is configured; a failure is reported, never thrown: the link is printed anyway. */
export async function mailLink(deps: OperatorDeps, mail: OutgoingMail): Promise<IssuedLink['mail']> {
  if (!deps.deliver) return 'off';
  try {
    await deps.deliver(mail);
    return 'sent';
  } catch (err) {
    deps.log.warn({ to: mail.to, subject: mail.subject, reason: (err as Error).message }, 'mail not sent');
    return { failed: (err as Error).message };
  }
}
