/** A project's members and invitations, and the bodies that add, change and accept them. */
import { z } from 'zod';
import { ProjectRole } from '../domain.ts';
import { Id, IsoDate } from './common.ts';
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
