/**
 * Time travel: a project as it stood at a past instant or at a gate, rebuilt from the document
 * snapshots and update log, with what changed since; readiness over time; the portfolio's
 * stage distribution over time.
 */
import { z } from 'zod';
import { CriterionCheck, Milestone, ReadinessEntry } from './doc/shape.ts';
import { DimensionId, ReadinessLevel, Stage } from './domain.ts';
import { STAGE_COUNT } from './vocabularies.ts';

const IsoDateTime = z.string().describe('ISO 8601 date-time');

/** `?at=<ISO date-time>` or `?gate=<reviewId>`, exactly one of them. */
export const HistoryQuery = z
  .object({
    at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    gate: z.string().min(1).max(64).optional(),
  })
  .refine((q) => (q.at === undefined) !== (q.gate === undefined), {
    message: 'Give a moment (at) or a gate review (gate): exactly one of them',
    path: ['at'],
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoricState = z.object({
  milestones: z.array(Milestone),
  readiness: z.partialRecord(DimensionId, ReadinessEntry),
  criteria: z.record(z.string(), CriterionCheck),
});
export type HistoricState = z.infer<typeof HistoricState>;

/** The milestone fields a diff reports (bookkeeping such as order and updatedAt is left out). */
export const DIFFED_MILESTONE_FIELDS = [
  'title',
  'description',
  'owner',
  'due',
  'status',
  'stage',
  'dimension',
  'dependsOn',
] as const;
export const DiffedMilestoneField = z.enum(DIFFED_MILESTONE_FIELDS);
export type DiffedMilestoneField = z.infer<typeof DiffedMilestoneField>;

export const FieldChange = z.object({
  field: DiffedMilestoneField,
  /** the value then */
  before: z.unknown(),
  /** the value now */
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** What changed between then (`before`) and now (`after`). */
export const HistoryDiff = z.object({
  milestones: z.object({
    added: z.array(Milestone),
    removed: z.array(Milestone),
    changed: z.array(z.object({ id: z.string(), title: z.string(), changes: z.array(FieldChange) })),
  }),
  readiness: z.array(
    z.object({
      dimension: DimensionId,
      before: ReadinessLevel.nullable(),
      after: ReadinessLevel.nullable(),
      evidenceChanged: z.boolean(),
    }),
  ),
  criteria: z.array(
    z.object({
      id: z.string(),
      before: z.boolean().nullable(),
      after: z.boolean().nullable(),
      evidenceChanged: z.boolean(),
    }),
  ),
});
export type HistoryDiff = z.infer<typeof HistoryDiff>;

export const HistoryView = z.object({
  projectId: z.string(),
  /** the instant shown */
  at: IsoDateTime,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('time') }),
    z.object({ kind: z.literal('gate'), reviewId: z.string(), stageIndex: Stage }),
  ]),
  state: HistoricState,
  /** against the document as it stands now */
  diff: HistoryDiff,
  now: IsoDateTime,
});
export type HistoryView = z.infer<typeof HistoryView>;

/** Each point holds the levels from `at` until the next point. */
export const ReadinessSeries = z.object({
  projectId: z.string(),
  from: IsoDateTime,
  to: IsoDateTime,
  points: z.array(z.object({ at: IsoDateTime, levels: z.partialRecord(DimensionId, ReadinessLevel) })),
});
export type ReadinessSeries = z.infer<typeof ReadinessSeries>;

/** Each point holds the distribution from `at` until the next point. */
export const StagesOverTime = z.object({
  stageCount: z.literal(STAGE_COUNT),
  to: IsoDateTime,
  points: z.array(
    z.object({
      at: IsoDateTime,
      /** active projects per stage, index = stage */
      stages: z.array(z.number().int().nonnegative()).length(STAGE_COUNT),
      archived: z.number().int().nonnegative(),
    }),
  ),
});
export type StagesOverTime = z.infer<typeof StagesOverTime>;
