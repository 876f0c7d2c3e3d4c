/**
 * The keys under which a project page's data is prefetched (client/prefetch.ts). A module of its
 * own, with nothing to import: client/early-start.ts uses them before the rest of the app's
 * script is evaluated.
 */

/** The project card (ProjectPage takes it). */
export const projectCardKey = (id: string) => `project:${id}`;
/** The projected milestones (the project room takes them). */
export const projectMilestonesKey = (id: string) => `project-milestones:${id}`;
