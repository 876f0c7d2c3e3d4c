/**
 * better-auth's SSO plugin, configured for Jalon: connections belong to Jalon organisations (not
 * to the plugin's own organisation model), cluster managers manage them through /api/admin/sso
 * (server/sso/), never through the plugin's own endpoints, which check ownership per account
 * and are closed to browsers (SSO_MANAGEMENT_PATHS).
 */
import { sso } from '@better-auth/sso';

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

export function ssoPlugin() {
  return sso({
    organizationProvisioning: { disabled: true },
    saml: { requireTimestamps: true, enableInResponseToValidation: true, allowIdpInitiated: false },
  });
}
