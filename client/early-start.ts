/**
 * Imported first by main.tsx, so that this runs before the rest of the app's first script is
 * evaluated. On a project's address, the connection starts its handshake and the project page's
 * code starts downloading now, beside that evaluation; the document's join then goes out as soon
 * as the connection is up (features/projects/preload.ts).
 */
import { projectIdOfPath } from './features/projects/project-path.ts';
import { appSocket } from './realtime/socket.ts';

const onProjectPage = typeof location !== 'undefined' && projectIdOfPath(location.pathname) !== null;
if (onProjectPage) appSocket();
const page = onProjectPage ? import('./features/projects/ProjectPage.tsx') : null;
// A failure here is the router's to report, when it imports the page itself.
page?.catch(() => undefined);
