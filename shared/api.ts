/**
 * Request and response shapes of the REST API. The server validates with these and builds its
 * OpenAPI document from them; the client types its calls with them.
 */
import { z } from 'zod';
import { Milestone } from './doc/shape.ts';
import { Locale, OrganisationKind, PartnerRole, ProjectRole, Stage } from './domain.ts';

const Id = z.string().min(1).max(64);
const IsoDate = z.string().describe('ISO 8601 date-time');

export const Bilingual = z.object({ en: z.string(), fr: z.string() });

export const OrganisationRef = z.object({ id: Id, name: z.string(), kind: OrganisationKind });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

export const Organisation = OrganisationRef.extend({
  slug: z.string(),
  founder: z.boolean(),
  parentId: z.string().nullable(),
  description: Bilingual,
  focusAreas: z.array(z.string()),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListQuery = z.object({ kind: OrganisationKind.optional() });

export const Me = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string(), locale: Locale.nullable() }),
  organisations: z.array(OrganisationRef),
  clusterManager: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.object({ locale: Locale }).strict();

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
  updatedAt: IsoDate,
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectPartner = z.object({ organisation: OrganisationRef, role: PartnerRole });

export const ProjectDetail = ProjectSummary.extend({
  partners: z.array(ProjectPartner),
  createdAt: IsoDate,
  /** what the caller may do here, from the permission matrix */
  permissions: z.array(z.string()),
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
  organisation: Id.optional().describe('lead or partner organisation id'),
  mine: boolFromQuery.optional().describe('only projects the caller is a member of'),
  archived: boolFromQuery.optional().describe('include archived projects'),
});

const Title = z.string().trim().min(1, 'A title is required').max(200);
const Summary = z.string().trim().max(4000);
const PartnerInput = z.object({ organisationId: Id, role: PartnerRole });

export const CreateProjectBody = z
  .object({
    title: Title,
    summary: Summary.default(''),
    track: z.string().min(1).max(64),
    leadOrganisationId: Id,
    partners: z.array(PartnerInput).max(50).default([]),
    listedInDirectory: z.boolean().default(false),
  })
  .strict();
export type CreateProjectBody = z.input<typeof CreateProjectBody>;

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

export const Member = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: ProjectRole,
  organisations: z.array(OrganisationRef),
  addedAt: IsoDate,
});
export type Member = z.infer<typeof Member>;

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: ProjectRole,
  createdAt: IsoDate,
  expiresAt: IsoDate,
  /** present only in the reply that created it, when no mail server sends it: the link to pass on */
  link: z.string().optional(),
  /** present only in the reply that created it: the link was mailed to the address */
  mailed: z.boolean().optional(),
});
export type Invitation = z.infer<typeof Invitation>;

export const MemberList = z.object({ members: z.array(Member), invitations: z.array(Invitation) });

export const AddMemberBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('Not an e-mail address')),
    role: ProjectRole,
  })
  .strict();

export const AddMemberResult = z.union([z.object({ added: Member }), z.object({ invitation: Invitation })]);

export const ChangeRoleBody = z.object({ role: ProjectRole }).strict();

export const InvitationPreview = z.object({
  project: z.object({ id: Id, title: z.string() }),
  email: z.string(),
  role: ProjectRole,
  invitedBy: z.string(),
  expiresAt: IsoDate,
  /** whether the address already has a proven account: sign in to accept, or create one */
  account: z.boolean(),
});

/** Accepting an invitation by creating the account (the server applies the name and password rules). */
export const InvitationAccountBody = z
  .object({ name: z.string().max(200), password: z.string().max(1024) })
  .strict();

export const FrameworkLevel = z.object({ level: z.number(), title: Bilingual, description: Bilingual });
export const GateCriterion = z.object({
  id: Id,
  key: z.string(),
  kind: z.enum(['must', 'should']),
  text: Bilingual,
});
export const FrameworkStage = z.object({
  index: Stage,
  key: z.string(),
  name: Bilingual,
  minLevel: z.number(),
  maxLevel: z.number(),
  gateName: Bilingual,
  criteria: z.array(GateCriterion),
});
export const Framework = z.object({
  id: z.string(),
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
});
export type PortfolioProject = z.infer<typeof PortfolioProject>;

