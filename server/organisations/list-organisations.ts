/**
 * The cluster's active organisations (every signed-in user may list them), filtered and searched:
 * the directory and every organisation picker read this list, so a deactivated organisation
 * leaves them all at once.
 */
import { isNull } from 'drizzle-orm';

import type { DirectoryQuery } from '../../shared/directory.ts';
import type { OrganisationKind } from '../../shared/domain.ts';
import type { Organisation } from '../../shared/schemas/organisations.ts';
import { organisations } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { matchesDirectory } from './directory.rules.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

export const toOrganisation = (o: OrganisationRow): Organisation => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  kind: o.kind as OrganisationKind,
  founder: o.founder,
  parentId: o.parentId,
  description: { en: o.descriptionEn, fr: o.descriptionFr },
  focusAreas: o.focusAreas,
  website: o.website,
});

export async function listOrganisations(
  deps: ServiceDeps,
  query: DirectoryQuery = {},
): Promise<Organisation[]> {
  // About a hundred rows: filtering in memory keeps the FR/EN, accent-blind search in one rule.
  const rows = await deps.db
    .select()
    .from(organisations)
    .where(isNull(organisations.deactivatedAt))
    .orderBy(organisations.name);
  return rows.map(toOrganisation).filter((o) => matchesDirectory(o, query));
}
