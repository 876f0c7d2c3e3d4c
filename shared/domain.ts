/** The domain's vocabularies as zod enums, built from the plain lists of shared/vocabularies.ts. */
import { z } from 'zod';
import {
  dimensionIds,
  locales,
  milestoneStatuses,
  organisationKinds,
  partnerRoles,
  projectRoles,
  STAGE_COUNT,
} from './vocabularies.ts';

export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const ProjectRole = z.enum(projectRoles);
export type ProjectRole = z.infer<typeof ProjectRole>;

export const PartnerRole = z.enum(partnerRoles);
export type PartnerRole = z.infer<typeof PartnerRole>;

export const MilestoneStatus = z.enum(milestoneStatuses);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const DimensionId = z.enum(dimensionIds);
export type DimensionId = z.infer<typeof DimensionId>;

export const Stage = z
  .number()
  .int()
  .min(0)
  .max(STAGE_COUNT - 1);
export const ReadinessLevel = z.number().int().min(1).max(9);

export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;
