/**
 * A cluster manager turns automatic removal (SCIM) on for an organisation, rotates its token, or
 * revokes it (which turns it off). Each change is audited, naming the manager; the token itself
 * is shown once and never recorded (the plugin keeps only its digest).
 *
 * Rotation issues a new token and revokes the previous one at once: whoever rotates is about to
 * paste the new one into the provider. Turning SCIM off revokes the token and keeps the
 * connection, so that the people it provisioned stay linked when it is turned on again; the
 * plugin's decommissioning is not used, since it would sign every provisioned person out.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { ScimIssued, ScimStatus } from '../../shared/schemas/scim.ts';
import { commitAudited } from '../audit/audited-commit.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { organisations, scimUser } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { ScimCatalog } from './scim-catalog.ts';

export type ScimDeps = ServiceDeps & { scim: ScimCatalog };

/** How long an issued token works before it must be rotated. */
export const SCIM_TOKEN_DAYS = 365;

export const scimBaseUrl = (publicUrl: string) => `${publicUrl}/api/auth/scim/v2`;

export async function getScimStatus(
  deps: ScimDeps,
  actor: Actor,
  organisationId: string,
): Promise<ScimStatus> {
  requireClusterAction(deps, actor, 'organisation.manage');
  await requireOrganisation(deps, organisationId);
  return statusOf(deps, organisationId);
}

export async function enableScim(deps: ScimDeps, actor: Actor, organisationId: string): Promise<ScimIssued> {
  requireClusterAction(deps, actor, 'organisation.manage');
  await requireOrganisation(deps, organisationId);
  const found = await deps.scim.find(organisationId);
  if (found && liveCredentials(found.credentials).length > 0)
    throw new AppError(
      'conflict',
      'Automatic removal is already on for this organisation: rotate its token instead',
    );
  const expiresAt = tokenExpiry();
  const issued = found
    ? await deps.scim.rotate(organisationId, found.connection.connectionId, actor.id, expiresAt)
    : await deps.scim.create(organisationId, actor.id, expiresAt);
  await audit(deps, actor, issued.connection.connectionId, 'create', {
    organisationId,
    credentialId: issued.credential.credentialId,
    expiresAt: expiresAt.toISOString(),
  });
  return { ...(await statusOf(deps, organisationId)), token: issued.token };
}

export async function rotateScimToken(
  deps: ScimDeps,
  actor: Actor,
  organisationId: string,
): Promise<ScimIssued> {
  requireClusterAction(deps, actor, 'organisation.manage');
  await requireOrganisation(deps, organisationId);
  const found = await deps.scim.find(organisationId);
  const previous = found ? liveCredentials(found.credentials) : [];
  if (!found || previous.length === 0)
    throw new AppError('conflict', 'Automatic removal is off for this organisation: turn it on first');
  const expiresAt = tokenExpiry();
  const connectionId = found.connection.connectionId;
  const issued = await deps.scim.rotate(organisationId, connectionId, actor.id, expiresAt);
  for (const old of previous)
    await deps.scim.revoke(organisationId, connectionId, old.credentialId, actor.id);
  await audit(deps, actor, connectionId, 'update', {
    organisationId,
    credentialId: issued.credential.credentialId,
    expiresAt: expiresAt.toISOString(),
    revoked: previous.map((c) => c.credentialId),
  });
  return { ...(await statusOf(deps, organisationId)), token: issued.token };
}

export async function revokeScimToken(
  deps: ScimDeps,
  actor: Actor,
  organisationId: string,
): Promise<ScimStatus> {
  requireClusterAction(deps, actor, 'organisation.manage');
  await requireOrganisation(deps, organisationId);
  const found = await deps.scim.find(organisationId);
  const live = found ? liveCredentials(found.credentials) : [];
  if (found && live.length > 0) {
    const connectionId = found.connection.connectionId;
    for (const c of live) await deps.scim.revoke(organisationId, connectionId, c.credentialId, actor.id);
    await audit(deps, actor, connectionId, 'delete', {
      organisationId,
      revoked: live.map((c) => c.credentialId),
    });
  }
  return statusOf(deps, organisationId);
}

const tokenExpiry = () => new Date(Date.now() + SCIM_TOKEN_DAYS * 86_400_000);

function liveCredentials<T extends { status: string; expiresAt: Date }>(credentials: T[]): T[] {
  const now = Date.now();
  return credentials.filter((c) => c.status === 'active' && c.expiresAt.getTime() > now);
}

async function requireOrganisation(deps: ScimDeps, organisationId: string): Promise<void> {
  const [org] = await deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  if (!org) throw new AppError('not_found', 'No such organisation');
}

async function statusOf(deps: ScimDeps, organisationId: string): Promise<ScimStatus> {
  const [found, [provisioned]] = await Promise.all([
    deps.scim.find(organisationId),
    deps.db
      .select({ total: count(), active: sql<number>`coalesce(sum(${scimUser.active}), 0)` })
      .from(scimUser)
      .where(eq(scimUser.provisioningDomainId, organisationId)),
  ]);
  const [current] = found ? liveCredentials(found.credentials) : [];
  const used = (found?.credentials ?? [])
    .map((c) => c.lastUsedAt?.getTime() ?? 0)
    .reduce((a, b) => Math.max(a, b), 0);
  return {
    organisationId,
    enabled: current !== undefined,
    baseUrl: scimBaseUrl(deps.publicUrl),
    credential: current
      ? {
          id: current.credentialId,
          createdAt: current.createdAt.toISOString(),
          expiresAt: current.expiresAt.toISOString(),
          lastUsedAt: current.lastUsedAt?.toISOString() ?? null,
        }
      : null,
    lastUsedAt: used ? new Date(used).toISOString() : null,
    provisioned: { total: provisioned?.total ?? 0, active: Number(provisioned?.active ?? 0) },
  };
}

function audit(deps: ScimDeps, actor: Actor, connectionId: string, action: string, after: unknown) {
  const now = deps.clock();
  return commitAudited(
    deps.db,
    [],
    [
      {
        at: now,
        actorId: actor.id,
        actorOrganisationId: actor.organisationId,
        projectId: null,
        entity: 'scim_connection',
        entityId: connectionId,
        action,
        field: 'credential',
        before: null,
        after,
        reason: null,
      },
    ],
  );
}
