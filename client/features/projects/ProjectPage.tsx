import { A, useParams } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { ProjectDetail } from '../../../shared/api.ts';
import { ApiError, api } from '../../api.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { ProjectTeam } from './ProjectTeam.tsx';
import { StageStepper } from './StageStepper.tsx';

/**
 * A project's card: where it stands on its track, the next gate, who leads and partners it, and
 * the team. The live project room (milestones, readiness, comments) grows from this page.
 */
export function ProjectPage() {
  const params = useParams();
  const { t } = useI18n();
  const [project, { refetch }] = createResource(() => params.id, api.project);
  useDocumentTitle(() => loaded()?.title ?? t().project.loading);

  const notFound = () => project.error instanceof ApiError && project.error.status === 404;
  // Reading a failed resource throws; read it only through this.
  const loaded = () => (project.error ? undefined : project.latest);

  return (
    <Shell>
      <nav class="breadcrumb" aria-label={t().project.breadcrumb}>
        <A href="/" class="back-link">
          <span aria-hidden="true">←</span> {t().project.backToPortfolio}
        </A>
      </nav>
      <Switch>
        <Match when={notFound()}>
          <StatePanel title={t().project.notFoundTitle} body={t().project.notFoundBody} icon="lock" level={1}>
            <A href="/" class="button button-primary">
              {t().notFound.home}
            </A>
          </StatePanel>
        </Match>
        <Match when={project.error}>
          <StatePanel
            title={t().project.errorTitle}
            body={describeError(project.error, t())}
            tone="error"
            icon="error"
            level={1}
          >
            <button type="button" class="button button-primary" onClick={() => void refetch()}>
              {t().app.retry}
            </button>
          </StatePanel>
        </Match>
        <Match when={loaded()}>{(p) => <ProjectView project={p()} />}</Match>
        <Match when={project.loading}>
          <div class="page-loading" role="status">
            <span class="spinner" aria-hidden="true" />
            {t().project.loading}
          </div>
        </Match>
      </Switch>
    </Shell>
  );
}

function ProjectView(props: { project: ProjectDetail }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const p = () => props.project;
  const trackName = () => frameworks[1].trackName(p().track, locale());
  const stage = () => frameworks[1].stage(p().track, p().stage);
  const role = () => (p().myRole ? t().roles[p().myRole!] : t().roles.clusterManager);
  const n = (x: number) => formatNumber(locale(), x);

  return (
    <article class="project">
      <header class="project-head">
        <h1 class="page-title project-title">{p().title}</h1>
        <p class="project-sub">
          <span>{p().leadOrganisation.name}</span>
          <span aria-hidden="true">·</span>
          <span>{trackName()}</span>
          <span class="role">{role()}</span>
          <Show when={p().archived}>
            <span class="tag tag-warning">{t().project.archived}</span>
          </Show>
        </p>
      </header>

      <section class="panel" aria-labelledby="stages-title">
        <h2 id="stages-title" class="panel-title">
          {t().project.stepper}
        </h2>
        <StageStepper track={p().track} stage={p().stage} labelledBy="stages-title" />
        <Show when={stage()}>
          {(s) => (
            <p class="gate">
              <span class="gate-label">{t().project.nextGate}</span>
              <strong>{s().gateName[locale()]}</strong>
              <span class="muted">
                {t().project.gateCriteria(
                  n(s().criteria.filter((c) => c.kind === 'must').length),
                  n(s().criteria.filter((c) => c.kind === 'should').length),
                )}
              </span>
            </p>
          )}
        </Show>
      </section>

      <div class="project-grid">
        <section class="panel" aria-labelledby="summary-title">
          <h2 id="summary-title" class="panel-title">
            {t().project.summary}
          </h2>
          <p class="summary">{p().summary || t().project.noSummary}</p>

          <h2 class="panel-title panel-title-spaced">{t().project.partners}</h2>
          <Show when={p().partners.length > 0} fallback={<p class="muted">{t().project.noPartners}</p>}>
            <ul class="org-list">
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

        <aside class="panel" aria-labelledby="facts-title">
          <h2 id="facts-title" class="panel-title">
            {t().project.facts}
          </h2>
          <dl class="facts">
            <dt>{t().project.track}</dt>
            <dd>{trackName()}</dd>
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
    </article>
  );
}
