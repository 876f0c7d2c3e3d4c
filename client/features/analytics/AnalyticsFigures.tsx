import '../history/history.css';
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { gateOutcomeOrder, type PortfolioAnalytics } from '../../../shared/schemas/analytics.ts';
import { dimensionIds } from '../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { LineChart } from '../history/LineChart.tsx';
import { SERIES_COLORS, timeTicks } from '../history/series.ts';
import { StackedColumns } from './StackedColumns.tsx';

type Figures = { data: PortfolioAnalytics };

const OUTCOME_COLORS: Record<string, string> = {
  go: '#067647',
  conditional_go: '#0e7090',
  hold: '#b54708',
  recycle: '#6941c6',
  kill: '#b42318',
};

/** Median days in each stage, per track: a table a committee reads and prints as it is. */
export function StageTimes(props: Figures) {
  const { t, locale } = useI18n();
  const { frameworks } = useApp();
  const s = () => t().analytics.stages;
  const n = (v: number) => formatNumber(locale(), v);
  const stageName = (track: string, i: number) =>
    frameworks[1].stage(track, i)?.name[locale()] ?? t().stages[i as 0];
  return (
    <section class="chart analytics-figure" aria-labelledby="analytics-stages">
      <h2 id="analytics-stages" class="chart-title">
        {s().title}
      </h2>
      <p class="chart-help">{s().help}</p>
      <For each={props.data.tracks}>
        {(track) => {
          const rows = () => props.data.stageDurations.filter((d) => d.track === track.id);
          return (
            <section class="table-scroll" tabindex="0" aria-label={s().caption(track.name[locale()])}>
              <table class="analytics-table">
                <caption>{s().caption(track.name[locale()])}</caption>
                <thead>
                  <tr>
                    <For each={rows()}>{(d) => <th scope="col">{stageName(track.id, d.stage)}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <For each={rows()}>
                      {(d) => (
                        <td>
                          <strong>
                            {d.medianDays === null ? s().none : s().ended(n(d.medianDays), n(d.completed))}
                          </strong>
                          <span class="analytics-sub">
                            {d.current === 0
                              ? s().currentNone
                              : s().current(n(d.current), n(d.currentMedianDays ?? 0))}
                          </span>
                        </td>
                      )}
                    </For>
                  </tr>
                </tbody>
              </table>
            </section>
          );
        }}
      </For>
    </section>
  );
}

export function GateOutcomes(props: Figures) {
  const { t, locale } = useI18n();
  const o = () => t().analytics.outcomes;
  const label = (k: string) => t().gates.outcomes[k as 'go'];
  const total = () => gateOutcomeOrder.reduce((sum, k) => sum + props.data.gateOutcomes.totals[k], 0);
  const percent = (v: number) =>
    new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(
      v / Math.max(1, total()),
    );
  return (
    <section class="chart analytics-figure" aria-labelledby="analytics-outcomes">
      <h2 id="analytics-outcomes" class="chart-title">
        {o().title}
      </h2>
      <p class="chart-help">{o().help}</p>
      <Show when={total() > 0} fallback={<p class="muted">{o().none}</p>}>
        <p class="analytics-rates">
          <strong>{o().summary(total(), formatNumber(locale(), total()))}</strong>
          <For each={gateOutcomeOrder}>
            {(k) => <span>{o().rate(label(k), percent(props.data.gateOutcomes.totals[k]))}</span>}
          </For>
        </p>
        <StackedColumns
          keys={gateOutcomeOrder.map((k) => ({ key: k, label: label(k), color: OUTCOME_COLORS[k]! }))}
          columns={props.data.gateOutcomes.byQuarter.map((q) => ({ label: q.quarter, values: q.counts }))}
        />
        <section class="table-scroll" tabindex="0" aria-label={o().title}>
          <table class="analytics-table">
            <caption class="visually-hidden">{o().title}</caption>
            <thead>
              <tr>
                <th scope="col">{o().quarter}</th>
                <For each={gateOutcomeOrder}>{(k) => <th scope="col">{label(k)}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.data.gateOutcomes.byQuarter}>
                {(q) => (
                  <tr>
                    <th scope="row">{q.quarter}</th>
                    <For each={gateOutcomeOrder}>{(k) => <td>{formatNumber(locale(), q.counts[k])}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </section>
  );
}

export function MilestoneSlip(props: Figures) {
  const { t, locale } = useI18n();
  const m = () => t().analytics.milestones;
  const figures = () => props.data.milestones;
  const n = (v: number) => formatNumber(locale(), v);
  // each column's key in `byMonth`, with the matching total
  const keys = () => [
    { key: 'onTime', label: m().onTime, color: '#067647', total: figures().doneOnTime },
    { key: 'late', label: m().late, color: '#b54708', total: figures().doneLate },
    { key: 'overdue', label: m().overdue, color: '#b42318', total: figures().overdue },
    { key: 'upcoming', label: m().upcoming, color: '#98a2b3', total: figures().upcoming },
  ];
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(locale(), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const any = () => keys().some((k) => k.total > 0);
  return (
    <section class="chart analytics-figure" aria-labelledby="analytics-milestones">
      <h2 id="analytics-milestones" class="chart-title">
        {m().title}
      </h2>
      <p class="chart-help">{m().help}</p>
      <Show when={any()} fallback={<p class="muted">{m().none}</p>}>
        <dl class="analytics-counts">
          <For each={keys()}>
            {(k) => (
              <div>
                <dt>{k.label}</dt>
                <dd>{n(k.total)}</dd>
              </div>
            )}
          </For>
        </dl>
        <p>
          {figures().medianSlipDays === null ? m().noSlip : m().medianSlip(n(figures().medianSlipDays ?? 0))}
        </p>
        <StackedColumns
          keys={keys()}
          columns={figures().byMonth.map(({ month, ...values }) => ({ label: monthLabel(month), values }))}
        />
        <Show when={figures().worst.length > 0}>
          <section class="table-scroll" tabindex="0" aria-label={m().worstTitle}>
            <table class="analytics-table analytics-worst">
              <caption>{m().worstTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{m().milestone}</th>
                  <th scope="col">{m().project}</th>
                  <th scope="col">{m().due}</th>
                  <th scope="col">{m().state}</th>
                  <th scope="col">{m().delay}</th>
                </tr>
              </thead>
              <tbody>
                <For each={figures().worst}>
                  {(w) => (
                    <tr>
                      <th scope="row">{w.title}</th>
                      <td>
                        <A href={`/projects/${w.projectId}`}>{w.projectTitle}</A>
                      </td>
                      <td>{formatDate(locale(), `${w.due}T12:00:00Z`)}</td>
                      <td>{w.doneAt ? formatDate(locale(), w.doneAt) : m().stillOpen}</td>
                      <td>{m().days(w.slipDays, n(w.slipDays))}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </Show>
      </Show>
    </section>
  );
}

export function PortfolioReadiness(props: Figures) {
  const { t, locale } = useI18n();
  const { frameworks } = useApp();
  const r = () => t().analytics.readiness;
  const monthEnd = (month: string) => Date.parse(`${month}-01T00:00:00Z`);
  const points = () => props.data.readiness.points.filter((p) => p.projects > 0);
  const name = (id: string) =>
    frameworks[0].catalogue?.dimensions.find((d) => d.id === id)?.name[locale()] ?? id;
  const lines = createMemo(() =>
    dimensionIds.flatMap((id, i) => {
      const series = points().flatMap((p) =>
        p.means[id] === undefined ? [] : [{ x: monthEnd(p.month), y: p.means[id]! }],
      );
      return series.length
        ? [{ label: name(id), color: SERIES_COLORS[i % SERIES_COLORS.length]!, points: series }]
        : [];
    }),
  );
  return (
    <section class="chart analytics-figure" aria-labelledby="analytics-readiness">
      <h2 id="analytics-readiness" class="chart-title">
        {r().title}
      </h2>
      <p class="chart-help">{r().help}</p>
      <Show when={points().length > 0} fallback={<p class="muted">{r().none}</p>}>
        <div class="analytics-line">
          <LineChart
            series={lines()}
            from={monthEnd(points()[0]!.month)}
            to={Math.max(monthEnd(points().at(-1)!.month), monthEnd(points()[0]!.month) + 1)}
            yMax={9}
            yLabel={r().yLabel}
            summary={r().summary(
              formatNumber(locale(), points().length),
              formatDate(locale(), `${points()[0]!.month}-01T12:00:00Z`),
            )}
            formatX={timeTicks(locale(), monthEnd(points()[0]!.month), monthEnd(points().at(-1)!.month))}
            formatTooltipX={(ms) =>
              new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
                ms,
              )
            }
            whenLabel={t().history.chart.when}
          />
        </div>
      </Show>
    </section>
  );
}
