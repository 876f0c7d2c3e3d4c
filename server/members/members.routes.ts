/** Project members and invitations: thin routes over the member use cases. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AddMemberBody,
  AddMemberResult,
  ChangeRoleBody,
  ClusterInvitationList,
  InvitationAccountBody,
  InvitationPreview,
  InvitationResult,
  Member,
  MemberList,
} from '../../shared/schemas/members.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { acceptInvitationWithAccount } from './accept-invitation-account.ts';
import { addMember } from './add-member.ts';
import { declineInvitation } from './answer-invitation.ts';
import { changeMemberRole, removeMember } from './change-member-role.ts';
import { acceptInvitation, previewInvitation, revokeInvitation } from './invitations.ts';
import { listClusterInvitations } from './list-cluster-invitations.ts';
import { listMembers } from './list-members.ts';
import { resendInvitation } from './resend-invitation.ts';

const MemberParams = IdParam.extend({ userId: z.string().min(1).max(64) });
const InvitationParams = IdParam.extend({ invitationId: z.string().min(1).max(64) });
const TokenParam = z.object({ token: z.string().min(16).max(128) });

export function memberRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/members',
        tags: ['members'],
        summary: "A project's members (and, for those who manage them, open invitations)",
        request: { params: IdParam },
        responses: { 200: json(MemberList, 'Members'), ...errors },
      }),
      async (c) => c.json(await listMembers(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/members',
        tags: ['members'],
        summary: 'Add a member by e-mail, or invite them if they have no account yet',
        request: { params: IdParam, ...jsonBody(AddMemberBody) },
        responses: {
          201: json(AddMemberResult, 'Added, or invited with a link to pass on'),
          409: json(z.any(), 'Already a member or invited'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(await addMember(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/projects/{id}/members/{userId}',
        tags: ['members'],
        summary: "Change a member's role",
        request: { params: MemberParams, ...jsonBody(ChangeRoleBody) },
        responses: { 200: json(Member, 'The member'), ...errors },
      }),
      async (c) => {
        const { id, userId } = c.req.valid('param');
        return c.json(
          await changeMemberRole(deps, requireActor(c), id, userId, c.req.valid('json').role),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/projects/{id}/members/{userId}',
        tags: ['members'],
        summary: 'Remove a member',
        request: { params: MemberParams },
        responses: { 204: { description: 'Removed' }, ...errors },
      }),
      async (c) => {
        const { id, userId } = c.req.valid('param');
        await removeMember(deps, requireActor(c), id, userId);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/projects/{id}/invitations/{invitationId}',
        tags: ['members'],
        summary: 'Withdraw an unanswered invitation (its link stops working)',
        request: { params: InvitationParams },
        responses: { 204: { description: 'Revoked' }, ...errors },
      }),
      async (c) => {
        const { id, invitationId } = c.req.valid('param');
        await revokeInvitation(deps, requireActor(c), id, invitationId);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/invitations/{invitationId}/resend',
        tags: ['members'],
        summary:
          'Send an unanswered invitation again: a new link (the old one stops working), a new expiry; at most 5 sends',
        request: { params: InvitationParams },
        responses: {
          200: json(InvitationResult, 'Sent again, or the new link to pass on'),
          409: json(z.any(), 'Answered or withdrawn'),
          429: json(z.any(), 'Sent the most times one invitation may be'),
          ...errors,
        },
      }),
      async (c) => {
        const { id, invitationId } = c.req.valid('param');
        return c.json(await resendInvitation(deps, requireActor(c), id, invitationId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/invitations',
        tags: ['members'],
        summary: 'Every project’s unanswered invitations (cluster managers, from a browser session)',
        responses: { 200: json(ClusterInvitationList, 'Invitations'), ...errors },
      }),
      async (c) => c.json(await listClusterInvitations(deps, requireActor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/invitations/{token}',
        tags: ['members'],
        summary: 'What an invitation link offers (no sign-in needed)',
        request: { params: TokenParam },
        responses: { 200: json(InvitationPreview, 'The invitation'), ...errors },
      }),
      async (c) => c.json(await previewInvitation(deps, c.req.valid('param').token), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/invitations/{token}/accept',
        tags: ['members'],
        summary: 'Accept an invitation, signed in with the invited address',
        request: { params: TokenParam },
        responses: { 200: json(z.object({ projectId: z.string() }), 'Joined'), ...errors },
      }),
      async (c) => c.json(await acceptInvitation(deps, requireActor(c), c.req.valid('param').token), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/invitations/{token}/decline',
        tags: ['members'],
        summary: 'Decline an invitation (the link proves the address; no sign-in needed)',
        request: { params: TokenParam },
        responses: { 204: { description: 'Declined; the inviter is told' }, ...errors },
      }),
      async (c) => {
        await declineInvitation(deps, c.req.valid('param').token);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/invitations/{token}/account',
        tags: ['members'],
        summary:
          'Accept an invitation by creating the account for the invited address (the link proves it); then sign in',
        request: { params: TokenParam, ...jsonBody(InvitationAccountBody) },
        responses: {
          201: json(z.object({ projectId: z.string(), email: z.string() }), 'Account created, joined'),
          409: json(z.any(), 'The address already has an account: sign in to accept'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(await acceptInvitationWithAccount(deps, c.req.valid('param').token, c.req.valid('json')), 201),
    );
}
