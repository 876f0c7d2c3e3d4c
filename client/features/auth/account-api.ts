/** The account calls: creating one from an invitation, resetting a password, open sign-up. */
import { request } from '../../api.ts';

const enc = encodeURIComponent;

export const accountApi = {
  createFromInvitation: (token: string, body: { name: string; password: string }) =>
    request<{ projectId: string; email: string }>('POST', `/api/invitations/${enc(token)}/account`, body),
  requestPasswordReset: (email: string) =>
    request<unknown>('POST', '/api/auth/request-password-reset', { email }),
  resetPassword: (token: string, newPassword: string) =>
    request<unknown>('POST', '/api/auth/reset-password', { token, newPassword }),
  signUp: (body: { name: string; email: string; password: string }) =>
    request<unknown>('POST', '/api/auth/sign-up/email', body),
};
