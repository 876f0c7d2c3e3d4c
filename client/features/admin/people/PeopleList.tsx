import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import type { PersonSummary } from '../../../../shared/schemas/people.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStates.tsx';
import { SearchIcon } from '../../../components/SearchIcon.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { adminApi, PAGE_SIZE, type PeopleSearch, type PeopleStatus } from '../admin-api.ts';
import { PersonTags } from './PersonTags.tsx';

const STATUSES: PeopleStatus[] = ['all', 'active', 'deactivated', 'sso_unseen'];
/** typing settles for this long before the search goes out */
const SEARCH_DELAY_MS = 250;

/**
 * Everyone with an account, searched by name, address or organisation (the server folds
 * accents), a page at a time. The search lives in the address, so a person's page leads back
 * to the same list.
 */
export function PeopleList() {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const p = () => t().admin.people;
  useDocumentTitle(() => p().pageTitle);
  const [params, setParams] = useSearchParams<{ q?: string; status?: string; page?: string }>();
  const search = (): PeopleSearch => ({
    q: params.q ?? '',
    status: STATUSES.includes(params.status as PeopleStatus) ? (params.status as PeopleStatus) : 'all',
    offset: Math.max(0, (Number(params.page) || 1) - 1) * PAGE_SIZE,
  });
  const [typed, setTyped] = createSignal(params.q ?? '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const type = (value: string) => {
    setTyped(value);
    clearTimeout(timer);
    timer = setTimeout(
      () => setParams({ q: value || undefined, page: undefined }, { replace: true }),
      SEARCH_DELAY_MS,
    );
  };

  let controller: AbortController | undefined;
  const [page, { refetch }] = createResource(search, (s) => {
    controller?.abort();
    controller = new AbortController();
    return adminApi.people(s, controller.signal);
  });
  onCleanup(connectivity[1].onReconnect(() => void refetch()));
  const people = () => (page.error ? [] : (page.latest?.people ?? []));
  const n = (x: number) => formatNumber(locale(), x);
  const total = () => page.latest?.total ?? 0;
  const goTo = (offset: number) =>
    setParams({ page: offset === 0 ? undefined : String(offset / PAGE_SIZE + 1) });
  const clear = () => {
    setTyped('');
    setParams({ q: undefined, status: undefined, page: undefined }, { replace: true });
  };

  return (
    <>
      <div class="page-head">
        <h1 class="page-title">{p().pageTitle}</h1>
        <Show when={page.latest}>
          <span class="page-count" aria-live="polite">
            {p().count(total(), n(total()))}
          </span>
        </Show>
      </div>
      <search class="filters admin-filters" aria-label={p().search}>
        <div class="search-box">
          <label for="people-search" class="visually-hidden">
            {p().search}
          </label>
          <SearchIcon />
          <input
            id="people-search"
            type="search"
            autocomplete="off"
            placeholder={p().searchPlaceholder}
            value={typed()}
            onInput={(e) => type(e.currentTarget.value)}
          />
        </div>
        <label for="people-status" class="visually-hidden">
          {p().status}
        </label>
        <select
          id="people-status"
          class="select"
          value={search().status}
          onChange={(e) =>
            setParams({
              status: e.currentTarget.value === 'all' ? undefined : e.currentTarget.value,
              page: undefined,
            })
          }
        >
          <option value="all">{p().statusAll}</option>
          <option value="active">{p().statusActive}</option>
          <option value="deactivated">{p().statusDeactivated}</option>
          <option value="sso_unseen">{p().statusSsoUnseen}</option>
        </select>
      </search>
      <Show when={search().status === 'sso_unseen'}>
        <p class="muted people-hint">{p().ssoUnseenHint}</p>
      </Show>

      <Switch>
        <Match when={page.error && !page.loading}>
          <LoadFailed title={p().loadFailed} error={page.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!page.latest}>
          <Loading label={p().loading} />
        </Match>
        <Match when={people().length === 0}>
          <StatePanel title={p().emptyTitle} body={p().emptyBody} icon="search">
            <button type="button" class="button button-primary" onClick={clear}>
              {p().clear}
            </button>
          </StatePanel>
        </Match>
        <Match when={true}>
          <ul class="people-list" aria-label={p().caption} aria-busy={page.loading}>
            <For each={people()}>{(person) => <PersonRow person={person} />}</For>
          </ul>
          <Show when={total() > PAGE_SIZE}>
            <nav class="people-pages" aria-label={p().pages}>
              <button
                type="button"
                class="button button-small"
                disabled={search().offset === 0 || page.loading}
                onClick={() => goTo(Math.max(0, search().offset - PAGE_SIZE))}
              >
                {p().previous}
              </button>
              <span class="muted">
                {p().range(
                  n(search().offset + 1),
                  n(Math.min(total(), search().offset + PAGE_SIZE)),
                  n(total()),
                )}
              </span>
              <button
                type="button"
                class="button button-small"
                disabled={search().offset + PAGE_SIZE >= total() || page.loading}
                onClick={() => goTo(search().offset + PAGE_SIZE)}
              >
                {p().next}
              </button>
            </nav>
          </Show>
        </Match>
      </Switch>
    </>
  );
}

function PersonRow(props: { person: PersonSummary }) {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const back = () => {
    const query = new URLSearchParams(params as Record<string, string>).toString();
    return query ? `?${query}` : '';
  };
  return (
    <li class="card card-compact person-row">
      <div class="person-row-main">
        <A href={`/admin/people/${encodeURIComponent(props.person.id)}${back()}`} class="person-row-name">
          {props.person.name}
        </A>
        <span class="person-row-email">{props.person.email}</span>
        <Show when={props.person.sso}>
          <span class="person-row-email">
            {props.person.lastSignInAt
              ? t().admin.people.lastSignIn(formatDate(locale(), props.person.lastSignInAt))
              : t().admin.people.neverSignedIn}
          </span>
        </Show>
      </div>
      <span class="person-row-orgs muted">
        {props.person.organisations.map((o) => o.name).join(', ') || t().admin.people.noOrganisation}
      </span>
      <PersonTags person={props.person} />
    </li>
  );
}
