import { A, useParams } from '@solidjs/router';
import { createResource, Match, onCleanup, Show, Switch } from 'solid-js';
import { APP_EVENTS } from '../../../shared/constants.ts';
import { ApiError, api } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';
import { appSocket } from '../../realtime/socket.ts';
import { ProjectRoom } from '../room/ProjectRoom.tsx';

/**
 * A project's page: its card from the API (who may see it, who leads and partners it), then
 * the live project room on its document (features/room).
 */
export function ProjectPage() {
  const params = useParams();
  const { t } = useI18n();
  const [project, { refetch }] = createResource(() => params.id, api.project);
  useDocumentTitle(() => loaded()?.title ?? t().project.loading);

  // The card follows the server live: a gate decision moves the stage for everyone watching.
  const socket = appSocket();
  const onChanged = (change: { projectId: string }) => {
    if (change.projectId === params.id && !project.loading) void refetch();
  };
  socket.on(APP_EVENTS.projectChanged, onChanged);
  onCleanup(() => socket.off(APP_EVENTS.projectChanged, onChanged));

  const notFound = () => project.error instanceof ApiError && project.error.status === 404;
  // Reading a failed resource throws; read it only through this.
  const loaded = () => (project.error ? undefined : project.latest);

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
      <Switch>
        <Match when={notFound()}>
          <StatePanel title={t().project.notFoundTitle} body={t().project.notFoundBody} icon="lock" level={1}>
            <A href="/" class="button button-primary">
              {t().notFound.home}
            </A>
          </StatePanel>
        </Match>
        <Match when={project.error}>
          <StatePanel
            title={t().project.errorTitle}
            body={describeError(project.error, t())}
            tone="error"
            icon="error"
            level={1}
          >
            <button type="button" class="button button-primary" onClick={() => void refetch()}>
              {t().app.retry}
            </button>
          </StatePanel>
        </Match>
        <Match when={loaded()}>
          {(p) => (
            // A new room (and document) for each project; a refetch keeps the same room.
            <Show when={p().id} keyed>
              <ProjectRoom project={p()} />
            </Show>
          )}
        </Match>
        <Match when={project.loading}>
          <div class="page-loading" role="status">
            <span class="spinner" aria-hidden="true" />
            {t().project.loading}
          </div>
        </Match>
      </Switch>
    </Shell>
  );
}
