/** A member of an organisation agrees (or stops agreeing) to be listed as one of its contacts. */
import { and, eq } from 'drizzle-orm';
import type { OrganisationProfile } from '../../shared/directory.ts';
import { commitAudited } from '../audit/audited-commit.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { organisationMembers } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { organisationProfile } from './organisation-profile.ts';

export async function setContactListing(
  deps: ServiceDeps,
  actor: Actor,
  idOrSlug: string,
  listed: boolean,
): Promise<OrganisationProfile> {
  requireClusterAction(deps, actor, 'directory.list_contact');
  const { db } = deps;
  const profile = await organisationProfile(deps, actor, idOrSlug);
  if (!profile.isMember)
    throw new AppError('forbidden', 'Only its members may be listed as contacts of an organisation');
  if (profile.listedAsContact === listed) return profile;
  const now = deps.clock();
  await commitAudited(
    db,
    [
      db
        .update(organisationMembers)
        .set({ listedAsContact: listed })
        .where(
          and(eq(organisationMembers.organisationId, profile.id), eq(organisationMembers.userId, actor.id)),
        ),
    ],
    [
      {
        at: now,
        actorId: actor.id,
        actorOrganisationId: actor.organisationId,
        projectId: null,
        entity: 'organisation_contact',
        entityId: `${profile.id}:${actor.id}`,
        action: 'update',
        field: 'listed',
        before: !listed,
        after: listed,
        reason: null,
      },
    ],
  );
  return organisationProfile(deps, actor, profile.id);
}
