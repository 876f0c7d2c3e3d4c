/** Organisations of the cluster, as the REST API reads them. */
import { z } from 'zod';
import { OrganisationKind } from '../domain.ts';
import { Bilingual, Id } from './common.ts';

export const OrganisationRef = z.object({ id: Id, name: z.string(), kind: OrganisationKind });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

export const Organisation = OrganisationRef.extend({
  slug: z.string(),
  founder: z.boolean(),
  parentId: z.string().nullable(),
  description: Bilingual,
  focusAreas: z.array(z.string()),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListQuery = z.object({ kind: OrganisationKind.optional() });
