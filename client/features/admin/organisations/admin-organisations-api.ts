/** The REST calls of the organisations administration. Types come from shared/ as types only. */
import type { OrganisationKind } from '../../../../shared/domain.ts';
import type {
  AdminOrganisation,
  AdminOrganisationDetail,
  CreateOrganisationBody,
  UpdateOrganisationBody,
} from '../../../../shared/schemas/organisations.ts';
import type { ScimIssued, ScimStatus } from '../../../../shared/schemas/scim.ts';
import { request } from '../../../api.ts';

export type StatusFilter = 'all' | 'active' | 'deactivated';

export interface AdminFilters {
  q: string;
  kind: OrganisationKind | '';
  status: StatusFilter;
}

const enc = encodeURIComponent;

export const adminOrganisationsApi = {
  list: (f: AdminFilters) => {
    const search = new URLSearchParams();
    if (f.q.trim()) search.set('q', f.q.trim());
    if (f.kind) search.set('kind', f.kind);
    if (f.status !== 'all') search.set('status', f.status);
    const qs = search.toString();
    return request<{ organisations: AdminOrganisation[] }>(
      'GET',
      `/api/admin/organisations${qs ? `?${qs}` : ''}`,
    );
  },
  detail: (id: string) => request<AdminOrganisationDetail>('GET', `/api/admin/organisations/${enc(id)}`),
  create: (body: CreateOrganisationBody) =>
    request<AdminOrganisationDetail>('POST', '/api/organisations', body),
  update: (id: string, body: UpdateOrganisationBody) =>
    request<AdminOrganisationDetail>('PATCH', `/api/organisations/${enc(id)}`, body),
  deactivate: (id: string) =>
    request<AdminOrganisationDetail>('POST', `/api/organisations/${enc(id)}/deactivate`),
  reactivate: (id: string) =>
    request<AdminOrganisationDetail>('POST', `/api/organisations/${enc(id)}/reactivate`),
};

/** The organisation's automatic removal (SCIM): by its id, never its address. */
export const scimApi = {
  status: (id: string) => request<ScimStatus>('GET', `/api/admin/organisations/${enc(id)}/scim`),
  enable: (id: string) => request<ScimIssued>('POST', `/api/admin/organisations/${enc(id)}/scim`),
  rotate: (id: string) => request<ScimIssued>('POST', `/api/admin/organisations/${enc(id)}/scim/rotate`),
  revoke: (id: string) => request<ScimStatus>('DELETE', `/api/admin/organisations/${enc(id)}/scim/token`),
};
