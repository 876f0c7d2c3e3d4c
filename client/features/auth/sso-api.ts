/**
 * Single sign-on from the browser: how an address signs in, and the start of a sign-in through
 * the organisation's identity provider (the browser then leaves Jalon for it, and comes back to
 * `callbackPath`, or to `errorPath` with `?error=`).
 */
import type { SignInMethod } from '../../../shared/schemas/sso.ts';
import { request } from '../../api.ts';

export const ssoApi = {
  signInMethod: (email: string) =>
    request<SignInMethod>('GET', `/api/sign-in-method?email=${encodeURIComponent(email)}`),
  async start(email: string, callbackPath: string, errorPath: string): Promise<void> {
    const origin = window.location.origin;
    const reply = await request<{ url: string }>('POST', '/api/auth/sign-in/sso', {
      email,
      callbackURL: `${origin}${callbackPath}`,
      errorCallbackURL: `${origin}${errorPath}`,
    });
    window.location.assign(reply.url);
  },
};

/** Which plain sentence an `?error=` from the identity provider or the plugin deserves. */
export type SsoErrorKind =
  | 'notCovered'
  | 'notVerified'
  | 'deactivated'
  | 'cancelled'
  | 'expired'
  | 'unverifiable'
  | 'notConfigured'
  | 'notLinkable'
  | 'other';

export function ssoErrorKind(code: string): SsoErrorKind {
  switch (code) {
    case 'SSO_ADDRESS_NOT_COVERED':
      return 'notCovered';
    case 'SSO_EMAIL_NOT_VERIFIED':
      return 'notVerified';
    case 'ACCOUNT_DEACTIVATED':
      return 'deactivated';
    case 'access_denied':
    case 'login_required':
      return 'cancelled';
    case 'SSO_ACCOUNT_NOT_LINKABLE':
    case 'account_not_linked':
      return 'notLinkable';
    case 'replay_detected':
    case 'unsolicited_response':
    case 'state_mismatch':
    case 'invalid_state':
    case 'please_restart_the_process':
    case 'state_not_found':
      return 'expired';
    case 'saml_error':
    case 'invalid_saml_response':
    case 'invalid_provider':
    case 'invalid_grant':
      return 'unverifiable';
    case 'SSO_CONNECTION_INCOMPLETE':
    case 'discovery_failed':
      return 'notConfigured';
    default:
      return 'other';
  }
}
