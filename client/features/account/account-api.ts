/** The account page's calls: profile, password, sessions, API tokens. */
import type { Me, SessionList, UpdateMeBody } from '../../../shared/schemas/me.ts';
import type { ProjectSummary } from '../../../shared/schemas/projects.ts';
import type { ApiToken, CreateApiToken, RevokedCredentials } from '../../../shared/tokens.ts';
import { request } from '../../api.ts';

const enc = encodeURIComponent;

export const accountPageApi = {
  updateProfile: (body: UpdateMeBody) => request<Me>('PATCH', '/api/me', body),
  /** better-auth's endpoint: checks the current password, and signs out every other session */
  changePassword: (currentPassword: string, newPassword: string) =>
    request<unknown>('POST', '/api/auth/change-password', {
      currentPassword,
      newPassword,
      revokeOtherSessions: true,
    }),
  sessions: () => request<SessionList>('GET', '/api/me/sessions'),
  signOutSession: (id: string) => request<null>('DELETE', `/api/me/sessions/${enc(id)}`),
  signOutOtherSessions: () =>
    request<RevokedCredentials>('POST', '/api/me/sessions/revoke', { keepCurrent: true, tokens: false }),
  tokens: () => request<{ tokens: ApiToken[] }>('GET', '/api/me/tokens'),
  createToken: (body: CreateApiToken) =>
    request<ApiToken & { token: string }>('POST', '/api/me/tokens', body),
  revokeToken: (id: string) => request<null>('DELETE', `/api/me/tokens/${enc(id)}`),
  projects: () => request<{ projects: ProjectSummary[] }>('GET', '/api/projects'),
};
