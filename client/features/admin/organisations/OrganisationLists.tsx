import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { AdminOrganisationDetail } from '../../../../shared/schemas/organisations.ts';
import { useI18n } from '../../../app-context.tsx';
import { useStageName } from '../../../components/StageBadge.tsx';
import { formatNumber } from '../../../i18n/format.ts';

/** Everyone of the organisation, with whether they chose to be a listed contact. */
export function OrganisationPeople(props: { org: AdminOrganisationDetail }) {
  const { t, locale } = useI18n();
  const c = () => t().adminOrganisations.contacts;
  return (
    <section class="card card-roomy org-admin-section" aria-labelledby="org-people-title">
      <h2 id="org-people-title" class="panel-title">
        {c().title} <span class="panel-count">{formatNumber(locale(), props.org.peopleCount)}</span>
      </h2>
      <p class="muted small">{c().intro}</p>
      <Show when={props.org.people.length > 0} fallback={<p>{c().none}</p>}>
        <ul class="org-admin-people">
          <For each={props.org.people}>
            {(p) => (
              <li>
                <div class="org-admin-person">
                  <span class="org-admin-person-name">{p.name}</span>
                  <Show when={p.title}>
                    <span class="muted small">{p.title}</span>
                  </Show>
                  <a href={`mailto:${p.email}`} class="small">
                    {p.email}
                  </a>
                </div>
                <div class="org-admin-tags">
                  <Show when={p.listedAsContact}>
                    <span class="tag org-tag-accent">{c().listed}</span>
                  </Show>
                  <Show when={p.accountDeactivated}>
                    <span class="tag tag-warning">{c().accountDeactivated}</span>
                  </Show>
                  <Show
                    when={p.projectRoles.length > 0}
                    fallback={<span class="tag">{c().noProjectRole}</span>}
                  >
                    <For each={p.projectRoles}>{(role) => <span class="tag">{t().roles[role]}</span>}</For>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
        <Show when={props.org.peopleCount > props.org.people.length}>
          <p class="muted small">
            {c().more(
              formatNumber(locale(), props.org.people.length),
              formatNumber(locale(), props.org.peopleCount),
            )}
          </p>
        </Show>
      </Show>
    </section>
  );
}

/** The projects it leads or partners, listed in the directory or not, archived ones too. */
export function OrganisationProjects(props: { org: AdminOrganisationDetail }) {
  const { t, locale } = useI18n();
  const p = () => t().adminOrganisations.projectList;
  const stageName = useStageName();
  return (
    <section class="card card-roomy org-admin-section" aria-labelledby="org-projects-title">
      <h2 id="org-projects-title" class="panel-title">
        {p().title} <span class="panel-count">{formatNumber(locale(), props.org.projects.length)}</span>
      </h2>
      <Show when={props.org.projects.length > 0} fallback={<p>{p().none}</p>}>
        <ul class="org-admin-projects">
          <For each={props.org.projects}>
            {(project) => (
              <li>
                <A href={`/projects/${project.id}`} class="org-admin-project-title">
                  {project.title}
                </A>
                <div class="org-admin-tags">
                  <span class="tag" classList={{ 'org-tag-accent': project.role === 'lead' }}>
                    {project.role === 'lead' ? p().lead : t().partnerRoles[project.role]}
                  </span>
                  <span class="tag">
                    {p().stage(
                      formatNumber(locale(), project.stage),
                      stageName(project.track, project.stage),
                    )}
                  </span>
                  <Show when={project.archived}>
                    <span class="tag tag-warning">{p().archived}</span>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
