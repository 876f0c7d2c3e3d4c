/** Archiving and restoring a project (PATCH /api/projects/:id with `archived`). */
import type { ProjectDetail } from '../../../../shared/schemas/projects.ts';
import { request } from '../../../api.ts';

export const lifecycleApi = {
  setArchived: (projectId: string, archived: boolean) =>
    request<ProjectDetail>('PATCH', `/api/projects/${encodeURIComponent(projectId)}`, { archived }),
};
