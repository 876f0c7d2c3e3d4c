/** The calls of the new-project and project-settings pages (POST and PATCH /api/projects, /api/organisations). */
import type { Organisation } from '../../../shared/schemas/organisations.ts';
import type {
  CreatedProject,
  CreateProjectBody,
  ProjectDetail,
  UpdateProjectBody,
} from '../../../shared/schemas/projects.ts';
import { request } from '../../api.ts';

const enc = encodeURIComponent;

export const projectFormApi = {
  /** the cluster's active organisations, the ones a project may name */
  organisations: () =>
    request<{ organisations: Organisation[] }>('GET', '/api/organisations').then((r) => r.organisations),
  create: (body: CreateProjectBody) => request<CreatedProject>('POST', '/api/projects', body),
  update: (id: string, body: UpdateProjectBody) =>
    request<ProjectDetail>('PATCH', `/api/projects/${enc(id)}`, body),
};
