import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For, Match, Show, Switch } from 'solid-js';
import type { DirectoryCategory, FocusArea } from '../../../shared/directory.ts';
import type { Organisation } from '../../../shared/schemas/organisations.ts';
import { directoryCategories, focusAreaLabels, focusAreas } from '../../../shared/vocabularies.ts';
import { useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { SearchIcon } from '../../components/SearchIcon.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatNumber } from '../../i18n/format.ts';
import { type DirectoryFilters, directoryApi } from './directory-api.ts';
import { FocusTags } from './FocusTags.tsx';
import { WebsiteLink } from './WebsiteLink.tsx';
import './directory.css';

const categories = Object.keys(directoryCategories) as DirectoryCategory[];

/**
 * The cluster directory: every organisation, filtered by kind and focus area and searched in
 * French and English (the server matches both languages, accents or not). The filters live in
 * the address, so a filtered view can be shared.
 */
export function DirectoryPage() {
  const { t, locale } = useI18n();
  const d = () => t().directory;
  useDocumentTitle(() => d().pageTitle);
  const [params, setParams] = useSearchParams();
  const filters = createMemo<DirectoryFilters>(() => ({
    q: typeof params.q === 'string' ? params.q : '',
    category: categories.includes(params.category as DirectoryCategory)
      ? (params.category as DirectoryCategory)
      : '',
    focus: focusAreas.includes(params.focus as FocusArea) ? (params.focus as FocusArea) : '',
  }));
  const [orgs, { refetch }] = createResource(filters, directoryApi.organisations);
  const list = () => (orgs.error ? [] : (orgs.latest?.organisations ?? []));
  const sortedFocus = () =>
    [...focusAreas].sort((a, b) =>
      focusAreaLabels[a][locale()].localeCompare(focusAreaLabels[b][locale()], locale()),
    );
  const filtered = () => Boolean(filters().q || filters().category || filters().focus);

  return (
    <Shell>
      <div class="page-head">
        <h1 class="page-title">{d().title}</h1>
        <Show when={orgs.latest}>
          <span class="page-count" aria-live="polite">
            {d().count(list().length, formatNumber(locale(), list().length))}
          </span>
        </Show>
      </div>
      <p class="page-intro">{d().intro}</p>
      <search class="filters" aria-label={d().filters}>
        <div class="search-box">
          <label for="directory-search" class="visually-hidden">
            {d().search}
          </label>
          <SearchIcon />
          <input
            id="directory-search"
            type="search"
            autocomplete="off"
            placeholder={d().searchPlaceholder}
            value={filters().q}
            onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
          />
        </div>
        <label for="directory-category" class="visually-hidden">
          {d().category}
        </label>
        <select
          id="directory-category"
          class="select"
          onChange={(e) => setParams({ category: e.currentTarget.value || undefined }, { replace: true })}
        >
          <option value="" selected={!filters().category}>
            {d().allCategories}
          </option>
          <For each={categories}>
            {(c) => (
              <option value={c} selected={filters().category === c}>
                {d().categories[c]}
              </option>
            )}
          </For>
        </select>
        <label for="directory-focus" class="visually-hidden">
          {d().focus}
        </label>
        <select
          id="directory-focus"
          class="select"
          onChange={(e) => setParams({ focus: e.currentTarget.value || undefined }, { replace: true })}
        >
          <option value="" selected={!filters().focus}>
            {d().allFocus}
          </option>
          <For each={sortedFocus()}>
            {(f) => (
              <option value={f} selected={filters().focus === f}>
                {focusAreaLabels[f][locale()]}
              </option>
            )}
          </For>
        </select>
        <Show when={filtered()}>
          <button
            type="button"
            class="button button-ghost"
            onClick={() =>
              setParams({ q: undefined, category: undefined, focus: undefined }, { replace: true })
            }
          >
            {d().clear}
          </button>
        </Show>
      </search>
      <Switch>
        <Match when={orgs.error}>
          <LoadFailed title={d().loadError} error={orgs.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!orgs.latest && orgs.loading}>
          <Loading label={d().loading} />
        </Match>
        <Match when={list().length === 0}>
          <StatePanel title={d().emptyTitle} body={d().emptyBody} icon="search">
            <button
              type="button"
              class="button"
              onClick={() =>
                setParams({ q: undefined, category: undefined, focus: undefined }, { replace: true })
              }
            >
              {d().clear}
            </button>
          </StatePanel>
        </Match>
        <Match when={list().length > 0}>
          <ul class="org-cards" aria-busy={orgs.loading}>
            <For each={list()}>{(o) => <OrganisationCard org={o} />}</For>
          </ul>
        </Match>
      </Switch>
    </Shell>
  );
}

function OrganisationCard(props: { org: Organisation }) {
  const { t, locale } = useI18n();
  return (
    <li class="card card-compact org-card">
      <div class="org-card-head">
        <A href={`/directory/${props.org.slug}`} class="org-card-name">
          {props.org.name}
        </A>
        <span class="tag">{t().organisationKinds[props.org.kind]}</span>
        <Show when={props.org.founder}>
          <span class="tag tag-accent">{t().directory.founder}</span>
        </Show>
      </div>
      <p class="org-card-text">{props.org.description[locale()]}</p>
      <WebsiteLink website={props.org.website} />
      <FocusTags areas={props.org.focusAreas} label={t().directory.profile.focusAreas} />
    </li>
  );
}
