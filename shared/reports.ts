/** The printable project report: everything it shows, read in one request. */
import { z } from 'zod';
import { Locale, MilestoneStatus, OrganisationKind } from './domain.ts';
import { GateReview } from './schemas/gates.ts';
import { ProjectDetail, ProjectHealth } from './schemas/projects.ts';

export const ReportMilestone = z.object({
  id: z.string(),
  title: z.string(),
  status: MilestoneStatus,
  due: z.string().nullable(),
  stage: z.number().int(),
  owner: z.string().nullable().describe("the owner's name"),
});

export const ProjectReport = z.object({
  project: ProjectDetail,
  generatedAt: z.string(),
  health: ProjectHealth,
  /** current level (1–9) and evidence per readiness dimension */
  readiness: z.array(z.object({ dimension: z.string(), level: z.number().int(), evidence: z.string() })),
  /** levels as frozen in the last decided gate's pack, for the radar's second line */
  readinessAtLastGate: z.record(z.string(), z.number().int()).nullable(),
  /** the stage moves, oldest first: where the project started, then each decided gate */
  stageHistory: z.array(
    z.object({ at: z.string(), stage: z.number().int(), reviewId: z.string().nullable() }),
  ),
  /** decided gates, newest first, with their signatures */
  gates: z.array(GateReview),
  milestones: z.array(ReportMilestone),
});
export type ProjectReport = z.infer<typeof ProjectReport>;

/** The portfolio's own filters (shared/portfolio-filter.ts), so an export matches the list. */
export const CsvQuery = z.object({
  lang: Locale.optional().describe('language of the headings; default: the account’s, else English'),
  q: z.string().max(200).optional().describe('words of the title, accents ignored'),
  track: z.string().max(64).optional(),
  stage: z.coerce.number().int().min(0).max(5).optional(),
  kind: OrganisationKind.optional().describe("the lead organisation's kind"),
  mine: z.enum(['1', 'true', '0', 'false']).optional(),
});
