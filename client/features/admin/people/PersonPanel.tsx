import { A, useLocation } from '@solidjs/router';
import { createResource, For, Match, onCleanup, Show, Switch } from 'solid-js';
import type { PersonDetail } from '../../../../shared/schemas/people.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStates.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { ApiError } from '../../../errors.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import type { Messages } from '../../../i18n/messages.ts';
import { personName } from '../../../i18n/person-name.ts';
import { adminApi } from '../admin-api.ts';
import { PersonActions } from './PersonActions.tsx';
import { PersonTags } from './PersonTags.tsx';

/** /admin/people/:id: one person, their projects and roles, and what the office may do. */
export function PersonPanel(props: { id: string }) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const location = useLocation();
  const p = () => t().admin.person;
  const [person, { refetch, mutate }] = createResource(() => props.id, adminApi.person);
  onCleanup(connectivity[1].onReconnect(() => void refetch()));
  const name = () => (person.latest ? personName(person.latest.name, t()) : '');
  useDocumentTitle(() => name() || t().admin.people.pageTitle);
  const notFound = () => person.error instanceof ApiError && person.error.status === 404;
  const role = (r: string) => t().roles[r as keyof Messages['roles']] ?? r;

  return (
    <>
      <p class="breadcrumb">
        <A href={`/admin/people${location.search}`} class="back-link">
          ← {p().back}
        </A>
      </p>
      <Switch>
        <Match when={notFound()}>
          <StatePanel level={1} icon="search" title={p().notFoundTitle} body={p().notFoundBody} />
        </Match>
        <Match when={person.error && !person.latest}>
          <LoadFailed level={1} title={p().loadFailed} error={person.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!person.latest}>
          <Loading label={p().loading} />
        </Match>
        <Match when={person.latest}>
          {(current) => (
            <div class="person">
              <div class="page-head person-head">
                <h1 class="page-title">{name()}</h1>
                <PersonTags person={current()} />
              </div>
              <p class="person-email">{current().email}</p>
              <p class="muted small">
                {[
                  current()
                    .organisations.map((o) => o.name)
                    .join(', ') || t().admin.people.noOrganisation,
                  p().since(formatDate(locale(), current().createdAt)),
                  current().lastSignInAt
                    ? t().admin.people.lastSignIn(formatDate(locale(), current().lastSignInAt as string))
                    : t().admin.people.neverSignedIn,
                  ...(current().sso ? [p().sso] : []),
                ].join(' · ')}
              </p>
              <div class="person-grid">
                <section class="panel" aria-labelledby="person-projects">
                  <h2 class="panel-title" id="person-projects">
                    {p().projects}
                  </h2>
                  <Show
                    when={current().memberships.length > 0}
                    fallback={<p class="muted">{p().noProjects}</p>}
                  >
                    <ul class="person-projects">
                      <For each={current().memberships}>
                        {(m) => (
                          <li>
                            <A href={`/projects/${encodeURIComponent(m.projectId)}`}>{m.title}</A>{' '}
                            <span class="role">{role(m.role)}</span>
                            <Show when={m.archived}>
                              {' '}
                              <span class="muted small">({p().archived})</span>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <Show when={current().pendingInvitations.length > 0}>
                    <h3 class="person-subtitle">{p().invitations}</h3>
                    <ul class="person-projects">
                      <For each={current().pendingInvitations}>
                        {(i) => (
                          <li>
                            {p().invitationUntil(
                              i.projectTitle,
                              role(i.role).toLowerCase(),
                              formatDate(locale(), i.expiresAt),
                            )}
                          </li>
                        )}
                      </For>
                    </ul>
                    <p class="muted small">{p().invitationsHint}</p>
                  </Show>
                  <h3 class="person-subtitle">{p().work}</h3>
                  <Show
                    when={current().handledServices > 0 || current().mentor}
                    fallback={<p class="muted">{p().noOtherWork}</p>}
                  >
                    <ul class="person-projects">
                      <Show when={current().handledServices > 0}>
                        <li>
                          {p().handles(
                            current().handledServices,
                            formatNumber(locale(), current().handledServices),
                          )}
                        </li>
                      </Show>
                      <Show when={current().mentor}>
                        <li>{p().mentor}</li>
                      </Show>
                    </ul>
                  </Show>
                </section>
                <PersonActions
                  person={current()}
                  onChange={(next: Partial<PersonDetail>) => mutate({ ...current(), ...next })}
                />
              </div>
            </div>
          )}
        </Match>
      </Switch>
    </>
  );
}
