/**
 * better-auth's mail callbacks, sent through the one mailer. The links lead to our own pages:
 * verification returns to the sign-in page, a reset opens the page that chooses the new
 * password. Without a mail server nothing is sent, and every reply stays the same.
 */

import { existingAccountMail, resetPasswordMail, verificationMail } from '../mail/account-mail.ts';
import type { Mailer } from '../mail/mailer.ts';

export const VERIFICATION_HOURS = 24;
export const RESET_MINUTES = 60;

/** Each of these sends a mail to an address anyone can type: a few a minute per client address. */
export const ACCOUNT_MAIL_LIMITS = {
  '/request-password-reset': { window: 60, max: 5 },
  '/send-verification-email': { window: 60, max: 5 },
};

export function accountMailOptions(mailer: Mailer, publicUrl: string) {
  return {
    async sendVerificationEmail(data: { user: { email: string }; url: string }) {
      const link = new URL(data.url);
      link.searchParams.set('callbackURL', '/sign-in?verified=1');
      mailer.send(verificationMail(data.user.email, link.href));
    },
    async sendResetPassword(data: { user: { email: string }; token: string }) {
      const link = `${publicUrl}/reset-password?token=${encodeURIComponent(data.token)}`;
      mailer.send(resetPasswordMail(data.user.email, link));
    },
    async onExistingUserSignUp(data: { user: { email: string } }) {
      mailer.send(existingAccountMail(data.user.email, `${publicUrl}/sign-in`));
    },
  };
}
