/** A project's members and invitations, and the bodies that add, change and accept them. */
import { z } from 'zod';
import { ProjectRole } from '../domain.ts';
import { Id, IsoDate, Person } from './common.ts';
import { OrganisationRef } from './organisations.ts';

export const Member = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: ProjectRole,
  organisations: z.array(OrganisationRef),
  addedAt: IsoDate,
});
export type Member = z.infer<typeof Member>;

/**
 * Where an invitation stands: open until it is accepted, declined (by the link's holder),
 * withdrawn (by a lead or a manager) or past its expiry.
 */
export const InvitationStatus = z.enum(['pending', 'accepted', 'declined', 'expired', 'withdrawn']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** How long a sent link works, and how often one invitation may be mailed (the first send included). */
export const INVITATION_DAYS = 7;
export const INVITATION_MAX_SENDS = 5;

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: ProjectRole,
  status: InvitationStatus,
  /** the organisation the invitee's new account joins on accepting, if the inviter chose one */
  organisation: OrganisationRef.nullable(),
  invitedBy: Person,
  createdAt: IsoDate,
  expiresAt: IsoDate,
  /** when the link was last mailed or handed out */
  lastSentAt: IsoDate,
  /** how many times it was sent, at most INVITATION_MAX_SENDS */
  sendCount: z.number().int(),
  /** present only in the reply that created or resent it, when no mail server sends it: the link to pass on */
  link: z.string().optional(),
  /** present only in the reply that created or resent it: the link was mailed to the address */
  mailed: z.boolean().optional(),
});
export type Invitation = z.infer<typeof Invitation>;

/** An open invitation in the cluster-wide list, with its project. */
export const ClusterInvitation = Invitation.extend({ project: z.object({ id: Id, title: z.string() }) });
export type ClusterInvitation = z.infer<typeof ClusterInvitation>;
export const ClusterInvitationList = z.object({ invitations: z.array(ClusterInvitation) });

export const InvitationResult = z.object({ invitation: Invitation });

export const MemberList = z.object({ members: z.array(Member), invitations: z.array(Invitation) });

export const AddMemberBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('Not an e-mail address')),
    role: ProjectRole,
    /**
     * for an address without an account: the (active) organisation the account joins when it is
     * created by accepting; ignored for someone who already has an account
     */
    organisationId: Id.optional(),
  })
  .strict();
export type AddMemberBody = z.infer<typeof AddMemberBody>;

export const AddMemberResult = z.union([z.object({ added: Member }), z.object({ invitation: Invitation })]);

export const ChangeRoleBody = z.object({ role: ProjectRole }).strict();

export const InvitationPreview = z.object({
  /** anything but `pending` means the link no longer works, and says why */
  status: InvitationStatus,
  project: z.object({ id: Id, title: z.string() }),
  email: z.string(),
  role: ProjectRole,
  invitedBy: z.string(),
  expiresAt: IsoDate,
  /** the organisation a new account joins, if the inviter chose one */
  organisation: z.string().nullable(),
  /** whether the address already has a proven account: sign in to accept, or create one */
  account: z.boolean(),
});

/** Accepting an invitation by creating the account (the server applies the name and password rules). */
export const InvitationAccountBody = z
  .object({ name: z.string().max(200), password: z.string().max(1024) })
  .strict();
