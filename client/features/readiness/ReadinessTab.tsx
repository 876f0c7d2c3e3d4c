import { createMemo, createResource, For, Show } from 'solid-js';
import { dimensionIds } from '../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { RadarChart } from '../../components/charts/RadarChart.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { gatesApi } from '../gates/gates-api.ts';
import { useRoom } from '../project/room/room-context.tsx';
import { DimensionRow } from './DimensionRow.tsx';
import './readiness.css';

/**
 * The nine readiness dimensions, each with its level, the level's meaning, the evidence and
 * who scored it; beside them, the profile as a radar chart (the list is its text alternative).
 */
export function ReadinessTab() {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const r = () => t().room.readiness;
  const dimensions = createMemo(() => {
    const known = room.dimensions();
    // The catalogue's order and names; the nine ids even if it did not load.
    return dimensionIds.map((id) => ({ id, info: known.find((d) => d.id === id) }));
  });
  const names = () => dimensions().map((d) => d.info?.name[locale()] ?? d.id);
  const levels = () => dimensions().map((d) => room.state.readiness[d.id]?.level ?? 0);
  // The profile frozen at the last decided gate, drawn behind today's.
  const [gates] = createResource(() => room.project().id, gatesApi.list);
  const lastGate = () => (gates.error ? undefined : gates.latest?.reviews.find((g) => g.decision));
  const compare = () => {
    const gate = lastGate();
    if (!gate || Object.keys(gate.packReadiness).length === 0) return null;
    const name = frameworks[1].stage(room.project().track, gate.stageIndex)?.gateName[locale()] ?? '';
    return {
      label: r().chartGate(name, formatDate(locale(), gate.decision!.signature.signedAt)),
      values: dimensions().map((d) => gate.packReadiness[d.id] ?? 0),
    };
  };
  const summary = () =>
    r().chartSummary(
      names()
        .map((name, i) => `${name} ${levels()[i] ? formatNumber(locale(), levels()[i]!) : '–'}`)
        .join(', '),
    ) +
    (compare()
      ? ` ${compare()!.label}: ${names()
          .map(
            (name, i) =>
              `${name} ${compare()!.values[i] ? formatNumber(locale(), compare()!.values[i]!) : '–'}`,
          )
          .join(', ')}.`
      : '');

  return (
    <section class="readiness" aria-labelledby="readiness-title">
      <div class="readiness-side">
        <div class="panel readiness-chart">
          <h2 id="readiness-chart-title" class="panel-title">
            {r().chartTitle}
          </h2>
          <div class="room-radar">
            <RadarChart names={names()} now={levels()} compare={compare()?.values} label={summary()} />
            <p class="room-radar-legend" aria-hidden="true">
              <span class="room-radar-swatch" /> {r().chartNow}
              <Show when={compare()}>
                {(c) => (
                  <>
                    <span class="room-radar-swatch room-radar-swatch-compare" /> <span>{c().label}</span>
                  </>
                )}
              </Show>
            </p>
          </div>
          <Show when={!gates.loading && !compare()}>
            <p class="muted small">{r().chartNoGate}</p>
          </Show>
        </div>
      </div>
      <div class="readiness-main">
        <h2 id="readiness-title" class="room-section-title">
          {r().title}
        </h2>
        <p class="muted room-section-intro">{r().intro}</p>
        <ul class="dimension-list">
          <For each={dimensions()}>{(d) => <DimensionRow id={d.id} info={d.info} />}</For>
        </ul>
        <Show when={room.frameworksStatus() === 'error'}>
          <p class="muted small">{t().room.criteria.unavailable}</p>
        </Show>
      </div>
    </section>
  );
}
