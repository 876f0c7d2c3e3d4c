import { createMemo, createResource, Match, Switch } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { InlineLoadFailed } from '../../components/LoadStates.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { historyApi } from './history-api.ts';
import { LineChart } from './LineChart.tsx';
import { readinessLines, timeTicks } from './series.ts';

/** The project's readiness over its life, replayed from the document's log on the server. */
export function ReadinessOverTime(props: { projectId: string }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const c = () => t().history.chart;
  const [series, { refetch }] = createResource(() => props.projectId, historyApi.readiness);
  const loaded = () => (series.error ? undefined : series.latest);
  const name = (id: string) => room.dimensionName(id, locale()) ?? id;
  const lines = createMemo(() => {
    const s = loaded();
    return s ? readinessLines(s, name) : [];
  });

  return (
    <section class="panel history-chart-panel" aria-labelledby="history-chart-title">
      <h3 id="history-chart-title" class="panel-title">
        {c().title}
      </h3>
      <p class="muted small">{c().help}</p>
      <Switch>
        <Match when={series.error}>
          <InlineLoadFailed message={c().loadError} error={series.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={series.loading && !loaded()}>
          <p class="muted" role="status">
            {c().loading}
          </p>
        </Match>
        <Match when={loaded() && lines().length === 0}>
          <p class="muted">{c().empty}</p>
        </Match>
        <Match when={loaded()}>
          {(s) => (
            <LineChart
              series={lines()}
              from={Date.parse(s().from)}
              to={Date.parse(s().to)}
              yMax={9}
              yLabel={c().level}
              summary={c().summary(
                Math.max(0, s().points.length - 1),
                formatNumber(locale(), Math.max(0, s().points.length - 1)),
                formatDate(locale(), s().from),
              )}
              formatX={timeTicks(locale(), Date.parse(s().from), Date.parse(s().to))}
              formatTooltipX={(ms) => formatDateTime(locale(), new Date(ms).toISOString())}
              whenLabel={c().when}
            />
          )}
        </Match>
      </Switch>
    </section>
  );
}
