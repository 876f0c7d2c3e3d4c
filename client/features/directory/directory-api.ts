/** The REST calls of the cluster directory. Types come from shared/ as types only. */

import type { DirectoryCategory, FocusArea, OrganisationProfile } from '../../../shared/directory.ts';
import type { Organisation } from '../../../shared/schemas/organisations.ts';
import { request } from '../../api.ts';

export interface DirectoryFilters {
  q: string;
  category: DirectoryCategory | '';
  focus: FocusArea | '';
}

const enc = encodeURIComponent;

export const directoryApi = {
  organisations: (f: DirectoryFilters) => {
    const search = new URLSearchParams();
    if (f.q.trim()) search.set('q', f.q.trim());
    if (f.category) search.set('category', f.category);
    if (f.focus) search.set('focus', f.focus);
    const qs = search.toString();
    return request<{ organisations: Organisation[] }>('GET', `/api/organisations${qs ? `?${qs}` : ''}`);
  },
  profile: (idOrSlug: string) => request<OrganisationProfile>('GET', `/api/organisations/${enc(idOrSlug)}`),
  listMe: (idOrSlug: string, listed: boolean) =>
    request<OrganisationProfile>('PUT', `/api/organisations/${enc(idOrSlug)}/contacts/me`, { listed }),
};
