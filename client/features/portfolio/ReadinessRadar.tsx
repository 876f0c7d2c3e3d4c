import { For, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { radarPoints, radarVertex } from '../../components/charts/radar-geometry.ts';
import { formatNumber } from '../../i18n/format.ts';
import { readinessSummary } from './maturity.ts';

/**
 * A project's readiness levels (1–9) on the nine dimensions as a tiny radar: an inline SVG, so
 * the portfolio ships no chart library. Its text alternative gives the average and every level.
 */
export function ReadinessRadar(props: {
  readiness: Record<string, number>;
  size: number;
  showSummary?: boolean;
}) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const r = () => t().portfolioExtra.readiness;
  const dimensions = () => frameworks[0].catalogue?.dimensions ?? [];
  const summary = () =>
    readinessSummary(
      props.readiness,
      dimensions().map((d) => d.id),
    );
  const name = (id: string) => dimensions().find((d) => d.id === id)?.name[locale()] ?? id;
  const n = (x: number) => formatNumber(locale(), Math.round(x * 10) / 10);
  const label = () => {
    const s = summary();
    if (s.average === null) return r().notScored;
    const levels = s.levels
      .filter((l) => l.level !== null)
      .map((l) => r().level(name(l.id), n(l.level!)))
      .join(', ');
    return `${r().summary(n(s.average))}. ${levels}.`;
  };
  const centre = () => props.size / 2;
  const radius = () => props.size / 2 - 2;
  const count = () => summary().levels.length;

  return (
    <span class="radar" classList={{ 'radar-with-summary': props.showSummary }}>
      <svg
        class="radar-chart"
        width={props.size}
        height={props.size}
        viewBox={`0 0 ${props.size} ${props.size}`}
        role="img"
        aria-label={label()}
      >
        <title>{label()}</title>
        <For each={[3, 6, 9]}>
          {(ring) => (
            <polygon
              class="radar-ring"
              points={radarPoints(
                summary().levels.map(() => ring),
                centre(),
                radius(),
              )}
            />
          )}
        </For>
        <For each={summary().levels}>
          {(_, i) => {
            const end = () => radarVertex(i(), count(), centre(), radius());
            return <line class="radar-axis" x1={centre()} y1={centre()} x2={end()[0]} y2={end()[1]} />;
          }}
        </For>
        <Show when={summary().average !== null}>
          <polygon
            class="radar-area"
            points={radarPoints(
              summary().levels.map((l) => l.level),
              centre(),
              radius(),
            )}
          />
        </Show>
      </svg>
      <Show when={props.showSummary}>
        <span class="radar-summary" aria-hidden="true">
          <Show when={summary().average !== null} fallback={<span class="muted">{r().notScored}</span>}>
            <span class="radar-average">
              {n(summary().average!)}
              <span class="radar-of">/9</span>
            </span>
            <Show when={summary().lowest}>
              {(low) => <span class="radar-lowest">{r().lowest(name(low().id), n(low().level))}</span>}
            </Show>
          </Show>
        </span>
      </Show>
    </span>
  );
}
