/** What every service receives: no service imports a global database, clock or logger. */

import type { PasswordAttempts } from './auth/password-attempts.ts';
import type { Db } from './db/client.ts';
import type { ProjectDocuments } from './documents.ts';
import type { Effects } from './effects/effect.ts';
import type { DomainEvents } from './events.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mail/mailer.ts';

export interface ServiceDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  events: DomainEvents;
  /** the origin users reach, for links we hand out */
  publicUrl: string;
  /** the live project documents (read a copy, make a server-side change) */
  documents: ProjectDocuments;
  /** limits on password guessing, shared by sign-in and re-authentication */
  passwordAttempts: PasswordAttempts;
  /** account mail (invitations, notices); sends nothing without SMTP_URL */
  mailer: Mailer;
  /** applies what a committed change owes the live documents (server/effects) */
  effects: Effects;
}
