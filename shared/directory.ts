/**
 * The cluster directory and the mentors directory: the focus-area vocabulary (with its labels in
 * both languages, so that the server can search them in French and English), the directory's
 * categories over organisation kinds, and the REST shapes of organisations, contacts, mentors and
 * mentor requests.
 */
import { z } from 'zod';
import { OrganisationKind as OrganisationKindSchema } from './domain.ts';
import { Bilingual, Id, IsoDate } from './schemas/common.ts';
import { Organisation } from './schemas/organisations.ts';
import {
  type DirectoryCategory as Category,
  directoryCategories,
  type FocusArea as Focus,
  focusAreas,
} from './vocabularies.ts';

export const FocusArea = z.enum(focusAreas);
export type FocusArea = Focus;

export const DirectoryCategory = z.enum(Object.keys(directoryCategories) as [Category, ...Category[]]);
export type DirectoryCategory = Category;

export const DirectoryQuery = z.object({
  kind: OrganisationKindSchema.optional(),
  category: DirectoryCategory.optional().describe('founders, or a group of kinds'),
  focus: FocusArea.optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('searched in names, descriptions and focus labels, FR and EN'),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

/** Someone of the organisation who agreed to be listed as a contact. */
export const Contact = z.object({
  userId: Id,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string(),
});
export type Contact = z.infer<typeof Contact>;

/** A project its lead listed in the directory: a summary card only. */
export const ListedProject = z.object({
  id: Id,
  title: z.string(),
  summary: z.string(),
  track: z.string(),
  stage: z.number().int(),
  role: z.enum(['lead', 'co_developer', 'industrial_partner', 'clinical_site', 'platform', 'funder']),
});
export type ListedProject = z.infer<typeof ListedProject>;

export const OrganisationProfile = Organisation.extend({
  parent: z.object({ id: Id, slug: z.string(), name: z.string() }).nullable(),
  teams: z.array(z.object({ id: Id, slug: z.string(), name: z.string() })),
  contacts: z.array(Contact),
  projects: z.array(ListedProject),
  /** services of the catalogue this organisation handles */
  services: z.array(z.object({ id: Id, slug: z.string(), name: Bilingual })),
  /** the caller belongs to it (and may list themselves as a contact) */
  isMember: z.boolean(),
  /** the caller is listed as one of its contacts */
  listedAsContact: z.boolean(),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfile>;

export const ContactListingBody = z.object({ listed: z.boolean() }).strict();

// ---------------------------------------------------------------------------------------------
// Mentors
// ---------------------------------------------------------------------------------------------

export const Availability = z.enum(['available', 'limited', 'unavailable']);
export type Availability = z.infer<typeof Availability>;

export const Mentor = z.object({
  userId: Id,
  name: z.string(),
  headline: Bilingual,
  bio: Bilingual,
  expertise: z.array(FocusArea),
  languages: z.array(z.string()).describe('ISO 639-1 codes'),
  availability: Availability,
  organisation: z.object({ id: Id, name: z.string() }).nullable(),
});
export type Mentor = z.infer<typeof Mentor>;

export const MentorQuery = z.object({
  expertise: FocusArea.optional(),
  language: z.string().min(2).max(8).optional(),
  available: z.enum(['true', 'false']).optional().describe('only mentors who take new projects'),
  q: z.string().trim().max(200).optional(),
});

export const MentorRequestStatus = z.enum(['pending', 'accepted', 'declined']);
export type MentorRequestStatus = z.infer<typeof MentorRequestStatus>;

const Person = z.object({ id: Id, name: z.string() });

export const MentorRequest = z.object({
  id: Id,
  project: z.object({ id: Id, title: z.string() }),
  mentor: Person,
  requestedBy: Person,
  message: z.string(),
  status: MentorRequestStatus,
  response: z.string().nullable(),
  createdAt: IsoDate,
  respondedAt: IsoDate.nullable(),
});
export type MentorRequest = z.infer<typeof MentorRequest>;

export const CreateMentorRequestBody = z
  .object({
    mentorId: Id,
    message: z.string().trim().min(1, 'Say why you ask this mentor').max(2000),
  })
  .strict();
export type CreateMentorRequestBody = z.input<typeof CreateMentorRequestBody>;

export const RespondMentorRequestBody = z
  .object({
    decision: z.enum(['accept', 'decline']),
    response: z.string().trim().max(2000).optional(),
  })
  .strict();
export type RespondMentorRequestBody = z.input<typeof RespondMentorRequestBody>;
