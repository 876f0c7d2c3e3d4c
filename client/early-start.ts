/**
 * Imported first by main.tsx, so that this runs before the rest of the app's first script is
 * evaluated. On a project's address, the connection starts its handshake, the project page's
 * code starts downloading, and the project card and its projected milestones are asked for now,
 * beside that evaluation; the document's join then goes out as soon as the connection is up
 * (features/project/preload.ts). The requests do not wait for the session check: the cookie
 * goes with them, and if the session turns out to be gone, PreloadProjectPage drops what they
 * bring, which nobody then takes.
 */
import { api } from './api.ts';
import { projectCardKey, projectMilestonesKey } from './features/project/prefetch-keys.ts';
import { projectIdOfPath } from './features/project/project-path.ts';
import { prefetch } from './prefetch.ts';
import { appSocket } from './realtime/socket.ts';

const projectId = typeof location !== 'undefined' ? projectIdOfPath(location.pathname) : null;
if (projectId !== null) {
  appSocket();
  prefetch(projectCardKey(projectId), () => api.project(projectId));
  prefetch(projectMilestonesKey(projectId), () => api.projectMilestones(projectId));
}
const page = projectId !== null ? import('./features/project/ProjectPage.tsx') : null;
// A failure here is the router's to report, when it imports the page itself.
page?.catch(() => undefined);
