/**
 * The programme office's portfolio analytics (GET /api/portfolio/analytics): how long projects
 * stay in each stage, what the gates decided over time, which milestones slip, and how readiness
 * moved across the portfolio. Computed from the projected SQL rows and the audit trail, never
 * from the live documents.
 */
import { z } from 'zod';
import { DimensionId } from '../domain.ts';
import type { GateOutcome } from './gates.ts';

const IsoDateTime = z.string().describe('ISO 8601 date-time');
/** a calendar quarter, `2026-Q3` */
const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/);
/** a calendar month, `2026-09` */
const Month = z.string().regex(/^\d{4}-\d{2}$/);

export const AnalyticsQuery = z.object({
  /** only the projects of this track (a framework lineage) */
  track: z.string().max(100).optional(),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

export const StageDuration = z.object({
  track: z.string(),
  stage: z.number().int().nonnegative(),
  /** the median of the stays that ended (the project passed a gate, was archived), in days */
  medianDays: z.number().nonnegative().nullable(),
  /** how many stays ended */
  completed: z.number().int().nonnegative(),
  /** projects in this stage now, and the median of their days in it so far */
  current: z.number().int().nonnegative(),
  currentMedianDays: z.number().nonnegative().nullable(),
});
export type StageDuration = z.infer<typeof StageDuration>;

export const OutcomeCounts = z.object({
  go: z.number().int().nonnegative(),
  conditional_go: z.number().int().nonnegative(),
  hold: z.number().int().nonnegative(),
  recycle: z.number().int().nonnegative(),
  kill: z.number().int().nonnegative(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

export const SlippingMilestone = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  milestoneId: z.string(),
  title: z.string(),
  due: z.string(),
  /** when it was marked done, or null while it is open */
  doneAt: IsoDateTime.nullable(),
  /** days past its due date: when done, or today for an open one */
  slipDays: z.number().int().positive(),
});

export const PortfolioAnalytics = z.object({
  /** the present the figures are computed at */
  at: IsoDateTime,
  /** how many projects the figures cover (active and archived) */
  projectCount: z.number().int().nonnegative(),
  tracks: z.array(z.object({ id: z.string(), name: z.object({ en: z.string(), fr: z.string() }) })),
  stageDurations: z.array(StageDuration),
  gateOutcomes: z.object({
    totals: OutcomeCounts,
    byQuarter: z.array(z.object({ quarter: Quarter, counts: OutcomeCounts })),
  }),
  milestones: z.object({
    /** milestones with a due date that are done, by whether they were done by it */
    doneOnTime: z.number().int().nonnegative(),
    doneLate: z.number().int().nonnegative(),
    /** open milestones past their due date, and those not due yet */
    overdue: z.number().int().nonnegative(),
    upcoming: z.number().int().nonnegative(),
    /** the median delay of the late and the overdue ones, in days */
    medianSlipDays: z.number().nonnegative().nullable(),
    /** by month of the due date */
    byMonth: z.array(
      z.object({
        month: Month,
        onTime: z.number().int().nonnegative(),
        late: z.number().int().nonnegative(),
        overdue: z.number().int().nonnegative(),
        upcoming: z.number().int().nonnegative(),
      }),
    ),
    /** the ten that slipped most */
    worst: z.array(SlippingMilestone),
  }),
  readiness: z.object({
    /** month ends, each with every dimension's mean level over the projects scored then */
    points: z.array(
      z.object({
        month: Month,
        projects: z.number().int().nonnegative(),
        means: z.partialRecord(DimensionId, z.number().nonnegative()),
      }),
    ),
  }),
});
export type PortfolioAnalytics = z.infer<typeof PortfolioAnalytics>;

export const gateOutcomeOrder: GateOutcome[] = ['go', 'conditional_go', 'hold', 'recycle', 'kill'];
