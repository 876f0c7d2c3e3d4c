/** Maturation frameworks: levels, stages with their gate criteria, and readiness dimensions. */
import { z } from 'zod';
import { Stage } from '../domain.ts';
import { Bilingual, Id, IsoDate, Person } from './common.ts';

export const FrameworkLevel = z.object({ level: z.number(), title: Bilingual, description: Bilingual });
export const GateCriterion = z.object({
  id: Id,
  key: z.string(),
  kind: z.enum(['must', 'should']),
  text: Bilingual,
});
/** Before this gate, the readiness dimension must have reached this level. */
export const ReadinessThreshold = z.object({ dimension: z.string(), minLevel: z.number().int() });
export type ReadinessThreshold = z.infer<typeof ReadinessThreshold>;
export const FrameworkStage = z.object({
  index: Stage,
  key: z.string(),
  name: Bilingual,
  minLevel: z.number(),
  maxLevel: z.number(),
  gateName: Bilingual,
  criteria: z.array(GateCriterion),
  /** the readiness each dimension named must reach before this gate, in the dimensions' order */
  thresholds: z.array(ReadinessThreshold),
});
export const Framework = z.object({
  id: z.string(),
  /** the id of the framework's first version: what "track" means across versions */
  lineage: z.string(),
  version: z.number().int(),
  /** false when a newer version of the same lineage exists: new projects start on the current one */
  current: z.boolean(),
  /** when this version was made: the room says since when a newer one exists */
  createdAt: IsoDate,
  name: Bilingual,
  description: Bilingual,
  levels: z.array(FrameworkLevel),
  stages: z.array(FrameworkStage),
});
export type Framework = z.infer<typeof Framework>;
export const ReadinessDimension = z.object({
  id: z.string(),
  name: Bilingual,
  description: Bilingual,
  levels: z.array(z.object({ level: z.number(), text: Bilingual })),
});
export const FrameworkCatalogue = z.object({
  frameworks: z.array(Framework),
  dimensions: z.array(ReadinessDimension),
});
export type FrameworkCatalogue = z.infer<typeof FrameworkCatalogue>;

/**
 * The administration's edits. A framework's texts are edited by making a new version: levels'
 * numbers and stages' level ranges stay as they are (they are the framework's scope), so the
 * body names each level and stage of its base and changes only their words.
 */
export const FRAMEWORK_TEXT_MAX = 2000;
export const FRAMEWORK_NAME_MAX = 120;
export const CHANGE_NOTE_MAX = 1000;
/** a stage's gate has at most this many criteria */
export const CRITERIA_MAX = 40;
/** a gate has at most this many readiness thresholds (one per dimension, nine today) */
export const THRESHOLDS_MAX = 20;

const text = (max: number) => z.string().trim().min(1).max(max);
/** Words in both languages, both required. */
export const BilingualText = (max = FRAMEWORK_TEXT_MAX) => z.object({ en: text(max), fr: text(max) });

export const CriterionEdit = z.object({
  /** an existing criterion of the base version, by its key; absent for a new one */
  key: z.string().min(1).max(64).optional(),
  kind: z.enum(['must', 'should']),
  text: BilingualText(),
});
export type CriterionEdit = z.infer<typeof CriterionEdit>;

export const FrameworkContent = z.object({
  name: BilingualText(FRAMEWORK_NAME_MAX),
  description: BilingualText(),
  levels: z
    .array(
      z.object({
        level: z.number().int(),
        title: BilingualText(FRAMEWORK_NAME_MAX),
        description: BilingualText(),
      }),
    )
    .max(20),
  stages: z
    .array(
      z.object({
        index: Stage,
        name: BilingualText(FRAMEWORK_NAME_MAX),
        gateName: BilingualText(FRAMEWORK_NAME_MAX),
        /** in the order the gate lists them; a criterion of the base left out is retired */
        criteria: z.array(CriterionEdit).max(CRITERIA_MAX),
        /**
         * the readiness thresholds of this gate, at most one per dimension; absent keeps those of
         * the base version, an empty list removes them
         */
        thresholds: z
          .array(z.object({ dimension: z.string().min(1).max(64), minLevel: z.number().int() }))
          .max(THRESHOLDS_MAX)
          .optional(),
      }),
    )
    .max(20),
});

export const NewFrameworkVersionBody = FrameworkContent.extend({
  changeNote: text(CHANGE_NOTE_MAX),
});
export type NewFrameworkVersionBody = z.infer<typeof NewFrameworkVersionBody>;

export const CopyFrameworkBody = z.object({
  /** the framework version copied */
  from: z.string().min(1).max(64),
  name: BilingualText(FRAMEWORK_NAME_MAX),
  description: BilingualText(),
});
export type CopyFrameworkBody = z.infer<typeof CopyFrameworkBody>;

export const UpdateDimensionBody = z.object({
  name: BilingualText(FRAMEWORK_NAME_MAX),
  description: BilingualText(),
  levels: z.array(z.object({ level: z.number().int(), text: BilingualText() })).max(20),
});
export type UpdateDimensionBody = z.infer<typeof UpdateDimensionBody>;

/** One version of a track, as the administration lists it. */
export const FrameworkVersionSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  current: z.boolean(),
  name: Bilingual,
  changeNote: z.string(),
  createdAt: IsoDate,
  createdBy: Person.nullable(),
  /** projects started on this version, archived ones included */
  projectCount: z.number().int(),
});
export type FrameworkVersionSummary = z.infer<typeof FrameworkVersionSummary>;

export const AdminTrack = z.object({
  lineage: z.string(),
  /** newest first */
  versions: z.array(FrameworkVersionSummary),
});
export type AdminTrack = z.infer<typeof AdminTrack>;
