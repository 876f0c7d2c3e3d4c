/** The domain's vocabularies, as zod enums: one source for server, client and database values. */
import { z } from 'zod';

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
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** A user's role on one project. Cluster manager is not a project role: see permissions.ts. */
export const projectRoles = ['lead', 'contributor', 'mentor', 'observer'] as const;
export const ProjectRole = z.enum(projectRoles);
export type ProjectRole = z.infer<typeof ProjectRole>;

export const partnerRoles = [
  'co_developer',
  'industrial_partner',
  'clinical_site',
  'platform',
  'funder',
] as const;
export const PartnerRole = z.enum(partnerRoles);
export type PartnerRole = z.infer<typeof PartnerRole>;

export const milestoneStatuses = ['planned', 'in_progress', 'at_risk', 'blocked', 'done'] as const;
export const MilestoneStatus = z.enum(milestoneStatuses);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

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
export const DimensionId = z.enum(dimensionIds);
export type DimensionId = z.infer<typeof DimensionId>;

export const STAGE_COUNT = 6;
export const Stage = z
  .number()
  .int()
  .min(0)
  .max(STAGE_COUNT - 1);
export const ReadinessLevel = z.number().int().min(1).max(9);

export const Locale = z.enum(['en', 'fr']);
export type Locale = z.infer<typeof Locale>;