export const CommentVisibility = z.enum(['team', 'partners']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

const Person = z.object({ id: Id, name: z.string() });

export const Comment = z.object({
  id: Id,
  projectId: Id,
  milestoneId: z.string(),
  /** the thread's first comment, for a reply; null for a thread */
  parentId: z.string().nullable(),
  author: Person,
  body: z.string(),
  mentions: z.array(Person),
  /** team: members and mentors; partners: also observers */
  visibility: CommentVisibility,
  resolved: z.boolean(),
  resolvedBy: Person.nullable(),
  resolvedAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type Comment = z.infer<typeof Comment>;

export const CommentListQuery = z.object({ milestoneId: z.string().max(64).optional() });

export const CreateCommentBody = z
  .object({
    milestoneId: z.string().min(1).max(64),
    body: z.string().trim().min(1, 'Write something').max(5000),
    visibility: CommentVisibility.default('team'),
    parentId: Id.optional(),
    /** user ids of project members named in the body */
    mentions: z.array(Id).max(20).default([]),
  })
  .strict();
export type CreateCommentBody = z.input<typeof CreateCommentBody>;

export const UpdateCommentBody = z.object({ resolved: z.boolean() }).strict();

export { APP_EVENTS, SIGNATURE_MEANING } from './constants.ts';

export const GateOutcome = z.enum(['go', 'conditional_go', 'hold', 'recycle', 'kill']);
export type GateOutcome = z.infer<typeof GateOutcome>;

export const GateRecommendation = z.object({
  reviewer: Person,
  scores: z.record(z.string(), z.number().int()),
  recommendation: GateOutcome,
  rationale: z.string(),
  conflictOfInterest: z.string().nullable(),
  createdAt: IsoDate,
});

export const GateDecision = z.object({
  id: Id,
  outcome: GateOutcome,
  rationale: z.string(),
  conditions: z.array(z.object({ title: z.string(), due: z.string().nullable() })),
  signature: z.object({ signer: Person, signedAt: IsoDate, meaning: z.string() }),
  stageBefore: Stage,
  stageAfter: Stage,
});
export type GateDecision = z.infer<typeof GateDecision>;

export const GateReview = z.object({
  id: Id,
  projectId: Id,
  stageIndex: Stage,
  status: z.enum(['open', 'decided']),
  requestedBy: Person,
  requestedAt: IsoDate,
  reviewers: z.array(Person),
  recommendations: z.array(GateRecommendation),
  decision: GateDecision.nullable(),
  /** readiness level per dimension as frozen in the gate pack */
  packReadiness: z.record(z.string(), z.number().int()),
});
export type GateReview = z.infer<typeof GateReview>;

export const RecommendBody = z
  .object({
    scores: z.record(z.string().max(200), z.number().int().min(1).max(5)),
    recommendation: GateOutcome,
    rationale: z.string().trim().min(1, 'Give your reasons').max(5000),
    conflictOfInterest: z.string().trim().max(2000).optional(),
  })
  .strict();

export const DecideBody = z
  .object({
    outcome: GateOutcome,
    rationale: z.string().trim().min(1, 'A decision needs its rationale').max(5000),
    conditions: z
      .array(
        z
          .object({ title: z.string().trim().min(1).max(300), due: z.iso.date().nullable().default(null) })
          .strict(),
      )
      .max(20)
      .default([]),
    /** the signer re-enters their password: the signature */
    password: z.string().min(1, 'Enter your password to sign').max(256),
  })
  .strict()
  .refine((b) => b.outcome !== 'conditional_go' || b.conditions.length > 0, {
    message: 'A Conditional Go states its conditions',
    path: ['conditions'],
  });

export const InviteReviewerBody = z.object({ userId: Id }).strict();
