/** The REST calls of the single sign-on administration (server/sso/sso.routes.ts). Types only from shared/. */
import type {
  CreateSsoConnectionBody,
  SsoConnection,
  SsoTestResult,
} from '../../../../shared/schemas/sso.ts';
import { request } from '../../../api.ts';

const connection = (id: string) => `/api/admin/sso/connections/${encodeURIComponent(id)}`;

export const adminSsoApi = {
  list: () => request<{ connections: SsoConnection[] }>('GET', '/api/admin/sso/connections'),
  add: (body: CreateSsoConnectionBody) => request<SsoConnection>('POST', '/api/admin/sso/connections', body),
  test: (id: string) => request<SsoTestResult>('POST', `${connection(id)}/test`),
  remove: (id: string) => request<{ ok: true }>('DELETE', connection(id)),
};
