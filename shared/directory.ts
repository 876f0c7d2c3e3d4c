/**
 * The cluster directory and the mentors directory: the focus-area vocabulary (with its labels in
 * both languages, so that the server can search them in French and English), the directory's
 * categories over organisation kinds, and the REST shapes of organisations, contacts, mentors and
 * mentor requests.
 */
import { z } from 'zod';
import { Bilingual, Organisation } from './api.ts';
import { type OrganisationKind, OrganisationKind as OrganisationKindSchema } from './domain.ts';

const Id = z.string().min(1).max(64);
const IsoDate = z.string().describe('ISO 8601 date-time');

/** The fixed vocabulary of focus areas: keys stored on organisations and mentor profiles. */
export const focusAreaLabels = {
  immuno_oncology: { en: 'Immuno-oncology', fr: 'Immuno-oncologie' },
  cell_therapy: { en: 'Cell therapy', fr: 'Thérapie cellulaire' },
  gene_therapy: { en: 'Gene therapy', fr: 'Thérapie génique' },
  biologics: { en: 'Biologics', fr: 'Biomédicaments' },
  small_molecules: { en: 'Small molecules', fr: 'Petites molécules' },
  nanomedicine: { en: 'Nanomedicine', fr: 'Nanomédecine' },
  radiotherapy: { en: 'Radiotherapy', fr: 'Radiothérapie' },
  imaging: { en: 'Imaging', fr: 'Imagerie' },
  diagnostics: { en: 'Diagnostics', fr: 'Diagnostic' },
  biomarkers: { en: 'Biomarkers', fr: 'Biomarqueurs' },
  genomics: { en: 'Genomics', fr: 'Génomique' },
  ai_clinical_data: { en: 'AI on clinical data', fr: 'IA sur données cliniques' },
  digital_health: { en: 'Digital health', fr: 'Santé numérique' },
  medical_devices: { en: 'Medical devices', fr: 'Dispositifs médicaux' },
  epidemiology: { en: 'Epidemiology', fr: 'Épidémiologie' },
  pediatric_oncology: { en: 'Paediatric oncology', fr: 'Oncologie pédiatrique' },
  manufacturing: { en: 'Manufacturing (CMC)', fr: 'Production (CMC)' },
  regulatory: { en: 'Regulatory affairs', fr: 'Affaires réglementaires' },
  business: { en: 'Business development', fr: 'Développement commercial' },
  intellectual_property: { en: 'Intellectual property', fr: 'Propriété intellectuelle' },
  funding: { en: 'Funding', fr: 'Financement' },
  clinical_trials: { en: 'Clinical trials', fr: 'Essais cliniques' },
} as const satisfies Record<string, { en: string; fr: string }>;

export type FocusArea = keyof typeof focusAreaLabels;
export const focusAreas = Object.keys(focusAreaLabels) as [FocusArea, ...FocusArea[]];
export const FocusArea = z.enum(focusAreas);

/** How the directory groups organisation kinds (industrial partners are pharma companies and SMEs). */
export const directoryCategories = {
  founders: [] as OrganisationKind[],
  hospitals: ['hospital'],
  academic: ['academic', 'research_institute', 'research_team'],
  startups: ['startup'],
  industry: ['pharma', 'sme'],
  agencies: ['public_agency'],
} as const satisfies Record<string, readonly OrganisationKind[]>;
export type DirectoryCategory = keyof typeof directoryCategories;
export const DirectoryCategory = z.enum(
  Object.keys(directoryCategories) as [DirectoryCategory, ...DirectoryCategory[]],
);

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
