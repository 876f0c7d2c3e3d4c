/**
 * Shapes of the seed data. The data files beside this one are plain data (no logic):
 * frameworks.data.ts (maturation frameworks, written in our own words, FR and EN) and
 * cluster.data.ts (the fictional demo cluster).
 */

/** A text in both languages the product ships in. */
export interface Bilingual {
  en: string;
  fr: string;
}

export interface LevelSeed {
  /** 1..9 */
  level: number;
  title: Bilingual;
  description: Bilingual;
}

export interface GateCriterionSeed {
  /** stable key, unique within the framework, e.g. "g1-target-validated" */
  key: string;
  kind: 'must' | 'should';
  text: Bilingual;
}

export interface StageSeed {
  /** 0..5 */
  index: number;
  key: string; // intake, proof_of_concept, maturation, ind_enabling, early_clinical, late_stage
  name: Bilingual;
  minLevel: number;
  maxLevel: number;
  /** the gate that ends this stage */
  gateName: Bilingual;
  criteria: GateCriterionSeed[];
}

export interface FrameworkSeed {
  id: 'therapeutics' | 'diagnostics' | 'device' | string;
  name: Bilingual;
  description: Bilingual;
  levels: LevelSeed[]; // exactly 9
  stages: StageSeed[]; // exactly 6, index 0..5
}

export type DimensionId =
  | 'technology'
  | 'clinical_need'
  | 'business'
  | 'ip'
  | 'team'
  | 'funding'
  | 'regulatory'
  | 'manufacturing'
  | 'data_access';

export interface DimensionSeed {
  id: DimensionId;
  name: Bilingual;
  description: Bilingual;
  levels: { level: number; text: Bilingual }[]; // exactly 9
}

export type OrganisationKind =
  | 'hospital'
  | 'academic'
  | 'research_institute'
  | 'research_team'
  | 'pharma'
  | 'startup'
  | 'sme'
  | 'public_agency';

export interface OrganisationSeed {
  /** stable slug, unique, e.g. "gustave-roussy" */
  slug: string;
  name: string;
  kind: OrganisationKind;
  founder: boolean;
  description: Bilingual;
  focusAreas: string[]; // keys such as "immuno_oncology", "cell_therapy", "imaging", "ai_clinical_data"
  /** for research teams: the slug of the parent institution */
  parentSlug?: string;
}

export type MilestoneStatus = 'planned' | 'in_progress' | 'at_risk' | 'blocked' | 'done';

export interface MilestoneSeed {
  key: string;
  title: string;
  description: string;
  status: MilestoneStatus;
  stage: number;
  dimension: DimensionId;
  /** days relative to the seeding day (negative: past) */
  dueInDays: number;
  /** keys of milestones of the same project this one depends on */
  dependsOn: string[];
  /** which demo person owns it: "lead" | "researcher" | a people key */
  owner: string;
}

export type PartnerRole = 'co_developer' | 'industrial_partner' | 'clinical_site' | 'platform' | 'funder';

export interface ProjectSeed {
  key: string;
  title: string;
  summary: string;
  track: 'therapeutics' | 'diagnostics' | 'device';
  stage: number; // 0..5
  leadOrgSlug: string;
  partners: { orgSlug: string; role: PartnerRole }[];
  listedInDirectory: boolean;
  /** which demo accounts are members and with what role */
  members: {
    who: 'lead' | 'researcher' | 'mentor' | 'partner' | string;
    role: 'lead' | 'contributor' | 'mentor' | 'observer';
  }[];
  /** readiness level 1..9 per dimension, with a one-line evidence text */
  readiness: Partial<Record<DimensionId, { level: number; evidence: string }>>;
  milestones: MilestoneSeed[];
}

export interface PersonSeed {
  key: string; // "lead", "researcher", "mentor", "partner", "manager", or another key
  email: string;
  name: string;
  orgSlug: string;
  title: string;
}
