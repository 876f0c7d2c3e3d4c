/**
 * A project's page opened at its address (a link from elsewhere, a reload) would otherwise load
 * as a chain: the app, the session check, the page's code, the project card, the connection, the
 * join, the document. Instead the page's code starts loading, the connection opens, and the project
 * card and the projected milestones are asked for while the app's script is still being
 * evaluated (client/early-start.ts); before the app first renders, the document's join is
 * queued on that connection (realtime/early-join.ts), so the server loads the document while
 * the browser loads the page. Once the session is known (signed in), the document is opened
 * beside the requests; the page takes what is ready when it mounts. This module is in the
 * app's first script: no room code here.
 */
import { createEffect } from 'solid-js';
import { docName } from '../../../shared/doc/shape.ts';
import { useApp } from '../../app-context.tsx';
import { takePrefetched } from '../../prefetch.ts';
import { joinEarly } from '../../realtime/early-join.ts';
import { appSocket } from '../../realtime/socket.ts';
import { projectCardKey, projectMilestonesKey } from './prefetch-keys.ts';
import { projectIdOfPath } from './project-path.ts';

export interface ProjectPageModule {
  prepareProjectRoom(projectId: string, user: { id: string; name: string }): void;
}

/** Before the first render: on a project's address, the page's code and the join (see above). */
export function startProjectPageEarly(
  loadPage: () => Promise<ProjectPageModule>,
): Promise<ProjectPageModule> | null {
  const projectId = projectIdOfPath(location.pathname);
  if (!projectId) return null;
  const page = loadPage();
  page.catch(() => undefined); // the router's own import of the page reports a failure
  let name: string;
  try {
    name = docName(projectId);
  } catch {
    return page; // not a project id at all: the page will say it found nothing
  }
  joinEarly(appSocket(), name);
  return page;
}

/**
 * Renders nothing: once signed in, opens the document. Signed out (or the server unreachable),
 * drops the project card and milestones asked for early: a page opened after signing in asks
 * again, with the new session.
 */
export function PreloadProjectPage(props: { page: Promise<ProjectPageModule> | null }) {
  const { session } = useApp();
  const projectId = projectIdOfPath(location.pathname);
  const page = props.page;
  if (!projectId || !page) return null;
  let done = false;
  createEffect(() => {
    const [state] = session;
    if (done || state.status === 'loading') return;
    done = true;
    const user = state.me?.user;
    if (state.status !== 'signedIn' || !user) {
      takePrefetched(projectCardKey(projectId));
      takePrefetched(projectMilestonesKey(projectId));
      return;
    }
    // Only for the page the app opened on; whatever else happens goes as usual.
    if (projectIdOfPath(location.pathname) !== projectId) return;
    void page.then((m) => {
      if (projectIdOfPath(location.pathname) === projectId) m.prepareProjectRoom(projectId, user);
    });
  });
  return null;
}
