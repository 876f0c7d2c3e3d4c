/**
 * Where a person lands on `/`: on their work. Projects (or the programme office) make the
 * portfolio home; with none, a service handler lands on the queue and a mentor on their requests.
 * Pure and free of zod, so that the client bundles it cheaply.
 */
export interface WorkFacts {
  projects: number;
  clusterManager: boolean;
  handlesServices: boolean;
  mentor: boolean;
}

export type Home = 'portfolio' | 'queue' | 'mentor_requests' | 'nothing_yet';

export function homeFor(work: WorkFacts): Home {
  if (work.clusterManager || work.projects > 0) return 'portfolio';
  if (work.handlesServices) return 'queue';
  if (work.mentor) return 'mentor_requests';
  return 'nothing_yet';
}

/** The address of each home that is a page of its own. */
export const HOME_PATHS: Record<Exclude<Home, 'portfolio' | 'nothing_yet'>, string> = {
  queue: '/services/queue',
  mentor_requests: '/mentors',
};
