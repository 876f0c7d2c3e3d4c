import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { OrganisationProfile } from '../../../shared/directory.ts';
import { useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { ApiError, describeError } from '../../errors.ts';
import { directoryApi } from './directory-api.ts';
import { FocusTags } from './FocusTags.tsx';
import { WebsiteLink } from './WebsiteLink.tsx';
import './directory.css';

/** An organisation's profile: what it does, its contacts, its listed projects and services. */
export function OrganisationPage() {
  const params = useParams();
  const { t } = useI18n();
  const p = () => t().directory.profile;
  const [profile, { mutate, refetch }] = createResource(() => params.slug, directoryApi.profile);
  const loaded = () => (profile.error ? undefined : profile.latest);
  useDocumentTitle(() => loaded()?.name ?? p().loading);
  const notFound = () => profile.error instanceof ApiError && profile.error.status === 404;

  return (
    <Shell>
      <nav class="breadcrumb" aria-label={t().directory.nav}>
        <A href="/directory" class="back-link">
          <span aria-hidden="true">←</span> {p().back}
        </A>
      </nav>
      <Switch>
        <Match when={notFound()}>
          <StatePanel title={p().notFoundTitle} body={p().notFoundBody} icon="search" level={1}>
            <A href="/directory" class="button button-primary">
              {p().back}
            </A>
          </StatePanel>
        </Match>
        <Match when={profile.error}>
          <LoadFailed title={p().errorTitle} error={profile.error} onRetry={() => void refetch()} level={1} />
        </Match>
        <Match when={loaded()}>{(org) => <Profile org={org()} onChange={(next) => mutate(next)} />}</Match>
        <Match when={profile.loading}>
          <Loading label={p().loading} />
        </Match>
      </Switch>
    </Shell>
  );
}

function Profile(props: { org: OrganisationProfile; onChange: (next: OrganisationProfile) => void }) {
  const { t, locale } = useI18n();
  const p = () => t().directory.profile;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  async function toggleListing() {
    setBusy(true);
    setError('');
    try {
      props.onChange(await directoryApi.listMe(props.org.slug, !props.org.listedAsContact));
    } catch (err) {
      setError(`${p().listFailed} ${describeError(err, t())}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class="org-profile">
      <header class="org-profile-head">
        <h1 class="page-title">{props.org.name}</h1>
        <div class="org-profile-tags">
          <span class="tag">{t().organisationKinds[props.org.kind]}</span>
          <Show when={props.org.founder}>
            <span class="tag tag-accent">{t().directory.founder}</span>
          </Show>
        </div>
        <p class="org-profile-text">{props.org.description[locale()]}</p>
        <WebsiteLink website={props.org.website} />
        <FocusTags areas={props.org.focusAreas} label={p().focusAreas} />
        <Show when={props.org.parent}>
          {(parent) => (
            <p class="muted">
              {p().partOf} <A href={`/directory/${parent().slug}`}>{parent().name}</A>
            </p>
          )}
        </Show>
      </header>

      <div class="org-profile-grid">
        <section class="panel" aria-labelledby="org-contacts">
          <h2 class="panel-title" id="org-contacts">
            {p().contacts}
          </h2>
          <Show when={props.org.contacts.length} fallback={<p class="muted">{p().noContacts}</p>}>
            <ul class="contact-list">
              <For each={props.org.contacts}>
                {(c) => (
                  <li class="contact">
                    <span class="contact-name">{c.name}</span>
                    <Show when={c.title}>
                      <span class="muted small">{c.title}</span>
                    </Show>
                    <a href={`mailto:${c.email}`} class="small">
                      {c.email}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={props.org.isMember}>
            <div class="contact-self">
              <button type="button" class="button button-small" disabled={busy()} onClick={toggleListing}>
                {props.org.listedAsContact ? p().unlistMe : p().listMe}
              </button>
              <Show when={!props.org.listedAsContact}>
                <p class="muted small">{p().listHint}</p>
              </Show>
              <p class="form-error-slot" role="alert">
                <Show when={error()}>
                  <span class="form-error">{error()}</span>
                </Show>
              </p>
            </div>
          </Show>
        </section>

        <section class="panel" aria-labelledby="org-projects">
          <h2 class="panel-title" id="org-projects">
            {p().projects}
          </h2>
          <Show when={props.org.projects.length} fallback={<p class="muted">{p().noProjects}</p>}>
            <ul class="listed-projects">
              <For each={props.org.projects}>
                {(project) => (
                  <li class="listed-project">
                    <div class="listed-project-head">
                      <span class="listed-project-title">{project.title}</span>
                      <span class="tag">{p().projectRole[project.role]}</span>
                    </div>
                    <p class="muted small">{project.summary}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>

        <Show when={props.org.services.length || props.org.teams.length}>
          <section class="panel" aria-labelledby="org-more">
            <Show when={props.org.services.length}>
              <h2 class="panel-title" id="org-more">
                {p().services}
              </h2>
              <ul class="plain-list">
                <For each={props.org.services}>
                  {(s) => (
                    <li>
                      <A href={`/services/${s.slug}`}>{s.name[locale()]}</A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={props.org.teams.length}>
              <h2
                class="panel-title"
                classList={{ 'panel-title-spaced': props.org.services.length > 0 }}
                id={props.org.services.length ? undefined : 'org-more'}
              >
                {p().teams}
              </h2>
              <ul class="plain-list">
                <For each={props.org.teams}>
                  {(team) => (
                    <li>
                      <A href={`/directory/${team.slug}`}>{team.name}</A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </Show>
      </div>
    </article>
  );
}
