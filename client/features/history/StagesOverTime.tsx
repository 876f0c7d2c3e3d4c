import './history.css';
import { createMemo, createResource, Match, Switch } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { InlineLoadFailed } from '../../components/LoadStates.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { historyApi } from './history-api.ts';
import { LineChart } from './LineChart.tsx';
import { stageLines, timeTicks } from './series.ts';

/** For cluster managers: how the portfolio's projects spread over the stages, over time. */
export function StagesOverTime() {
  const { t, locale } = useI18n();
  const s = () => t().history.stages;
  const [series, { refetch }] = createResource(historyApi.stagesOverTime);
  const loaded = () => (series.error ? undefined : series.latest);
  const stageName = (i: number) => t().stages[i as 0];
  const lines = createMemo(() => {
    const data = loaded();
    return data ? stageLines(data, stageName, s().archived) : [];
  });
  const peak = () =>
    Math.max(1, ...(loaded()?.points ?? []).map((p) => p.stages.reduce((a, b) => a + b, p.archived)));

  return (
    <figure class="chart stages-over-time" aria-labelledby="stages-over-time-title">
      <figcaption>
        <h3 id="stages-over-time-title" class="chart-title">
          {s().title}
        </h3>
        <p class="chart-help">{s().help}</p>
      </figcaption>
      <Switch>
        <Match when={series.error}>
          <InlineLoadFailed message={s().loadError} error={series.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={series.loading && !loaded()}>
          <p class="muted" role="status">
            {s().loading}
          </p>
        </Match>
        <Match when={loaded() && loaded()!.points.length === 0}>
          <p class="muted">{s().empty}</p>
        </Match>
        <Match when={loaded()}>
          {(data) => (
            <LineChart
              series={lines()}
              stacked
              from={Date.parse(data().points[0]!.at)}
              to={Date.parse(data().to)}
              yMax={peak()}
              yLabel={s().yLabel}
              summary={s().summary(
                data().points.length,
                formatNumber(locale(), data().points.length),
                formatDate(locale(), data().points[0]!.at),
              )}
              formatX={timeTicks(locale(), Date.parse(data().points[0]!.at), Date.parse(data().to))}
              formatTooltipX={(ms) => formatDateTime(locale(), new Date(ms).toISOString())}
              whenLabel={t().history.chart.when}
            />
          )}
        </Match>
      </Switch>
    </figure>
  );
}
