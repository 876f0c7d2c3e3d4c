import { A, useLocation, useParams } from '@solidjs/router';
import { createEffect, createResource, For, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { APP_EVENTS } from '../../../shared/protocol/index.ts';
import type { ServiceRequest } from '../../../shared/services.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { ApiError } from '../../errors.ts';
import { appSocket } from '../../realtime/socket.ts';
import { RequestCard } from './RequestCard.tsx';
import { requestVersions } from './request-versions.ts';
import { servicesApi } from './services-api.ts';
import './services.css';
import './requests.css';

/** A project's service requests: what it asked, where each stands, with both sides' comments. */
export function ProjectServicesPage() {
  const params = useParams();
  const location = useLocation();
  const { t } = useI18n();
  const r = () => t().services.requests;
  const [project] = createResource(() => params.id, api.project);
  const [requests, { mutate, refetch }] = createResource(() => params.id, servicesApi.projectRequests);
  useDocumentTitle(() => r().pageTitle(project.latest?.title ?? ''));
  const list = () => (requests.error ? [] : (requests.latest?.requests ?? []));
  const canRequest = () => project.latest?.permissions.includes('service.request') ?? false;
  const notFound = () => requests.error instanceof ApiError && requests.error.status === 404;

  // Live: what the handling team (or anyone) does to a request of the project reaches everyone
  // who may see it, wherever they are; after a reconnection the list is read again, since
  // events may have been missed meanwhile. A reload during a reload supersedes it, so the last
  // answer reflects the last change announced.
  const socket = appSocket();
  const onChanged = (change: { projectId: string }) => {
    if (change.projectId === params.id) void refetch();
  };
  const onReconnect = () => void refetch();
  socket.on(APP_EVENTS.serviceRequestChanged, onChanged);
  socket.io.on('reconnect', onReconnect);
  onCleanup(() => {
    socket.off(APP_EVENTS.serviceRequestChanged, onChanged);
    socket.io.off('reconnect', onReconnect);
  });

  // A link to one request (#request-…) scrolls to it once the list is there.
  createEffect(
    on(
      () => list().length,
      () => {
        const target = location.hash && document.getElementById(location.hash.slice(1));
        if (target) {
          target.scrollIntoView({ block: 'start' });
          target.focus({ preventScroll: true });
        }
      },
    ),
  );

  const replace = (next: ServiceRequest) =>
    mutate({ requests: list().map((x) => (x.id === next.id ? next : x)), milestones: milestones() });
  const milestones = () => (requests.error ? [] : (requests.latest?.milestones ?? []));
  const shown = requestVersions(list);

  return (
    <Shell>
      <nav class="breadcrumb" aria-label={r().back}>
        <A href={`/projects/${params.id}`} class="back-link">
          <span aria-hidden="true">←</span> {project.latest?.title ?? r().back}
        </A>
      </nav>
      <Switch>
        <Match when={notFound()}>
          <StatePanel
            title={t().project.notFoundTitle}
            body={t().project.notFoundBody}
            icon="lock"
            level={1}
          />
        </Match>
        <Match when={requests.error}>
          <LoadFailed title={r().loadError} error={requests.error} onRetry={() => void refetch()} level={1} />
        </Match>
        <Match when={requests.latest}>
          <div class="page-head">
            <h1 class="page-title">{r().title}</h1>
            <Show when={canRequest()}>
              <A
                href={`/services?project=${encodeURIComponent(params.id!)}`}
                class="button button-primary page-head-end"
              >
                {r().newRequest}
              </A>
            </Show>
          </div>
          <p class="page-intro">{r().intro}</p>
          <Show
            when={list().length}
            fallback={
              <StatePanel
                title={r().emptyTitle}
                body={canRequest() ? r().emptyBody : r().emptyBodyReadOnly}
                icon="empty"
              >
                <Show when={canRequest()}>
                  <A
                    href={`/services?project=${encodeURIComponent(params.id!)}`}
                    class="button button-primary"
                  >
                    {r().newRequest}
                  </A>
                </Show>
              </StatePanel>
            }
          >
            <ul class="request-list">
              <For each={shown.keys()}>
                {(key) => {
                  const req = shown.follow(key);
                  return <RequestCard request={req()} onChange={replace} milestones={milestones()} />;
                }}
              </For>
            </ul>
          </Show>
        </Match>
        <Match when={requests.loading}>
          <Loading label={r().loading} />
        </Match>
      </Switch>
    </Shell>
  );
}
