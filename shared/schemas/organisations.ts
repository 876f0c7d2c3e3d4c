/** Organisations of the cluster, as the REST API reads them, and as cluster managers change them. */
import { z } from 'zod';
import { OrganisationKind, PartnerRole, ProjectRole } from '../domain.ts';
import { focusAreas } from '../vocabularies.ts';
import { Bilingual, Id, IsoDate } from './common.ts';

export const OrganisationRef = z.object({ id: Id, name: z.string(), kind: OrganisationKind });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

export const Organisation = OrganisationRef.extend({
  slug: z.string(),
  founder: z.boolean(),
  parentId: z.string().nullable(),
  description: Bilingual,
  focusAreas: z.array(z.string()),
  /** its own public site, or null */
  website: z.string().nullable(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListQuery = z.object({ kind: OrganisationKind.optional() });

// ---------------------------------------------------------------------------------------------
// Administration (cluster managers). The client validates its forms with these same schemas.
// ---------------------------------------------------------------------------------------------

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const WEBSITE_MAX = 300;

export const OrganisationName = z.string().trim().min(2).max(NAME_MAX);

/** The organisation's address in the directory (/directory/<slug>). */
export const OrganisationSlug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens only');

/** An absolute http(s) address; an empty string means none. */
export const Website = z
  .string()
  .trim()
  .max(WEBSITE_MAX)
  .refine((text) => text === '' || isWebAddress(text), 'must be an http:// or https:// address')
  .transform((text) => text || null);

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const Description = z.object({
  en: z.string().trim().max(DESCRIPTION_MAX),
  fr: z.string().trim().max(DESCRIPTION_MAX),
});

export const OrganisationFields = z.object({
  name: OrganisationName,
  kind: OrganisationKind,
  founder: z.boolean(),
  description: Description,
  website: Website,
  focusAreas: z.array(z.enum(focusAreas)).max(focusAreas.length),
});

/** A new organisation; without a slug, it gets one made from its name. */
export const CreateOrganisationBody = OrganisationFields.extend({
  slug: OrganisationSlug.optional(),
}).strict();
export type CreateOrganisationBody = z.input<typeof CreateOrganisationBody>;

/**
 * A change: the fields to change, and the version the form was loaded at, so that an edit made
 * on a stale form is refused (409) rather than silently undoing someone else's.
 */
export const UpdateOrganisationBody = OrganisationFields.extend({ slug: OrganisationSlug })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateOrganisationBody = z.input<typeof UpdateOrganisationBody>;

export const OrganisationStatusFilter = z.enum(['active', 'deactivated', 'all']);

export const AdminOrganisationQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: OrganisationKind.optional(),
  status: OrganisationStatusFilter.default('all'),
});
export type AdminOrganisationQuery = z.output<typeof AdminOrganisationQuery>;

/** An organisation as the administration lists it: its public fields and its standing. */
export const AdminOrganisation = Organisation.extend({
  deactivatedAt: IsoDate.nullable(),
  version: z.number().int(),
  createdAt: IsoDate,
  peopleCount: z.number().int(),
  projectCount: z.number().int(),
});
export type AdminOrganisation = z.infer<typeof AdminOrganisation>;

/** Someone of the organisation, as a cluster manager sees them. */
export const OrganisationPerson = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  /** they agreed to be listed as a contact in the directory (only they may change it) */
  listedAsContact: z.boolean(),
  accountDeactivated: z.boolean(),
  /** their role on each project they are a member of */
  projectRoles: z.array(ProjectRole),
});

/** A project the organisation leads or partners, whether listed in the directory or not. */
export const OrganisationProject = z.object({
  id: Id,
  title: z.string(),
  /** its track: the framework its stages come from */
  track: z.string(),
  stage: z.number().int(),
  role: z.union([z.literal('lead'), PartnerRole]),
  archived: z.boolean(),
});

/** At most this many people and projects come with an organisation; the totals say if more exist. */
export const ADMIN_LIST_LIMIT = 200;

export const AdminOrganisationDetail = AdminOrganisation.extend({
  people: z.array(OrganisationPerson),
  projects: z.array(OrganisationProject),
});
export type AdminOrganisationDetail = z.infer<typeof AdminOrganisationDetail>;
