/**
 * A fresh authentication at the identity provider for someone who signs in by single sign-on
 * (for a gate signature, where a password re-entry would be meaningless): the provider is asked
 * to make the person sign in again (`prompt=login`, `max_age=0`) even if it has a session.
 *
 * After the callback, the ID token stored on the person's account row for that provider
 * (account.id_token) carries `auth_time`: a fresh authentication is one whose `auth_time` is
 * after the moment this sign-in was started. OIDC only: a SAML request is signed and takes no
 * extra parameters (the plugin refuses them).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { account, ssoProvider } from '../db/schema/index.ts';

/** The OIDC connection this account signs in through, if any. */
export async function oidcConnectionOf(db: Db, userId: string): Promise<string | null> {
  const linked = await db
    .select({ providerId: account.providerId })
    .from(account)
    .where(eq(account.userId, userId));
  if (linked.length === 0) return null;
  const [row] = await db
    .select({ providerId: ssoProvider.providerId, samlConfig: ssoProvider.samlConfig })
    .from(ssoProvider)
    .where(
      and(
        inArray(
          ssoProvider.providerId,
          linked.map((l) => l.providerId),
        ),
      ),
    );
  return row && !row.samlConfig ? row.providerId : null;
}

/**
 * Starts the sign-in; answers the identity provider's URL to send the browser to, and the
 * cookies the plugin set (its signed state, checked at the callback) for the reply to carry.
 */
export async function startFreshSsoSignIn(
  auth: Auth,
  input: { providerId: string; callbackURL: string; errorCallbackURL: string; headers: Headers },
): Promise<{ url: string; setCookies: string[] }> {
  const { headers, response } = await auth.api.signInSSO({
    body: {
      providerId: input.providerId,
      callbackURL: input.callbackURL,
      errorCallbackURL: input.errorCallbackURL,
      additionalParams: { prompt: 'login', max_age: '0' },
    },
    headers: input.headers,
    returnHeaders: true,
  });
  return { url: response.url, setCookies: headers.getSetCookie() };
}

/**
 * Whether the ID token's `auth_time` (whole seconds) says the person authenticated at or after
 * `since`: the second `since` falls in counts, no earlier one.
 */
export function authenticatedSince(idTokenClaims: { auth_time?: unknown }, since: Date): boolean {
  return (
    typeof idTokenClaims.auth_time === 'number' &&
    idTokenClaims.auth_time >= Math.floor(since.getTime() / 1000)
  );
}
