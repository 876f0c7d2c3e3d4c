/**
 * Accounts and sessions: better-auth, e-mail and password, sessions in the database (so every
 * node sees them), requests rate limited per client address in the database too (sign-in's
 * password guesses are limited around it: sign-in-limit.ts).
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import type { DomainEvents } from '../events.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { IssuerTrust } from '../sso/issuer-trust.ts';
import { SCIM_RATE_LIMIT, scimPlugin } from '../sso/scim-plugin.ts';
import { recordSsoErrors } from '../sso/sso-errors.ts';
import { SSO_MANAGEMENT_PATHS, ssoPlugin } from '../sso/sso-plugin.ts';
import {
  ACCOUNT_MAIL_LIMITS,
  accountMailOptions,
  RESET_MINUTES,
  VERIFICATION_HOURS,
} from './account-mail.ts';
import { accountRules } from './account-rules.ts';
import { credentialHooks } from './credential-hooks.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy.ts';
import { twoFactorPlugin } from './two-factor-plugin.ts';

/** The header our own middleware sets from the socket address; clients cannot supply it. */
export const CLIENT_IP_HEADER = 'x-jalon-client-ip';

export const SIGN_IN_LIMIT = { window: 60, max: 10 };
/** Single sign-on's steps per client address per minute: none of them checks a secret here. */
export const SSO_SIGN_IN_LIMIT = { window: 60, max: 600 };

/** The tables better-auth and its plugins read and write, by their model names. */
const authSchema = {
  user: schema.user,
  session: schema.session,
  account: schema.account,
  verification: schema.verification,
  rateLimit: schema.rateLimit,
  ssoProvider: schema.ssoProvider,
  twoFactor: schema.twoFactor,
  scimManagedConnection: schema.scimManagedConnection,
  scimManagedCredential: schema.scimManagedCredential,
  scimManagedConnectionEvent: schema.scimManagedConnectionEvent,
  scimConnectionBinding: schema.scimConnectionBinding,
  scimIdentityTombstone: schema.scimIdentityTombstone,
  scimSubject: schema.scimSubject,
  scimUser: schema.scimUser,
  scimProjectionGrant: schema.scimProjectionGrant,
  scimGroup: schema.scimGroup,
  scimGroupMember: schema.scimGroupMember,
};

export function createAuth(deps: {
  db: Db;
  config: Config;
  log: Logger;
  events: DomainEvents;
  mailer: Mailer;
  /** the identity providers' origins, besides config.allowedOrigins (server/sso/issuer-trust.ts) */
  issuerTrust: IssuerTrust;
  clock?: () => Date;
}) {
  const { config, log } = deps;
  const clock = deps.clock ?? (() => new Date());
  const mail = accountMailOptions(deps.mailer, config.publicUrl);
  return betterAuth({
    appName: 'Jalon',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: () => deps.issuerTrust.origins(),
    // A sign-in that comes back without a state the server knows lands on the sign-in page,
    // which says what happened in plain words (client/features/auth/sign-in-error.ts).
    onAPIError: { errorURL: `${config.publicUrl}/sign-in` },
    // Native transactions: the SSO and SCIM plugins lock and write several rows as one. A libSQL
    // transaction begins IMMEDIATE and waits out the write connection within the busy timeout.
    database: drizzleAdapter(deps.db, { provider: 'sqlite', schema: authSchema, transaction: true }),
    plugins: [
      ssoPlugin({ db: deps.db, log, clock, events: deps.events }),
      scimPlugin(config.authSecret, deps.db),
      twoFactorPlugin(),
    ],
    disabledPaths: SSO_MANAGEMENT_PATHS,
    emailAndPassword: {
      enabled: true,
      // Accounts come from invitations unless the cluster opens sign-up (SIGNUP=open), and an
      // address that signed itself up must be proven by a mailed link before it can sign in.
      disableSignUp: config.signup !== 'open',
      requireEmailVerification: config.signup === 'open',
      onExistingUserSignUp: mail.onExistingUserSignUp,
      sendResetPassword: mail.sendResetPassword,
      resetPasswordTokenExpiresIn: RESET_MINUTES * 60,
      // A reset is often the answer to a password someone else knows: every session it opened
      // ends, and with it every socket (the session delete hook, credential-hooks.ts).
      revokeSessionsOnPasswordReset: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    emailVerification: {
      sendVerificationEmail: mail.sendVerificationEmail,
      sendOnSignIn: true,
      expiresIn: VERIFICATION_HOURS * 3600,
    },
    hooks: {
      before: accountRules(deps.db, { signUpOpen: config.signup === 'open' }),
      after: recordSsoErrors({ db: deps.db, log, clock }),
    },
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, input: false },
        // Read with the session's user, so that refusing a deactivated account costs no query.
        deactivatedAt: { type: 'date', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    databaseHooks: credentialHooks(deps),
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 120,
      // Password checks count failed passwords per account and per address instead
      // (sign-in-limit.ts): a count of every attempt per address locked a whole hospital out
      // for one person's typos.
      customRules: {
        '/sign-in/email': false,
        '/change-password': false,
        // These check the password, counted like sign-in's (sign-in-limit.ts).
        '/two-factor/enable': false,
        '/two-factor/get-totp-uri': false,
        '/two-factor/disable': false,
        '/two-factor/generate-backup-codes': false,
        // Wrong codes are counted per address instead, right ones not at all (sign-in-limit.ts):
        // a count of every code per address turned away a hospital's staff signing in at once.
        '/two-factor/verify-totp': false,
        '/two-factor/verify-backup-code': false,
        '/sign-up/email': SIGN_IN_LIMIT,
        // Starting single sign-on checks no secret: it only sends the person to their identity
        // provider. better-auth counts it as a sign-in (3 per 10 s per address), which would turn
        // away a hospital whose staff share one address at the start of the day. Coming back
        // from the provider is each a sign-in it already proved: both have the budget of a
        // hospital's morning, within the API's per-address budget.
        '/sign-in/sso': SSO_SIGN_IN_LIMIT,
        '/sso/callback/*': SSO_SIGN_IN_LIMIT,
        '/sso/saml2/sp/acs/*': SSO_SIGN_IN_LIMIT,
        '/scim/v2/*': SCIM_RATE_LIMIT,
        ...ACCOUNT_MAIL_LIMITS,
      },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https://'),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
    logger: {
      log: (level, message, ...args) => {
        const fn = level === 'error' ? log.error : level === 'warn' ? log.warn : log.debug;
        fn.call(log, { auth: args.length ? args : undefined }, message);
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
