import { For, Show } from 'solid-js';
import type { ProjectDetail } from '../../../shared/schemas/projects.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { formatDate } from '../../i18n/format.ts';
import { ProjectLevel } from './ProjectLevel.tsx';
import { ProjectTeam } from './ProjectTeam.tsx';

/** The project's card: summary, partner organisations with their roles, facts and the team. */
export function ProjectAbout(props: { project: ProjectDetail }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const p = () => props.project;
  const role = () => (p().myRole ? t().roles[p().myRole!] : t().roles.clusterManager);
  return (
    <div class="project-grid">
      <div class="project-main">
        <section class="panel" aria-labelledby="summary-title">
          <h2 id="summary-title" class="panel-title">
            {t().room.about.summary}
          </h2>
          <p class="summary">{p().summary || t().room.about.noSummary}</p>

          <h2 id="about-partners-title" class="panel-title panel-title-spaced">
            {t().project.partners}
          </h2>
          <Show when={p().partners.length > 0} fallback={<p class="muted">{t().project.noPartners}</p>}>
            <ul class="org-list" aria-labelledby="about-partners-title">
              <For each={p().partners}>
                {(partner) => (
                  <li class="org">
                    <span class="org-name">{partner.organisation.name}</span>
                    <span class="org-kind">{t().organisationKinds[partner.organisation.kind]}</span>
                    <span class="tag">{t().partnerRoles[partner.role]}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>

        <ProjectLevel project={p()} />
      </div>

      <aside class="panel" aria-labelledby="facts-title">
        <h2 id="facts-title" class="panel-title">
          {t().room.about.details}
        </h2>
        <dl class="facts">
          <dt>{t().project.track}</dt>
          <dd>{frameworks[1].trackName(p().track, locale())}</dd>
          <dt>{t().project.leadOrganisation}</dt>
          <dd>
            {p().leadOrganisation.name}
            <span class="org-kind block">{t().organisationKinds[p().leadOrganisation.kind]}</span>
          </dd>
          <dt>{t().project.yourRole}</dt>
          <dd>{role()}</dd>
          <dt>{t().project.directory}</dt>
          <dd>{p().listedInDirectory ? t().project.listed : t().project.notListed}</dd>
          <dt>{t().project.created}</dt>
          <dd>
            <time datetime={p().createdAt}>{formatDate(locale(), p().createdAt)}</time>
          </dd>
          <dt>{t().project.updated}</dt>
          <dd>
            <time datetime={p().updatedAt}>{formatDate(locale(), p().updatedAt)}</time>
          </dd>
        </dl>
        <Show when={p().permissions.includes('members.view')}>
          <ProjectTeam projectId={p().id} />
        </Show>
      </aside>
    </div>
  );
}
