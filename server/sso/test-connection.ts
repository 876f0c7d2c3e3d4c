/**
 * A cluster manager tests a connection: the checks run again against the identity provider
 * (OIDC: discovery, issuer, endpoints, keys; SAML: certificate and sign-in URL), and what they
 * found is kept with the connection's activity, for whoever looks next.
 */
import type { SsoTestResult } from '../../shared/schemas/sso.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ssoConnectionActivity } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { loadConnection } from './connections.ts';
import { discoverOidc } from './oidc-discovery.ts';
import { checkSamlSettings } from './saml-check.ts';

function samlCertificate(config: Record<string, unknown> | null): string | null {
  const cert = config?.cert;
  if (typeof cert === 'string') return cert;
  if (Array.isArray(cert) && typeof cert[0] === 'string') return cert[0];
  return null;
}

export async function testConnection(
  deps: ServiceDeps,
  actor: Actor,
  providerId: string,
): Promise<SsoTestResult> {
  requireClusterAction(deps, actor, 'sso.manage');
  const row = await loadConnection(deps.db, providerId);
  if (!row) throw notFound('No such connection');
  const now = deps.clock();
  const checks =
    row.protocol === 'oidc'
      ? (await discoverOidc(row.issuer)).checks
      : checkSamlSettings(
          {
            entityId: row.issuer,
            entryPoint: typeof row.samlConfig?.entryPoint === 'string' ? row.samlConfig.entryPoint : null,
            certificate: samlCertificate(row.samlConfig),
          },
          now,
        );
  const result: SsoTestResult = { ok: checks.every((c) => c.ok), at: now.toISOString(), checks };
  await deps.db
    .insert(ssoConnectionActivity)
    .values({ providerId, lastTestedAt: now, lastTestResult: result, updatedAt: now })
    .onConflictDoUpdate({
      target: ssoConnectionActivity.providerId,
      set: { lastTestedAt: now, lastTestResult: result, updatedAt: now },
    });
  return result;
}
