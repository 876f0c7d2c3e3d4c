import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import type { OrganisationKind } from '../../../shared/domain.ts';
import { canInCluster } from '../../../shared/permissions.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { appSocket } from '../../realtime/socket.ts';
import { StagesOverTime } from '../history/StagesOverTime.tsx';
import { HomeGuide } from '../home/HomeGuide.tsx';
import { reportApi } from '../reports/report-api.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import {
  applyFilters,
  type PortfolioFilters as Filters,
  hasFilters,
  noFilters,
  ORGANISATION_KINDS,
  parseFilters,
  toParams,
} from './filters.ts';
import { PortfolioFilters } from './PortfolioFilters.tsx';
import { PortfolioOverview } from './PortfolioOverview.tsx';
import { ProjectCards } from './ProjectCards.tsx';
import { ProjectTable } from './ProjectTable.tsx';
import { useSlashToFocus } from './use-slash-to-focus.ts';
import { ViewSwitch } from './ViewSwitch.tsx';
import {
  type PortfolioView,
  readOverviewOpen,
  readView,
  saveOverviewOpen,
  saveView,
} from './view-preference.ts';
import './portfolio.css';
import './portfolio-cards.css';
import './portfolio-overview.css';
import './project-table.css';

/** Home: the projects the user may see, filtered by what the URL says, live. */
export function PortfolioPage() {
  const { session, frameworks, connectivity, projects: projectsStore } = useApp();
  const { t, locale } = useI18n();
  const [projects, projectsActions] = projectsStore;
  const [params, setParams] = useSearchParams();
  const [view, setView] = createSignal<PortfolioView>(readView());
  const [overviewOpen, setOverviewOpen] = createSignal(readOverviewOpen());
  let search: HTMLInputElement | undefined;
  useDocumentTitle(() => t().portfolio.pageTitle);
  useSlashToFocus(() => search);

  onMount(() => void projectsActions.load());
  onCleanup(connectivity[1].onReconnect(() => void projectsActions.load()));
  // A stage change, a milestone's new status, a project shared with the user: refetch, debounced.
  onCleanup(projectsActions.listen(appSocket()));

  const filters = createMemo(() => parseFilters(params));
  const visible = createMemo(() => applyFilters(projects.projects, filters()));
  const seesEveryProject = () => canInCluster(session[0].me, 'project.view_any');
  const leadKinds = createMemo(() => {
    const present = new Set(projects.projects.map((p) => p.leadOrganisation.kind));
    return ORGANISATION_KINDS.filter((k) => present.has(k));
  });
  const change = (next: Partial<Filters>) =>
    setParams(toParams({ ...filters(), ...next }), { replace: true });
  const clear = () => {
    setParams(toParams(noFilters), { replace: true });
    search?.focus();
  };
  const chooseView = (next: PortfolioView) => {
    setView(next);
    saveView(next);
  };
  const toggleOverview = () => {
    const next = !overviewOpen();
    setOverviewOpen(next);
    saveOverviewOpen(next);
  };

  const total = () => projects.projects.length;
  const countText = () => {
    const n = (x: number) => formatNumber(locale(), x);
    return hasFilters(filters())
      ? t().portfolio.countFiltered(visible().length, total(), n(visible().length), n(total()))
      : t().portfolio.count(total(), n(total()));
  };
  const showList = () => projects.status === 'loading' || (projects.status === 'ready' && total() > 0);
  const caption = () =>
    projects.status === 'ready' ? `${t().portfolio.caption} (${countText()})` : t().portfolio.caption;

  return (
    <Shell>
      <div class="page-head portfolio-head">
        <h1 class="page-title">{t().portfolio.title}</h1>
        <p class="page-count" aria-live="polite">
          <Show
            when={projects.status === 'ready' && total() > 0}
            fallback={<span class="visually-hidden">{t().portfolio.loading}</span>}
          >
            {countText()}
          </Show>
        </p>
        <SearchBox />
        <Show when={session[0].me?.mayStartProject}>
          <A href="/projects/new" class="button button-primary button-small portfolio-new">
            {t().projectSettings.newProject}
          </A>
        </Show>
        <Show when={showList()}>
          <ViewSwitch view={view()} onChange={chooseView} />
          <a
            class="button button-ghost button-small portfolio-export"
            href={reportApi.portfolioCsvUrl({ ...toParams(filters()), lang: locale() })}
            download=""
            title={t().report.exportCsvHint}
          >
            {t().report.exportCsv}
          </a>
        </Show>
      </div>

      <Show when={seesEveryProject() && projects.status === 'ready' && total() > 0}>
        <section class="overview-section" aria-labelledby="portfolio-overview-title">
          <div class="overview-head">
            <h2 id="portfolio-overview-title" class="overview-title">
              {t().portfolioExtra.overview.title}
            </h2>
            <button
              type="button"
              class="button button-ghost button-small"
              aria-expanded={overviewOpen()}
              aria-controls="portfolio-overview"
              aria-label={
                overviewOpen() ? t().portfolioExtra.overview.hide : t().portfolioExtra.overview.show
              }
              onClick={toggleOverview}
            >
              {overviewOpen() ? t().portfolioExtra.overview.hideShort : t().portfolioExtra.overview.showShort}
            </button>
          </div>
          <div id="portfolio-overview" hidden={!overviewOpen()}>
            <PortfolioOverview
              projects={projects.projects}
              stage={filters().stage}
              kind={filters().kind}
              onStage={(stage) => change({ stage })}
              onKind={(kind: OrganisationKind | null) => change({ kind })}
            />
            <Show when={overviewOpen()}>
              <StagesOverTime />
              <Show when={canInCluster(session[0].me, 'audit.verify')}>
                <p class="small">
                  <A href="/admin/audit">{t().admin.auditLink}</A>
                </p>
              </Show>
            </Show>
          </div>
        </section>
      </Show>

      <Show when={showList()}>
        <PortfolioFilters
          filters={filters()}
          tracks={frameworks[1].tracks().filter((f) => f.current)}
          kinds={leadKinds()}
          showMine={seesEveryProject()}
          disabled={projects.status === 'loading'}
          onChange={change}
          onClear={clear}
          searchRef={(el) => {
            search = el;
          }}
        />
      </Show>

      <Show when={projects.stale}>
        <p class="notice portfolio-stale" role="status">
          {t().portfolioExtra.stale}
        </p>
      </Show>

      <Switch>
        <Match when={projects.status === 'error'}>
          <StatePanel
            title={t().portfolio.errorTitle}
            body={t().portfolio.errorBody(describeError(projects.error, t()))}
            tone="error"
            icon="error"
          >
            <button type="button" class="button button-primary" onClick={() => void projectsActions.load()}>
              {t().app.retry}
            </button>
          </StatePanel>
        </Match>
        <Match when={projects.status === 'ready' && total() === 0}>
          <Show when={seesEveryProject()} fallback={<HomeGuide />}>
            <StatePanel title={t().portfolio.emptyTitle} body={t().portfolio.emptyBody} icon="lock" />
          </Show>
        </Match>
        <Match when={projects.status === 'ready' && visible().length === 0}>
          <StatePanel title={t().portfolio.noResultsTitle} body={t().portfolio.noResultsBody} icon="search">
            <button type="button" class="button button-primary" onClick={clear}>
              {t().portfolio.filters.clear}
            </button>
          </StatePanel>
        </Match>
        <Match when={showList() && view() === 'cards'}>
          <ProjectCards projects={visible()} loading={projects.status === 'loading'} caption={caption()} />
        </Match>
        <Match when={showList()}>
          <ProjectTable projects={visible()} loading={projects.status === 'loading'} caption={caption()} />
        </Match>
      </Switch>
    </Shell>
  );
}
