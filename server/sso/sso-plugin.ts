/**
 * better-auth's SSO plugin, configured for Jalon: connections belong to Jalon organisations (not
 * to the plugin's own organisation model), cluster managers manage them through /api/admin/sso
 * (server/sso/), never through the plugin's own endpoints, which check ownership per account
 * and are closed to browsers (SSO_MANAGEMENT_PATHS). Who a sign-in is, and what a first one
 * creates, is decided in sso-users.ts.
 */
import { sso } from '@better-auth/sso';
import { provisionSsoUser, resolveSsoUser, type SsoUserDeps } from './sso-users.ts';

/** The plugin's management endpoints: Jalon's access layer decides who manages connections. */
export const SSO_MANAGEMENT_PATHS = [
  '/sso/register',
  '/sso/providers',
  '/sso/get-provider',
  '/sso/update-provider',
  '/sso/delete-provider',
  '/sso/request-domain-verification',
  '/sso/verify-domain',
];

/** How far an identity provider's clock may be from ours (docs/sso.md). */
export const SAML_CLOCK_SKEW_MS = 2 * 60 * 1000;

/** Connections are added by cluster managers only (access.ts), so the plugin's per-account cap is moot. */
const PROVIDERS_PER_MANAGER = 1000;

export function ssoPlugin(deps: SsoUserDeps) {
  return sso({
    organizationProvisioning: { disabled: true },
    providersLimit: PROVIDERS_PER_MANAGER,
    resolveUser: resolveSsoUser(deps),
    provisionUser: provisionSsoUser(deps),
    // Every sign-in counts for the connection, and someone linked without an organisation joins it.
    provisionUserOnEveryLogin: true,
    saml: {
      // Every assertion answers a request Jalon's sign-in made (InResponseTo, once, within the
      // request's 5 minutes): unsolicited (IdP-initiated) responses are the classic way to slip a
      // captured assertion in, and a response can be replayed only against a request of its own.
      enableInResponseToValidation: true,
      allowIdpInitiated: false,
      // An assertion without a validity window would be valid forever once captured.
      requireTimestamps: true,
      // Said explicitly so that samlify's own check of the window uses it too (it allows no
      // drift at all otherwise): an IdP whose clock runs a little ahead is still accepted.
      clockSkew: SAML_CLOCK_SKEW_MS,
      // Where a person lands when the answer carries no RelayState Jalon can still read (a
      // replay, an expired sign-in, a response sent unasked): the sign-in page, which explains
      // the `error` it is given. Otherwise they would land on the home page with it.
      idpInitiatedCallbackUrl: '/sign-in',
      // SHA-1 and RSA1_5 in a connection's settings are refused (the plugin does not check the
      // algorithm of a posted assertion's signature: docs/sso.md says what the IdP must use).
      algorithms: { onDeprecated: 'reject' },
    },
  });
}
