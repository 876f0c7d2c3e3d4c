import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For, Match, Show, Switch } from 'solid-js';
import { canInCluster } from '../../../../shared/permissions.ts';
import { type OrganisationKind, organisationKinds } from '../../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStates.tsx';
import { SearchIcon } from '../../../components/SearchIcon.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { type AdminFilters, adminOrganisationsApi, type StatusFilter } from './admin-organisations-api.ts';
import { NewOrganisationPage, OrganisationAdminPage } from './OrganisationAdminPage.tsx';
import { OrgBadge } from './OrgBadge.tsx';
import './admin-organisations.css';

const statuses: StatusFilter[] = ['all', 'active', 'deactivated'];

/**
 * Administration › Organisations, for cluster managers, a section of /admin (which tells others
 * it is the programme office's; the server refuses them anyway): the list
 * (/admin/organisations), a new organisation (/admin/organisations/new) and one organisation
 * (/admin/organisations/:id). `rest` is the address after /admin/organisations/.
 */
export function OrganisationsAdmin(props: { rest: string }) {
  const { session } = useApp();
  const { t } = useI18n();
  const a = () => t().adminOrganisations;
  const id = () => props.rest.split('/')[0] || null;
  return (
    <Switch>
      <Match when={!canInCluster(session[0].me, 'organisation.manage')}>
        <StatePanel title={a().managersOnly} body={a().managersOnlyBody} icon="lock" level={1} />
      </Match>
      <Match when={id() === 'new'}>
        <NewOrganisationPage />
      </Match>
      <Match when={id()}>{(orgId) => <OrganisationAdminPage id={orgId()} />}</Match>
      <Match when={true}>
        <OrganisationList />
      </Match>
    </Switch>
  );
}

function OrganisationList() {
  const { t, locale } = useI18n();
  const a = () => t().adminOrganisations;
  useDocumentTitle(() => a().pageTitle);
  const [params, setParams] = useSearchParams();
  const filters = createMemo<AdminFilters>(() => ({
    q: typeof params.q === 'string' ? params.q : '',
    kind: organisationKinds.includes(params.kind as OrganisationKind)
      ? (params.kind as OrganisationKind)
      : '',
    status: statuses.includes(params.status as StatusFilter) ? (params.status as StatusFilter) : 'all',
  }));
  const [orgs, { refetch }] = createResource(filters, adminOrganisationsApi.list);
  const list = () => (orgs.error ? [] : (orgs.latest?.organisations ?? []));
  const filtered = () => Boolean(filters().q || filters().kind || filters().status !== 'all');
  const clear = () => setParams({ q: undefined, kind: undefined, status: undefined }, { replace: true });

  return (
    <>
      <div class="page-head">
        <h1 class="page-title">{a().title}</h1>
        <Show when={orgs.latest}>
          <span class="page-count" aria-live="polite">
            {a().count(list().length, formatNumber(locale(), list().length))}
          </span>
        </Show>
        <A href="/admin/organisations/new" class="button button-primary page-head-end">
          {a().create}
        </A>
      </div>
      <p class="page-intro org-admin-intro">{a().intro}</p>
      <search class="filters" aria-label={a().filters}>
        <div class="search-box">
          <label for="org-admin-search" class="visually-hidden">
            {a().search}
          </label>
          <SearchIcon />
          <input
            id="org-admin-search"
            type="search"
            autocomplete="off"
            placeholder={a().searchPlaceholder}
            value={filters().q}
            onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
          />
        </div>
        <label for="org-admin-kind" class="visually-hidden">
          {a().kind}
        </label>
        <select
          id="org-admin-kind"
          class="select"
          onChange={(e) => setParams({ kind: e.currentTarget.value || undefined }, { replace: true })}
        >
          <option value="" selected={!filters().kind}>
            {a().allKinds}
          </option>
          <For each={organisationKinds}>
            {(k) => (
              <option value={k} selected={filters().kind === k}>
                {t().organisationKinds[k]}
              </option>
            )}
          </For>
        </select>
        <label for="org-admin-status" class="visually-hidden">
          {a().status}
        </label>
        <select
          id="org-admin-status"
          class="select"
          onChange={(e) =>
            setParams(
              { status: e.currentTarget.value === 'all' ? undefined : e.currentTarget.value },
              { replace: true },
            )
          }
        >
          <For each={statuses}>
            {(s) => (
              <option value={s} selected={filters().status === s}>
                {a().statuses[s]}
              </option>
            )}
          </For>
        </select>
        <Show when={filtered()}>
          <button type="button" class="button button-ghost" onClick={clear}>
            {a().clear}
          </button>
        </Show>
      </search>
      <Switch>
        <Match when={orgs.error}>
          <LoadFailed title={a().loadError} error={orgs.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!orgs.latest && orgs.loading}>
          <Loading label={a().loading} />
        </Match>
        <Match when={list().length === 0 && filtered()}>
          <StatePanel title={a().emptyTitle} body={a().emptyBody} icon="search">
            <button type="button" class="button" onClick={clear}>
              {a().clear}
            </button>
          </StatePanel>
        </Match>
        <Match when={list().length === 0}>
          <StatePanel title={a().noneTitle} body={a().noneBody} icon="empty">
            <A href="/admin/organisations/new" class="button button-primary">
              {a().create}
            </A>
          </StatePanel>
        </Match>
        <Match when={list().length > 0}>
          <ul class="org-admin-list card" aria-busy={orgs.loading}>
            <For each={list()}>
              {(o) => (
                <li class="org-admin-row" classList={{ 'org-admin-row-off': Boolean(o.deactivatedAt) }}>
                  <OrgBadge id={o.id} name={o.name} />
                  <div class="org-admin-main">
                    <A href={`/admin/organisations/${o.id}`} class="org-admin-name">
                      {o.name}
                    </A>
                    <span class="muted small">
                      {t().organisationKinds[o.kind]} ·{' '}
                      {a().people(o.peopleCount, formatNumber(locale(), o.peopleCount))} ·{' '}
                      {a().projects(o.projectCount, formatNumber(locale(), o.projectCount))}
                    </span>
                  </div>
                  <div class="org-admin-tags">
                    <Show when={o.founder}>
                      <span class="tag org-tag-accent">{a().founder}</span>
                    </Show>
                    <Show when={o.deactivatedAt}>
                      <span class="tag tag-warning">{a().deactivated}</span>
                    </Show>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </>
  );
}
