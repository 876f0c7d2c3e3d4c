/** The programme office's calls about people (server/people/people.routes.ts). */
import type {
  AccountStatus,
  ManagerRights,
  PeoplePage,
  PeopleStatus,
  PersonDetail,
} from '../../../shared/schemas/people.ts';
import { request } from '../../api.ts';

export type { PeopleStatus } from '../../../shared/schemas/people.ts';

export interface PeopleSearch {
  q: string;
  status: PeopleStatus;
  offset: number;
}

/** people shown per page */
export const PAGE_SIZE = 25;

const person = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export const adminApi = {
  people(search: PeopleSearch, signal?: AbortSignal) {
    const params = new URLSearchParams({
      q: search.q,
      status: search.status,
      offset: String(search.offset),
      limit: String(PAGE_SIZE),
    });
    return request<PeoplePage>('GET', `/api/people?${params}`, undefined, { signal });
  },
  person: (id: string) => request<PersonDetail>('GET', person(id)),
  deactivate: (id: string) => request<AccountStatus>('POST', `${person(id)}/deactivate`),
  reactivate: (id: string) => request<AccountStatus>('POST', `${person(id)}/reactivate`),
  erase: (id: string) => request<AccountStatus>('POST', `${person(id)}/erase`),
  setManager: (id: string, clusterManager: boolean) =>
    request<ManagerRights>('PUT', `${person(id)}/cluster-manager`, { clusterManager }),
  /** a download: the browser saves the server's attachment */
  auditExportUrl: (id: string) => `${person(id)}/audit-export`,
};
