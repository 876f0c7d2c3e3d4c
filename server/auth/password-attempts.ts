/**
 * Password guessing limits, for every place a password is checked: sign-in, the gate
 * signature, and better-auth's endpoints where a signed-in user re-enters it (sign-in-limit.ts). Failures are counted per account (whatever address they come
 * from) and per client address (whatever accounts they try); a correct password is not a
 * failure, and clears its account's count. The address budget is much larger than the
 * account's, so that a hospital behind one address is not locked out by one colleague's typos.
 * The second step's wrong codes count against the address too (the account's own are counted
 * by the two-factor plugin's lockout): a guess is a guess, whichever secret it tries.
 *
 * Each attempt reserves its place before the password is checked and gives it back once the
 * password proves right (or no password was checked): parallel guesses cannot all slip in
 * before the first failure is counted. One node counts in memory; several share the counts
 * through Redis (REDIS_URL), falling back to memory while Redis is away.
 */
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';
import type { RedisClient } from '../redis-client.ts';

const WINDOW_SECONDS = 15 * 60;
/** failed passwords per account per window, before every attempt on it is refused */
export const ACCOUNT_FAILURES = 5;
/** failed passwords per client address per window, over all accounts */
export const ADDRESS_FAILURES = 50;

export type AttemptCheck = { ok: true; attempt: PasswordAttempt } | { ok: false; retryAfterSeconds: number };

/** One reserved attempt: the caller checks the password and says how it went. */
export interface PasswordAttempt {
  /** the password was right: the account's failures are cleared, the address's place given back */
  succeeded(): Promise<void>;
  /** no password was checked after all (malformed request, internal error): nothing is counted */
  abandoned(): Promise<void>;
  /** (a wrong password needs no call: the reservation stays, as one failure) */
}

export interface PasswordAttempts {
  /**
   * Reserves an attempt for the account (an e-mail address) and the client address, each when
   * given; or says when to try again. Check this before any password.
   */
  begin(who: { account?: string; address?: string }): Promise<AttemptCheck>;
}

/** The reply to an attempt over the limit: 429, with Retry-After. */
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'rate_limited',
      `Too many wrong passwords for this account or from this network: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
}

export function accountKey(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

function limiter(name: string, points: number, redis: RedisClient | undefined): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: WINDOW_SECONDS });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: true,
    keyPrefix: `jalon:${name}`,
    points,
    duration: WINDOW_SECONDS,
    // While Redis is away each node counts on its own, at once, rather than letting every
    // guess through or holding sign-in until Redis is back.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

export function createPasswordAttempts(options: { redis?: RedisClient } = {}): PasswordAttempts {
  const perAccount = limiter('password-failures:account', ACCOUNT_FAILURES, options.redis);
  const perAddress = limiter('password-failures:address', ADDRESS_FAILURES, options.redis);
  return {
    async begin(who) {
      const account = who.account === undefined ? undefined : accountKey(who.account);
      // The address first: an address over its budget makes no entry for the accounts it names.
      if (who.address) {
        const byAddress = await reserve(perAddress, who.address);
        if (byAddress) return byAddress;
      }
      const byAccount = account === undefined ? null : await reserve(perAccount, account);
      if (byAccount) {
        if (who.address) await perAddress.reward(who.address, 1);
        return byAccount;
      }
      return {
        ok: true,
        attempt: {
          async succeeded() {
            if (account !== undefined) await perAccount.delete(account);
            if (who.address) await perAddress.reward(who.address, 1);
          },
          async abandoned() {
            if (account !== undefined) await perAccount.reward(account, 1);
            if (who.address) await perAddress.reward(who.address, 1);
          },
        },
      };
    },
  };
}

/** Takes one point, or answers when the key may try again. */
async function reserve(
  limits: RateLimiterAbstract,
  key: string,
): Promise<{ ok: false; retryAfterSeconds: number } | null> {
  try {
    await limits.consume(key, 1);
    return null;
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
    throw outcome;
  }
}
