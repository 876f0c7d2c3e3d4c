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

/** Connections are added by cluster managers only (access.ts), so the plugin's per-account cap is moot. */
const PROVIDERS_PER_MANAGER = 1000;

export function ssoPlugin(deps: SsoUserDeps) {
  return sso({
    organizationProvisioning: { disabled: true },
    providersLimit: PROVIDERS_PER_MANAGER,
    resolveUser: resolveSsoUser(),
    provisionUser: provisionSsoUser(deps),
    // Every sign-in counts for the connection, and someone linked without an organisation joins it.
    provisionUserOnEveryLogin: true,
    saml: { requireTimestamps: true, enableInResponseToValidation: true, allowIdpInitiated: false },
  });
}
