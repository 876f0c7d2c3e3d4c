import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import { canInCluster } from '../../../shared/permissions.ts';
import type { Service, ServiceKind } from '../../../shared/services.ts';
import { serviceKinds } from '../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatNumber } from '../../i18n/format.ts';
import { servicesApi } from './services-api.ts';
import './services.css';
import './requests.css';

/**
 * The services and platforms catalogue. `?project=` carries the project the user came from, so
 * that "Ask" opens the form for it.
 */
export function CataloguePage() {
  const { t, locale } = useI18n();
  const s = () => t().services;
  useDocumentTitle(() => s().pageTitle);
  const [params, setParams] = useSearchParams();
  const kind = () => (serviceKinds.includes(params.kind as ServiceKind) ? (params.kind as ServiceKind) : '');
  const [catalogue, { refetch }] = createResource(kind, servicesApi.catalogue);
  const list = () => (catalogue.error ? [] : (catalogue.latest?.services ?? []));
  const handlesAny = () => list().some((x) => x.canHandle);
  const { session } = useApp();
  const manager = () => canInCluster(session[0].me, 'service.manage');

  return (
    <Shell>
      <div class="page-head">
        <h1 class="page-title">{s().title}</h1>
        <Show when={catalogue.latest}>
          <span class="page-count">{s().count(list().length, formatNumber(locale(), list().length))}</span>
        </Show>
        <Show when={handlesAny()}>
          <A href="/services/queue" class="button button-small page-head-end">
            {s().queueNav}
          </A>
        </Show>
        <Show when={manager()}>
          <A href="/services/new" class="button button-small" classList={{ 'page-head-end': !handlesAny() }}>
            {s().editor.add}
          </A>
        </Show>
      </div>
      <p class="page-intro">{s().intro}</p>
      <div class="filters">
        <label for="service-kind" class="visually-hidden">
          {s().kind}
        </label>
        <select
          id="service-kind"
          class="select"
          onChange={(e) => setParams({ kind: e.currentTarget.value || undefined }, { replace: true })}
        >
          <option value="" selected={!kind()}>
            {s().allKinds}
          </option>
          <For each={serviceKinds}>
            {(k) => (
              <option value={k} selected={kind() === k}>
                {s().kinds[k]}
              </option>
            )}
          </For>
        </select>
      </div>
      <Switch>
        <Match when={catalogue.error}>
          <LoadFailed title={s().loadError} error={catalogue.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!catalogue.latest && catalogue.loading}>
          <Loading label={s().loading} />
        </Match>
        <Match when={list().length === 0}>
          <StatePanel title={s().emptyTitle} body={s().emptyBody} icon="empty" />
        </Match>
        <Match when={list().length > 0}>
          <ul class="service-cards">
            <For each={list()}>
              {(service) => (
                <ServiceCard
                  service={service}
                  project={params.project as string | undefined}
                  manager={manager()}
                />
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </Shell>
  );
}

function ServiceCard(props: { service: Service; project?: string; manager: boolean }) {
  const { t, locale } = useI18n();
  const s = () => t().services;
  const team = () =>
    [props.service.handlingOrganisation?.name, ...props.service.handlers.map((h) => h.name)]
      .filter(Boolean)
      .join(', ');
  const href = () =>
    `/services/${props.service.slug}/request${props.project ? `?project=${encodeURIComponent(props.project)}` : ''}`;
  return (
    <li class="card service-card" id={`service-${props.service.slug}`}>
      <div class="service-card-head">
        <span class={`tag service-kind service-kind-${props.service.kind}`}>
          {s().kinds[props.service.kind]}
        </span>
        <Show when={!props.service.active}>
          <span class="tag tag-warning">{s().withdrawn}</span>
        </Show>
      </div>
      <h2 class="service-name">{props.service.name[locale()]}</h2>
      <p class="service-text">{props.service.description[locale()]}</p>
      <dl class="service-facts">
        <dt>{s().whoMayAsk}</dt>
        <dd>{props.service.audience[locale()]}</dd>
        <dt>{s().handledBy}</dt>
        <dd>{team()}</dd>
      </dl>
      <div class="service-card-actions">
        <Show when={props.manager}>
          <A
            href={`/services/${props.service.slug}/edit`}
            class="button button-ghost button-small"
            aria-label={`${s().editor.edit}: ${props.service.name[locale()]}`}
          >
            {s().editor.edit}
          </A>
        </Show>
        <A
          href={href()}
          class="button button-primary button-small"
          aria-label={`${s().ask}: ${props.service.name[locale()]}`}
        >
          {s().ask}
        </A>
      </div>
    </li>
  );
}
