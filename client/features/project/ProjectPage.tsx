import { A, useParams } from '@solidjs/router';
import { createEffect, createResource, onCleanup, Show } from 'solid-js';
import { APP_EVENTS } from '../../../shared/protocol/index.ts';
import type { ProjectDetail } from '../../../shared/schemas/projects.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { LoadedPage } from '../../components/LoadedPage.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { takePrefetched } from '../../prefetch.ts';
import { prepareProjectDoc } from '../../realtime/doc-session.ts';
import { appSocket } from '../../realtime/socket.ts';
import { ProjectRoom, presenceUser } from './ProjectRoom.tsx';
import { projectCardKey } from './prefetch-keys.ts';

/** Opens the project's document before its room mounts (see features/project/preload.ts). */
export function prepareProjectRoom(projectId: string, user: { id: string; name: string }): void {
  prepareProjectDoc(projectId, presenceUser(user));
}

/**
 * A project's page: its card from the API (who may see it, who leads and partners it), then
 * the live project room on its document (ProjectRoom.tsx).
 */
export function ProjectPage() {
  const params = useParams();
  const { t } = useI18n();
  const [project, { refetch }] = createResource(
    () => params.id,
    (id) => takePrefetched<ProjectDetail>(projectCardKey(id)) ?? api.project(id),
  );
  useDocumentTitle(() => loaded()?.title ?? t().project.loading);

  // The card follows the server live: a gate decision moves the stage for everyone watching.
  const socket = appSocket();
  // Content changes (milestones, readiness) reach the room through its document instead.
  const onChanged = (change: { projectId: string; contentOnly?: boolean }) => {
    if (change.projectId === params.id && !change.contentOnly && !project.loading) void refetch();
  };
  socket.on(APP_EVENTS.projectChanged, onChanged);
  onCleanup(() => socket.off(APP_EVENTS.projectChanged, onChanged));

  // Reading a failed resource throws; read it only through this.
  const loaded = () => (project.error ? undefined : project.latest);
  // A project that was open and is now not found: the person was removed while on the page.
  let wasOpen = false;
  createEffect(() => {
    if (loaded()) wasOpen = true;
  });
  const notFound = () =>
    wasOpen
      ? { title: t().project.lostAccessTitle, body: t().project.lostAccessBody }
      : { title: t().project.notFoundTitle, body: t().project.notFoundBody };

  return (
    <Shell>
      <nav class="breadcrumb" aria-label={t().project.breadcrumb}>
        <A href="/" class="back-link">
          <span aria-hidden="true">←</span> {t().project.backToPortfolio}
        </A>
        <Show when={loaded()}>
          <span aria-hidden="true" class="muted">
            {' · '}
          </span>
          <A href={`/projects/${params.id}/services`} class="back-link">
            {t().services.requests.title}
          </A>
        </Show>
      </nav>
      <LoadedPage
        resource={project}
        onRetry={() => void refetch()}
        notFound={notFound()}
        homeLink
        errorTitle={t().project.errorTitle}
        loading={t().project.loading}
      >
        {(p) => (
          // A new room (and document) for each project; a refetch keeps the same room.
          <Show when={p().id} keyed>
            <ProjectRoom project={p()} />
          </Show>
        )}
      </LoadedPage>
    </Shell>
  );
}
