/**
 * Reads an OpenID provider's discovery document and checks what Jalon relies on: the issuer it
 * declares is the one configured, its authorization, token and key endpoints are there, and its
 * signing keys can be fetched. Each check says, in a cluster manager's words, what to fix.
 */
import type { SsoCheck } from '../../shared/schemas/sso.ts';
import { fetchJson } from './fetch-json.ts';

export interface OidcEndpoints {
  issuer: string;
  discoveryEndpoint: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksEndpoint: string;
  userInfoEndpoint?: string;
}

export interface OidcDiscovery {
  checks: SsoCheck[];
  /** present when every check passed */
  endpoints: OidcEndpoints | null;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function discoveryUrlOf(issuer: string): string {
  return `${trimSlash(issuer)}/.well-known/openid-configuration`;
}

function urlField(doc: Record<string, unknown>, field: string): string | null {
  const value = doc[field];
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : null;
  } catch {
    return null;
  }
}

export async function discoverOidc(issuer: string): Promise<OidcDiscovery> {
  const discoveryEndpoint = discoveryUrlOf(issuer);
  const checks: SsoCheck[] = [];
  const fetched = await fetchJson(discoveryEndpoint);
  if (!fetched.ok || typeof fetched.value !== 'object' || fetched.value === null) {
    checks.push({
      name: 'discovery',
      ok: false,
      detail: `${discoveryEndpoint} ${fetched.ok ? 'is not a discovery document' : fetched.problem}: check the issuer URL`,
    });
    return { checks, endpoints: null };
  }
  const doc = fetched.value as Record<string, unknown>;
  checks.push({ name: 'discovery', ok: true, detail: `${discoveryEndpoint} answered` });

  const declared = typeof doc.issuer === 'string' ? doc.issuer : '';
  const issuerOk = trimSlash(declared) === trimSlash(issuer);
  checks.push({
    name: 'issuer',
    ok: issuerOk,
    detail: issuerOk
      ? `the provider declares the issuer ${declared}`
      : `the provider declares the issuer “${declared.slice(0, 200)}”, not ${issuer}: copy its issuer exactly`,
  });

  const authorizationEndpoint = urlField(doc, 'authorization_endpoint');
  const tokenEndpoint = urlField(doc, 'token_endpoint');
  const jwksEndpoint = urlField(doc, 'jwks_uri');
  const missing = [
    authorizationEndpoint ? null : 'authorization_endpoint',
    tokenEndpoint ? null : 'token_endpoint',
    jwksEndpoint ? null : 'jwks_uri',
  ].filter((m): m is string => m !== null);
  checks.push({
    name: 'endpoints',
    ok: missing.length === 0,
    detail:
      missing.length === 0
        ? 'its sign-in, token and key endpoints are declared'
        : `its discovery document lacks ${missing.join(', ')}`,
  });

  let keysOk = false;
  if (jwksEndpoint) {
    const keys = await fetchJson(jwksEndpoint);
    const list = keys.ok ? (keys.value as { keys?: unknown } | null)?.keys : undefined;
    keysOk = Array.isArray(list) && list.length > 0;
    checks.push({
      name: 'keys',
      ok: keysOk,
      detail: keysOk
        ? `${(list as unknown[]).length} signing key(s) at ${jwksEndpoint}`
        : `${jwksEndpoint} ${keys.ok ? 'lists no signing key' : keys.problem}`,
    });
  }

  const allOk = issuerOk && missing.length === 0 && keysOk;
  const userInfoEndpoint = urlField(doc, 'userinfo_endpoint') ?? undefined;
  return {
    checks,
    endpoints:
      allOk && authorizationEndpoint && tokenEndpoint && jwksEndpoint
        ? {
            issuer: declared,
            discoveryEndpoint,
            authorizationEndpoint,
            tokenEndpoint,
            jwksEndpoint,
            userInfoEndpoint,
          }
        : null,
  };
}
