/**
 * The vocabularies the client needs as values, in a module without zod: the lists behind the
 * domain's enums (shared/domain.ts and the domain modules build their zod schemas from these),
 * with their types.
 */

export const organisationKinds = [
  'hospital',
  'academic',
  'research_institute',
  'research_team',
  'pharma',
  'startup',
  'sme',
  'public_agency',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** A user's role on one project. Cluster manager is not a project role: see permissions.ts. */
export const projectRoles = ['lead', 'contributor', 'mentor', 'observer'] as const;
export type ProjectRole = (typeof projectRoles)[number];

export const partnerRoles = [
  'co_developer',
  'industrial_partner',
  'clinical_site',
  'platform',
  'funder',
  'academic_partner',
] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export const milestoneStatuses = ['planned', 'in_progress', 'at_risk', 'blocked', 'done'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export const dimensionIds = [
  'technology',
  'clinical_need',
  'business',
  'ip',
  'team',
  'funding',
  'regulatory',
  'manufacturing',
  'data_access',
] as const;
export type DimensionId = (typeof dimensionIds)[number];

export const STAGE_COUNT = 6;

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

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

/** What a notification tells of, one name per kind (see shared/notifications.ts for how to add one). */
export const NOTIFICATION_TYPES = [
  /** someone named you in a comment you may read */
  'mention',
  /** a comment on a milestone you own */
  'milestone_comment',
  /** a gate review of one of your projects was requested */
  'gate_requested',
  /** a gate review of one of your projects was decided */
  'gate_decided',
  /** a milestone you own or lead turned overdue */
  'milestone_overdue',
  /** a milestone you own or lead was marked at risk */
  'milestone_at_risk',
  /** you were added to a project */
  'project_added',
  /** a service request of one of your projects was filed, moved on, or commented */
  'service_request.changed',
  /** someone accepted an invitation you sent */
  'invitation_accepted',
  /** someone declined an invitation you sent */
  'invitation_declined',
] as const;

export const serviceKinds = [
  'platform',
  'data',
  'regulatory',
  'expertise',
  'real_estate',
  'funding',
] as const;
