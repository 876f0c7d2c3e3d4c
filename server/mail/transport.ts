/** How a mail leaves: nodemailer over SMTP_URL, or a recording transport in tests. */

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** The one thing we need of nodemailer; tests pass a recording transport. */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
}

/** nodemailer, loaded only when SMTP is configured. */
export async function smtpTransport(url: string): Promise<MailTransport> {
  const nodemailer = await import('nodemailer');
  return nodemailer.createTransport(url);
}
