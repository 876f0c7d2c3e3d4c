/** The members panel's and the invitations lists' calls (shapes from shared/schemas/members.ts). */
import type { z } from 'zod';
import type { ProjectRole } from '../../../../shared/domain.ts';
import type {
  AddMemberBody,
  AddMemberResult,
  ClusterInvitationList,
  Invitation,
  Member,
} from '../../../../shared/schemas/members.ts';
import type { Organisation } from '../../../../shared/schemas/organisations.ts';
import { request } from '../../../api.ts';

const enc = encodeURIComponent;
const invitationPath = (projectId: string, invitationId: string) =>
  `/api/projects/${enc(projectId)}/invitations/${enc(invitationId)}`;

export const membersApi = {
  add: (projectId: string, body: AddMemberBody) =>
    request<z.infer<typeof AddMemberResult>>('POST', `/api/projects/${enc(projectId)}/members`, body),
  changeRole: (projectId: string, userId: string, role: ProjectRole) =>
    request<Member>('PATCH', `/api/projects/${enc(projectId)}/members/${enc(userId)}`, { role }),
  remove: (projectId: string, userId: string) =>
    request<null>('DELETE', `/api/projects/${enc(projectId)}/members/${enc(userId)}`),
  resend: (projectId: string, invitationId: string) =>
    request<{ invitation: Invitation }>('POST', `${invitationPath(projectId, invitationId)}/resend`),
  withdraw: (projectId: string, invitationId: string) =>
    request<null>('DELETE', invitationPath(projectId, invitationId)),
  clusterInvitations: () => request<z.infer<typeof ClusterInvitationList>>('GET', '/api/invitations'),
  /** the active organisations (the directory's), for a new person's */
  organisations: () => request<{ organisations: Organisation[] }>('GET', '/api/organisations'),
  decline: (token: string) => request<null>('POST', `/api/invitations/${enc(token)}/decline`),
};
