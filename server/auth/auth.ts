/**
 * Accounts and sessions: better-auth, e-mail and password, sessions in the database (so every
 * node sees them), requests rate limited per client address in the database too (sign-in's
 * password guesses are limited around it: sign-in-limit.ts).
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { account, rateLimit, session, user, verification } from '../db/schema/index.ts';
import type { DomainEvents } from '../events.ts';
import type { Logger } from '../log.ts';
import { credentialHooks } from './credential-hooks.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** The header our own middleware sets from the socket address; clients cannot supply it. */
export const CLIENT_IP_HEADER = 'x-jalon-client-ip';

export const SIGN_IN_LIMIT = { window: 60, max: 10 };

export function createAuth(deps: { db: Db; config: Config; log: Logger; events: DomainEvents }) {
  const { config, log } = deps;
  return betterAuth({
    appName: 'Jalon',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: config.allowedOrigins,
    database: drizzleAdapter(deps.db, {
      provider: 'sqlite',
      schema: { user, session, account, verification, rateLimit },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: { additionalFields: { locale: { type: 'string', required: false, input: false } } },
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
        '/sign-up/email': SIGN_IN_LIMIT,
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
