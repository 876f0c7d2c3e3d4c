import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { canInCluster } from '../../../shared/permissions.ts';
import { APP_EVENTS } from '../../../shared/protocol/index.ts';
import type { ServiceRequest } from '../../../shared/services.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { appSocket } from '../../realtime/socket.ts';
import { QueueActions } from './QueueActions.tsx';
import { RequestCard } from './RequestCard.tsx';
import { requestVersions } from './request-versions.ts';
import { ServiceLoadTable } from './ServiceLoadTable.tsx';
import { servicesApi } from './services-api.ts';
import './services.css';
import './requests.css';

type Show_ = 'open' | 'closed' | 'all';

/** The handling queue: requests to the services the user handles (all, for cluster managers). */
export function QueuePage() {
  const { t, locale } = useI18n();
  const { session } = useApp();
  const q = () => t().services.queue;
  useDocumentTitle(() => q().pageTitle);
  const [status, setStatus] = createSignal<Show_>('open');
  const [service, setService] = createSignal('');
  const [catalogue] = createResource(() => servicesApi.catalogue(''));
  const handled = () =>
    (catalogue.error ? [] : (catalogue.latest?.services ?? [])).filter((s) => s.canHandle);
  const [queue, { mutate, refetch }] = createResource(
    () => ({ status: status(), service: service() }),
    (k) => servicesApi.queue(k.status, k.service),
  );
  const list = () => (queue.error ? [] : (queue.latest?.requests ?? []));
  const replace = (next: ServiceRequest) =>
    mutate({ requests: list().map((x) => (x.id === next.id ? next : x)) });
  const shown = requestVersions(list);

  // Live: a request filed, moved or commented by anyone reaches the handling team's sockets
  // (and only theirs, with its project's readers): the queue reloads, and after a reconnection,
  // since events may have been missed meanwhile. A reload during a reload supersedes it, so the
  // last answer reflects the last change announced.
  const socket = appSocket();
  const reload = () => void refetch();
  socket.on(APP_EVENTS.serviceRequestChanged, reload);
  socket.io.on('reconnect', reload);
  onCleanup(() => {
    socket.off(APP_EVENTS.serviceRequestChanged, reload);
    socket.io.off('reconnect', reload);
  });

  return (
    <Shell>
      <div class="page-head">
        <h1 class="page-title">{q().title}</h1>
      </div>
      <p class="page-intro">{q().intro}</p>
      <Show when={canInCluster(session[0].me, 'service.load')}>
        <ServiceLoadTable />
      </Show>
      <div class="filters">
        <fieldset class="segmented">
          <legend class="visually-hidden">{q().show}</legend>
          <For each={['open', 'closed', 'all'] as Show_[]}>
            {(s) => (
              <label class="segment" classList={{ 'segment-on': status() === s }}>
                <input
                  type="radio"
                  name="queue-status"
                  value={s}
                  checked={status() === s}
                  onChange={() => setStatus(s)}
                  class="visually-hidden"
                />
                {q()[s]}
              </label>
            )}
          </For>
        </fieldset>
        <label for="queue-service" class="visually-hidden">
          {q().service}
        </label>
        <select id="queue-service" class="select" onChange={(e) => setService(e.currentTarget.value)}>
          <option value="">{q().allServices}</option>
          <For each={handled()}>{(s) => <option value={s.id}>{s.name[locale()]}</option>}</For>
        </select>
      </div>
      <Switch>
        <Match when={queue.error}>
          <LoadFailed title={q().loadError} error={queue.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!queue.latest && queue.loading}>
          <Loading label={q().loading} />
        </Match>
        <Match when={catalogue.latest && handled().length === 0}>
          <StatePanel title={q().emptyTitle} body={q().notHandler} icon="lock" />
        </Match>
        <Match when={list().length === 0}>
          <StatePanel title={q().emptyTitle} body={q().emptyBody} icon="empty" />
        </Match>
        <Match when={list().length > 0}>
          <ul class="request-list" aria-busy={queue.loading}>
            <For each={shown.keys()}>
              {(key) => {
                const req = shown.follow(key);
                return (
                  <RequestCard
                    request={req()}
                    onChange={replace}
                    showProject
                    actions={
                      <QueueActions request={req()} onChange={replace} onConflict={() => void refetch()} />
                    }
                  />
                );
              }}
            </For>
          </ul>
        </Match>
      </Switch>
    </Shell>
  );
}
