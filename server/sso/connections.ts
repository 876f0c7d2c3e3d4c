/**
 * The single sign-on connections as Jalon reads them: the plugin's sso_provider rows with the
 * organisation they belong to. Few rows (one per organisation at most), read whole.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisations, ssoProvider } from '../db/schema/index.ts';
import { coversAddress, parseDomains } from './domains.rules.ts';

export interface ConnectionRow {
  id: string;
  providerId: string;
  issuer: string;
  protocol: 'oidc' | 'saml';
  domains: string[];
  organisationId: string | null;
  organisationName: string | null;
  oidcConfig: Record<string, unknown> | null;
  samlConfig: Record<string, unknown> | null;
}

function parseJson(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function loadConnections(db: Db): Promise<ConnectionRow[]> {
  const rows = await db
    .select({ provider: ssoProvider, organisationName: organisations.name })
    .from(ssoProvider)
    .leftJoin(organisations, eq(organisations.id, ssoProvider.organizationId))
    .orderBy(ssoProvider.providerId);
  return rows.map(({ provider, organisationName }) => ({
    id: provider.id,
    providerId: provider.providerId,
    issuer: provider.issuer,
    protocol: provider.samlConfig ? 'saml' : 'oidc',
    domains: parseDomains(provider.domain),
    organisationId: provider.organizationId,
    organisationName,
    oidcConfig: parseJson(provider.oidcConfig),
    samlConfig: parseJson(provider.samlConfig),
  }));
}

export async function loadConnection(db: Db, providerId: string): Promise<ConnectionRow | null> {
  return (await loadConnections(db)).find((c) => c.providerId === providerId) ?? null;
}

/** The connection that covers this address, if any. */
export async function connectionForAddress(db: Db, address: string): Promise<ConnectionRow | null> {
  return (await loadConnections(db)).find((c) => coversAddress(c.domains, address)) ?? null;
}
