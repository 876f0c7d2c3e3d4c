import { useSearchParams } from '@solidjs/router';
import { createMemo, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import {
  applyFilters,
  type PortfolioFilters as Filters,
  hasFilters,
  noFilters,
  parseFilters,
  toParams,
} from './filters.ts';
import { PortfolioFilters } from './PortfolioFilters.tsx';
import { ProjectTable } from './ProjectTable.tsx';
import { useSlashToFocus } from './use-slash-to-focus.ts';

/** Home: the projects the user may see, filtered by what the URL says. */
export function PortfolioPage() {
  const { session, frameworks, connectivity, projects: projectsStore } = useApp();
  const { t, locale } = useI18n();
  const [projects, projectsActions] = projectsStore;
  const [params, setParams] = useSearchParams();
  let search: HTMLInputElement | undefined;
  useDocumentTitle(() => t().portfolio.pageTitle);
  useSlashToFocus(() => search);

  onMount(() => void projectsActions.load());
  onCleanup(connectivity[1].onReconnect(() => void projectsActions.load()));

  const filters = createMemo(() => parseFilters(params));
  const visible = createMemo(() => applyFilters(projects.projects, filters()));
  const isManager = () => session[0].me?.clusterManager === true;
  const change = (next: Partial<Filters>) =>
    setParams(toParams({ ...filters(), ...next }), { replace: true });
  const clear = () => {
    setParams(toParams(noFilters), { replace: true });
    search?.focus();
  };

  const total = () => projects.projects.length;
  const countText = () => {
    const n = (x: number) => formatNumber(locale(), x);
    return hasFilters(filters())
      ? t().portfolio.countFiltered(n(visible().length), n(total()))
      : t().portfolio.count(total(), n(total()));
  };
  const showList = () => projects.status === 'loading' || (projects.status === 'ready' && total() > 0);

  return (
    <Shell>
      <div class="page-head">
        <h1 class="page-title">{t().portfolio.title}</h1>
        <p class="page-count" aria-live="polite">
          <Show
            when={projects.status === 'ready' && total() > 0}
            fallback={<span class="visually-hidden">{t().portfolio.loading}</span>}
          >
            {countText()}
          </Show>
        </p>
      </div>

      <Show when={showList()}>
        <PortfolioFilters
          filters={filters()}
          tracks={frameworks[1].tracks()}
          showMine={isManager()}
          disabled={projects.status === 'loading'}
          onChange={change}
          onClear={clear}
          searchRef={(el) => {
            search = el;
          }}
        />
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
          <StatePanel title={t().portfolio.emptyTitle} body={t().portfolio.emptyBody} icon="lock" />
        </Match>
        <Match when={projects.status === 'ready' && visible().length === 0}>
          <StatePanel title={t().portfolio.noResultsTitle} body={t().portfolio.noResultsBody} icon="search">
            <button type="button" class="button button-primary" onClick={clear}>
              {t().portfolio.filters.clear}
            </button>
          </StatePanel>
        </Match>
        <Match when={showList()}>
          <ProjectTable
            projects={visible()}
            loading={projects.status === 'loading'}
            caption={
              projects.status === 'ready'
                ? `${t().portfolio.caption} (${countText()})`
                : t().portfolio.caption
            }
          />
        </Match>
      </Switch>
    </Shell>
  );
}
