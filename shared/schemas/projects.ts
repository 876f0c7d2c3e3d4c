/** Projects: their summary, detail and milestones as projected, the portfolio's view, and the bodies that create and change them. */
import { z } from 'zod';
import { Milestone } from '../doc/shape.ts';
import { PartnerRole, ProjectRole, Stage } from '../domain.ts';
import { Id, IsoDate, Person } from './common.ts';
import { AddMemberBody, AddMemberResult } from './members.ts';
import { OrganisationRef } from './organisations.ts';

export const ProjectSummary = z.object({
  id: Id,
  title: z.string(),
  summary: z.string(),
  track: z.string(),
  stage: Stage,
  leadOrganisation: OrganisationRef,
  /** the caller's project role; null for a cluster manager who is not a member */
  myRole: ProjectRole.nullable(),
  listedInDirectory: z.boolean(),
  archived: z.boolean(),
  /** parked by a Hold gate decision until this review date (YYYY-MM-DD); null when not on hold */
  onHoldUntil: z.string().nullable(),
  /**
   * the last change on the project the caller may see: its card, its live document, comments,
   * gates, service requests, members (a team comment only for those who read team comments)
   */
  updatedAt: IsoDate,
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectPartner = z.object({ organisation: OrganisationRef, role: PartnerRole });

/** The evidence behind a level: a short note (the documents themselves live elsewhere). */
export const LEVEL_EVIDENCE_MAX = 1000;

/**
 * A project's level on its track (the framework's TRL-style levels), distinct from its stage:
 * the stage is where it stands in the gate process, the level how mature its technology is.
 */
export const ProjectLevel = z.object({
  level: z.number().int(),
  evidence: z.string(),
  setBy: Person,
  setAt: IsoDate,
});
export type ProjectLevel = z.infer<typeof ProjectLevel>;

/** One change of the level, as the history keeps it. */
export const ProjectLevelChange = ProjectLevel.extend({
  /** the level before; null for the first one recorded */
  from: z.number().int().nullable(),
});
export type ProjectLevelChange = z.infer<typeof ProjectLevelChange>;

export const ProjectLevelHistory = z.object({
  current: ProjectLevel.nullable(),
  /** oldest first */
  changes: z.array(ProjectLevelChange),
});
export type ProjectLevelHistory = z.infer<typeof ProjectLevelHistory>;

export const SetProjectLevelBody = z
  .object({
    level: z.number().int().min(0).max(99),
    evidence: z
      .string()
      .trim()
      .min(1, 'Say what shows the project is at this level')
      .max(LEVEL_EVIDENCE_MAX, `At most ${LEVEL_EVIDENCE_MAX} characters of evidence`),
  })
  .strict();
export type SetProjectLevelBody = z.input<typeof SetProjectLevelBody>;

export const ProjectDetail = ProjectSummary.extend({
  partners: z.array(ProjectPartner),
  createdAt: IsoDate,
  /** what the caller may do here, from the permission matrix */
  permissions: z.array(z.string()),
  /** its current level on its track; null until one is recorded */
  level: ProjectLevel.nullable(),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

/**
 * A project's milestones as last projected from its document, in board order. Who created each
 * one, and when, is not projected (null here): the document has it.
 */
export const ProjectMilestones = z.object({ milestones: z.array(Milestone) });
export type ProjectMilestones = z.infer<typeof ProjectMilestones>;

const boolFromQuery = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ProjectListQuery = z.object({
  track: z.string().max(64).optional(),
  stage: z.coerce.number().pipe(Stage).optional(),
  /** only projects whose current level on their track is this one */
  level: z.coerce.number().int().min(0).max(99).optional(),
  organisation: Id.optional().describe('lead or partner organisation id'),
  mine: boolFromQuery.optional().describe('only projects the caller is a member of'),
  archived: boolFromQuery.optional().describe('include archived projects'),
});

const Title = z.string().trim().min(1, 'A title is required').max(200);
const Summary = z.string().trim().max(4000);
const PartnerInput = z.object({ organisationId: Id, role: PartnerRole });

export const MAX_FIRST_MEMBERS = 20;

export const CreateProjectBody = z
  .object({
    title: Title,
    summary: Summary.default(''),
    track: z.string().min(1, 'Choose a track').max(64),
    /** the stage the project starts at (a project joining the cluster mid-way) */
    stage: Stage.default(0),
    leadOrganisationId: Id,
    partners: z
      .array(PartnerInput)
      .max(50)
      .default([])
      .refine(
        (list) => new Set(list.map((p) => p.organisationId)).size === list.length,
        'A partner organisation is listed twice',
      ),
    listedInDirectory: z.boolean().default(false),
    /** the first members, added (or invited by e-mail) once the project exists */
    members: z
      .array(AddMemberBody)
      .max(MAX_FIRST_MEMBERS, `At most ${MAX_FIRST_MEMBERS} first members; invite more from the project`)
      .default([])
      .refine(
        (list) => new Set(list.map((m) => m.email)).size === list.length,
        'The same address is listed twice',
      ),
  })
  .strict();
export type CreateProjectBody = z.input<typeof CreateProjectBody>;

/** A new project, and what became of each first member: added at once, or invited by e-mail. */
export const CreatedProject = ProjectDetail.extend({ firstMembers: z.array(AddMemberResult) });
export type CreatedProject = z.infer<typeof CreatedProject>;

export const UpdateProjectBody = z
  .object({
    title: Title.optional(),
    summary: Summary.optional(),
    partners: z.array(PartnerInput).max(50).optional(),
    listedInDirectory: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateProjectBody = z.input<typeof UpdateProjectBody>;

/** Milestone health of a project, from its projected milestones. */
export const ProjectHealth = z.object({
  total: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int().describe('due before today and not done'),
  atRisk: z.number().int(),
  blocked: z.number().int(),
  doneThisMonth: z.number().int(),
});
export type ProjectHealth = z.infer<typeof ProjectHealth>;

/** A project as the portfolio shows it: its card plus maturation at a glance. */
export const PortfolioProject = ProjectSummary.extend({
  health: ProjectHealth,
  /** readiness level (1–9) per dimension, as currently scored */
  readiness: z.record(z.string(), z.number().int()),
  /** its current level on its track; null until one is recorded */
  level: z.number().int().nullable(),
});
export type PortfolioProject = z.infer<typeof PortfolioProject>;
