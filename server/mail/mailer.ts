/**
 * Outgoing account mail (address verification, password reset, invitations, notices), through
 * nodemailer like the digest, only when SMTP is configured (SMTP_URL).
 *
 * `send` does not wait for the mail server: a reply that waited would take longer when there is
 * an account to write to than when there is none, and tell the two apart. A failed send is
 * logged with its recipient and subject only: the body carries single-use links.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { type MailTransport, smtpTransport } from './transport.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** whether mail is sent at all (SMTP_URL set) */
  readonly enabled: boolean;
  /** queues the mail; never throws, never waits for the mail server */
  send(mail: OutgoingMail): void;
  /** resolves once every queued mail has been handed to the server or has failed */
  idle(): Promise<void>;
}

export function createMailer(
  smtp: Config['smtp'],
  log: Logger,
  transportFor: (url: string) => Promise<MailTransport> = smtpTransport,
): Mailer {
  if (!smtp) return { enabled: false, send: () => undefined, idle: async () => undefined };
  let transport: Promise<MailTransport> | null = null;
  const pending = new Set<Promise<void>>();
  return {
    enabled: true,
    send(mail) {
      transport ??= transportFor(smtp.url);
      const sending = transport
        .then((t) => t.sendMail({ from: smtp.from, ...mail }))
        .then(
          () => undefined,
          (err: Error) =>
            log.warn({ to: mail.to, subject: mail.subject, reason: err.message }, 'mail not sent'),
        );
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    },
    async idle() {
      await Promise.all([...pending]);
    },
  };
}
