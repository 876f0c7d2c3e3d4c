import type { SearchHit } from './search-api.ts';

/**
 * Where a hit leads: the project, and for a milestone the project room with that milestone's
 * panel open (the room reads the open milestone from `?m=`).
 */
export function hitHref(hit: Pick<SearchHit, 'kind' | 'id' | 'projectId'>): string {
  const project = `/projects/${encodeURIComponent(hit.projectId)}`;
  return hit.kind === 'milestone' ? `${project}?m=${encodeURIComponent(hit.id)}` : project;
}
