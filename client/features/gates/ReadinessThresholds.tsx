import { createMemo, For, Show } from 'solid-js';
import type { ThresholdWarning } from '../../../shared/schemas/gates.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useRoom } from '../project/room/room-context.tsx';

/**
 * The readiness thresholds of the gate ahead, against the scores as they stand in the live
 * document: met or not, current level against the level required. Unmet thresholds do not stop
 * the request; the lead is told the committee will see them.
 */
export function ReadinessThresholds() {
  const room = useRoom();
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const m = () => t().maturity;
  const n = (x: number) => formatNumber(locale(), x);
  const project = room.project;
  const rows = createMemo(() =>
    (frameworks[1].stage(project().track, project().stage)?.thresholds ?? []).map((th) => {
      const current = room.state.readiness[th.dimension as keyof typeof room.state.readiness]?.level ?? null;
      return { ...th, current, met: current !== null && current >= th.minLevel };
    }),
  );
  const unmet = () => rows().filter((r) => !r.met).length;
  return (
    <section class="gate-thresholds" aria-labelledby="gate-thresholds-title">
      <h4 id="gate-thresholds-title" class="gate-thresholds-title">
        {m().thresholdsTitle}
      </h4>
      <Show when={rows().length > 0} fallback={<p class="muted small">{m().thresholdsNone}</p>}>
        <p class="muted small">{m().thresholdsIntro}</p>
        <ul class="gate-threshold-list" data-testid="gate-thresholds">
          <For each={rows()}>
            {(row) => (
              <li class="gate-threshold" classList={{ 'is-met': row.met, 'is-unmet': !row.met }}>
                <span class="gate-threshold-mark tag">{row.met ? m().met : m().notMet}</span>
                <span>
                  {m().thresholdLine(
                    room.dimensionName(row.dimension, locale()) ?? row.dimension,
                    row.current === null ? m().notScored : n(row.current),
                    n(row.minLevel),
                  )}
                </span>
              </li>
            )}
          </For>
        </ul>
        <Show when={unmet() > 0}>
          <p class="gate-threshold-warning" role="status">
            {m().unmetWarning(unmet(), n(unmet()))}{' '}
            <button type="button" class="link-button" onClick={() => room.setTab('readiness')}>
              {m().toReadiness}
            </button>
          </p>
        </Show>
      </Show>
    </section>
  );
}

/** The thresholds that were not met when a review was requested, as its record keeps them. */
export function ThresholdWarnings(props: { warnings: ThresholdWarning[] }) {
  const room = useRoom();
  const { t, locale } = useI18n();
  const m = () => t().maturity;
  const n = (x: number) => formatNumber(locale(), x);
  return (
    <Show when={props.warnings.length > 0}>
      <div class="gate-missing gate-threshold-warnings" data-testid="gate-threshold-warnings">
        <p>{m().warningsTitle}</p>
        <ul>
          <For each={props.warnings}>
            {(w) => (
              <li>
                {m().thresholdLine(
                  room.dimensionName(w.dimension, locale()) ?? w.dimension,
                  w.current === null ? m().notScored : n(w.current),
                  n(w.required),
                )}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
