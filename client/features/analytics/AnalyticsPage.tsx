import './analytics.css';
import { createResource, createSignal, For, Match, Switch } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { ApiError } from '../../errors.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { GateOutcomes, MilestoneSlip, PortfolioReadiness, StageTimes } from './AnalyticsFigures.tsx';
import { analyticsApi } from './analytics-api.ts';

/**
 * The programme office's analytics: four figures over the whole portfolio (or one track), laid
 * out to be printed for a committee as they show.
 */
export function AnalyticsPage() {
  const { t, locale } = useI18n();
  const { frameworks } = useApp();
  const a = () => t().analytics;
  useDocumentTitle(() => a().pageTitle);
  const [track, setTrack] = createSignal('');
  const [figures, { refetch }] = createResource(track, (k) => analyticsApi.portfolio(k));
  const loaded = () => (figures.error ? undefined : figures.latest);
  const forbidden = () => figures.error instanceof ApiError && figures.error.status === 403;
  // one entry per track, named by its current version; any version's id filters the whole track
  const tracks = () => frameworks[1].tracks().filter((f) => f.current);

  return (
    <Shell>
      <div class="page-head analytics-head">
        <h1 class="page-title">{a().title}</h1>
        <div class="analytics-tools">
          <label for="analytics-track" class="visually-hidden">
            {a().track}
          </label>
          <select
            id="analytics-track"
            class="select"
            value={track()}
            onChange={(e) => setTrack(e.currentTarget.value)}
          >
            <option value="">{a().allTracks}</option>
            <For each={tracks()}>{(f) => <option value={f.id}>{f.name[locale()]}</option>}</For>
          </select>
          <button type="button" class="button" onClick={() => window.print()}>
            {a().print}
          </button>
        </div>
      </div>
      <p class="page-intro">{a().intro}</p>
      <Switch>
        <Match when={forbidden()}>
          <StatePanel title={a().forbiddenTitle} body={a().forbiddenBody} icon="lock" />
        </Match>
        <Match when={figures.error}>
          <LoadFailed title={a().loadError} error={figures.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!loaded() && figures.loading}>
          <Loading label={a().loading} />
        </Match>
        <Match when={loaded()?.projectCount === 0}>
          <StatePanel title={a().emptyTitle} body={a().emptyBody} icon="empty" />
        </Match>
        <Match when={loaded()}>
          {(data) => (
            <div class="analytics-figures" aria-busy={figures.loading}>
              <p class="muted analytics-as-of">
                {a().asOf(
                  formatDate(locale(), data().at),
                  a().projects(data().projectCount, formatNumber(locale(), data().projectCount)),
                )}
              </p>
              <StageTimes data={data()} />
              <GateOutcomes data={data()} />
              <MilestoneSlip data={data()} />
              <PortfolioReadiness data={data()} />
            </div>
          )}
        </Match>
      </Switch>
    </Shell>
  );
}
