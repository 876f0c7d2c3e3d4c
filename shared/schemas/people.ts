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
