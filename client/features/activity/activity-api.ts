/** The project's activity feed, read from the audit trail. */
import type { ActivityEvent } from '../../../shared/activity.ts';
import { request } from '../../api.ts';

export interface ActivityFilter {
  entityId?: string;
  actorId?: string;
  before?: number;
}

export const PAGE = 50;

export const activityApi = {
  list(projectId: string, filter: ActivityFilter): Promise<{ events: ActivityEvent[] }> {
    const search = new URLSearchParams({ limit: String(PAGE) });
    if (filter.entityId) search.set('entityId', filter.entityId);
    if (filter.actorId) search.set('actorId', filter.actorId);
    if (filter.before) search.set('before', String(filter.before));
    return request('GET', `/api/projects/${encodeURIComponent(projectId)}/activity?${search}`);
  },
};
