/** The REST calls of the frameworks administration. Types come from shared/ as types only. */
import type {
  AdminTrack,
  CopyFrameworkBody,
  Framework,
  FrameworkCatalogue,
  NewFrameworkVersionBody,
  UpdateDimensionBody,
} from '../../../../shared/schemas/frameworks.ts';
import { request } from '../../../api.ts';

const enc = encodeURIComponent;

export const frameworksAdminApi = {
  catalogue: () => request<FrameworkCatalogue>('GET', '/api/frameworks'),
  tracks: () => request<{ tracks: AdminTrack[] }>('GET', '/api/admin/frameworks'),
  newVersion: (baseId: string, body: NewFrameworkVersionBody) =>
    request<Framework>('POST', `/api/frameworks/${enc(baseId)}/versions`, body),
  copy: (body: CopyFrameworkBody) => request<Framework>('POST', '/api/frameworks', body),
  updateDimension: (id: string, body: UpdateDimensionBody) =>
    request<unknown>('PUT', `/api/readiness-dimensions/${enc(id)}`, body),
};

/** Everything a page of this section shows: the catalogue's texts and the tracks' histories. */
export async function loadAdminFrameworks() {
  const [catalogue, { tracks }] = await Promise.all([
    frameworksAdminApi.catalogue(),
    frameworksAdminApi.tracks(),
  ]);
  return { catalogue, tracks };
}
export type AdminFrameworks = Awaited<ReturnType<typeof loadAdminFrameworks>>;
