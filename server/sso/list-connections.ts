/** The connections as a cluster manager sees them: what to give the IdP, how each is doing; never a secret. */
import type { SsoConnection, SsoTestResult } from '../../shared/schemas/sso.ts';
import { SsoTestResult as SsoTestResultSchema } from '../../shared/schemas/sso.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ssoConnectionActivity } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { connectionUrls } from './connection-urls.ts';
import { type ConnectionRow, loadConnections } from './connections.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function lastTest(value: unknown): SsoTestResult | null {
  const parsed = SsoTestResultSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function clientIdEnd(row: ConnectionRow): string | null {
  const id = row.oidcConfig?.clientId;
  return typeof id === 'string' ? id.slice(-4) : null;
}

export async function listConnections(deps: ServiceDeps, actor: Actor): Promise<SsoConnection[]> {
  requireClusterAction(deps, actor, 'sso.manage');
  const [rows, activity] = await Promise.all([
    loadConnections(deps.db),
    deps.db.select().from(ssoConnectionActivity),
  ]);
  const byProvider = new Map(activity.map((a) => [a.providerId, a]));
  return rows.map((row) => {
    const a = byProvider.get(row.providerId);
    const entryPoint = row.samlConfig?.entryPoint;
    return {
      id: row.providerId,
      protocol: row.protocol,
      organisation:
        row.organisationId && row.organisationName
          ? { id: row.organisationId, name: row.organisationName }
          : null,
      domains: row.domains,
      issuer: row.issuer,
      clientIdEnd: clientIdEnd(row),
      entryPoint: typeof entryPoint === 'string' ? entryPoint : null,
      urls: connectionUrls(deps.publicUrl, row.providerId, row.protocol),
      activity: {
        lastSignInAt: iso(a?.lastSignInAt ?? null),
        signIns: a?.signIns ?? 0,
        lastErrorAt: iso(a?.lastErrorAt ?? null),
        lastError: a?.lastError ?? null,
        errors: a?.errors ?? 0,
        lastTest: lastTest(a?.lastTestResult),
      },
    };
  });
}
