import type { ProjectDetail } from '../../../../shared/schemas/projects.ts';

/**
 * Who may open a project's settings: its leads and the programme office, archived too (to read
 * them, or restore). What each may change there is the project's `permissions`.
 */
export const maySeeSettings = (p: ProjectDetail, clusterManager: boolean) =>
  clusterManager || p.myRole === 'lead';
