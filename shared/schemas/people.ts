/**
 * Accounts as the programme office manages them: deactivation, erasure of a person's identifying
 * data (GDPR Art. 17), and the export of everything the audit trail holds about one person
 * (GDPR Art. 15).
 */
import { z } from 'zod';
import { Id, IsoDate } from './common.ts';

/**
 * The name an erased person reads as, wherever names are shown. Stored as the account's name,
 * so every reader shows it without knowing about erasure; the client says it in the reader's
 * language (client/i18n/person-name.ts).
 */
export const ERASED_PERSON_NAME = 'Erased person';

/** The address an erased account keeps: unique (the column is), and never deliverable (RFC 2606). */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

export const AccountStatus = z.object({
  id: Id,
  deactivatedAt: IsoDate.nullable(),
  /** set once the person's identifying data is erased: for good */
  erasedAt: IsoDate.nullable(),
});
export type AccountStatus = z.infer<typeof AccountStatus>;

export const PersonExportQuery = z.object({
  after: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('continue after this audit sequence number (the `next` of an export that was not complete)'),
});

/** One audit entry, as stored: ids only in the fields the chain hashes. */
export const ExportedAuditEntry = z.object({
  seq: z.number(),
  at: IsoDate,
  actorId: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  projectId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  hash: z.string(),
});

export const PersonExport = z.object({
  format: z.literal('jalon-person-export/1'),
  exportedAt: IsoDate,
  exportedBy: Id,
  person: z.object({
    id: Id,
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    locale: z.string().nullable(),
    clusterManager: z.boolean(),
    createdAt: IsoDate,
    deactivatedAt: IsoDate.nullable(),
    erasedAt: IsoDate.nullable(),
  }),
  organisations: z.array(
    z.object({
      organisationId: Id,
      name: z.string(),
      title: z.string().nullable(),
      listedAsContact: z.boolean(),
      since: IsoDate,
    }),
  ),
  memberships: z.array(
    z.object({
      projectId: Id,
      title: z.string(),
      role: z.string(),
      addedAt: IsoDate,
      addedBy: z.string().nullable(),
    }),
  ),
  mentorProfile: z.record(z.string(), z.unknown()).nullable(),
  invitations: z.array(
    z.object({
      id: Id,
      projectId: Id,
      email: z.string(),
      role: z.string(),
      invitedBy: Id,
      createdAt: IsoDate,
      acceptedAt: IsoDate.nullable(),
      revokedAt: IsoDate.nullable(),
    }),
  ),
  audit: z.object({
    /** entries where the person acted, or whose subject is the person (their account, memberships, invitations) */
    entries: z.array(ExportedAuditEntry),
    /** false when the export stopped at its size limit: ask again with `after=next` */
    complete: z.boolean(),
    next: z.number().nullable(),
    message: z.string().nullable(),
  }),
});
export type PersonExport = z.infer<typeof PersonExport>;

export const PEOPLE_STATUSES = ['active', 'deactivated', 'all', 'sso_unseen'] as const;
export type PeopleStatus = (typeof PEOPLE_STATUSES)[number];
/** how long an SSO account may go without signing in before it is listed as not seen */
export const SSO_UNSEEN_DAYS = 90;

/** The programme office's search over people: name, address or organisation, accent-insensitive. */
export const PeopleQuery = z.object({
  q: z.string().trim().max(200).optional().default(''),
  /**
   * active (the default list), deactivated, every account, or `sso_unseen`: active accounts that
   * sign in through an organisation's single sign-on and have not signed in for
   * SSO_UNSEEN_DAYS days, or never (for providers that cannot tell Jalon when someone leaves)
   */
  status: z.enum(PEOPLE_STATUSES).optional().default('all'),
  offset: z.coerce.number().int().nonnegative().max(100_000).optional().default(0),
  limit: z.coerce.number().int().min(1).max(100).optional().default(25),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PersonSummary = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  organisations: z.array(z.object({ id: Id, name: z.string() })),
  clusterManager: z.boolean(),
  deactivatedAt: IsoDate.nullable(),
  erasedAt: IsoDate.nullable(),
  /** the last time a session was opened for the account, null if never */
  lastSignInAt: IsoDate.nullable(),
  /** whether the account signs in through an organisation's single sign-on */
  sso: z.boolean(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PeoplePage = z.object({
  people: z.array(PersonSummary),
  /** how many people match, across every page */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type PeoplePage = z.infer<typeof PeoplePage>;

/** One person as the programme office sees them: their projects and roles, what they handle. */
export const PersonDetail = PersonSummary.extend({
  createdAt: IsoDate,
  memberships: z.array(
    z.object({ projectId: Id, title: z.string(), role: z.string(), archived: z.boolean() }),
  ),
  /** pending invitations sent to their address */
  pendingInvitations: z.array(
    z.object({ id: Id, projectId: Id, projectTitle: z.string(), role: z.string(), expiresAt: IsoDate }),
  ),
  /** how many services of the catalogue they handle requests for (by name or through their organisation) */
  handledServices: z.number().int(),
  mentor: z.boolean(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const ManagerRightsBody = z.object({ clusterManager: z.boolean() }).strict();
export type ManagerRightsBody = z.infer<typeof ManagerRightsBody>;

export const ManagerRights = z.object({ id: Id, clusterManager: z.boolean() });
export type ManagerRights = z.infer<typeof ManagerRights>;

/**
 * Where the signed-in person's work is, for choosing their home: the portfolio when they have
 * projects or run the programme office, otherwise the queue of the services they handle or their
 * mentor requests (shared/home.ts).
 */
export const MyWork = z.object({
  projects: z.number().int(),
  clusterManager: z.boolean(),
  handlesServices: z.boolean(),
  mentor: z.boolean(),
});
export type MyWork = z.infer<typeof MyWork>;
