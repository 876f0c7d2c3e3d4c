import { For, Show } from 'solid-js';
import { RADAR_MAX, radarPoints, radarVertex, wrapLabel } from './radar-geometry.ts';

/** Sizes in the drawing's own units; the SVG scales to its box, text with it. */
export interface RadarLayout {
  /** from the centre to level 9 */
  radius: number;
  /** room on each side for the dimension names */
  side: number;
  /** room above and below for the names at the top and bottom */
  top: number;
  fontSize: number;
}

/** Sized for a panel about 330 px wide (the readiness tab's side column, a phone's width). */
export const COMPACT_RADAR: RadarLayout = { radius: 88, side: 100, top: 44, fontSize: 12 };

const LINE = 1.15;

/**
 * A readiness profile as a labelled radar, drawn as SVG so that it costs no chart library and
 * prints sharp: the levels now (solid) and, when given, a profile to compare with (dashed),
 * with the dimension names around it. `label` is its text alternative; the screens that show
 * it also list the same levels as text beside it. Colours are presentation attributes, so a
 * stylesheet may restyle the classes.
 */
export function RadarChart(props: {
  names: string[];
  now: (number | null)[];
  compare?: (number | null)[] | null;
  /** the text alternative: every level, in words */
  label: string;
  class?: string;
  layout?: RadarLayout;
}) {
  const layout = () => props.layout ?? COMPACT_RADAR;
  const centre = () => layout().radius;
  const count = () => props.names.length;
  const ring = (level: number) =>
    radarPoints(
      props.names.map(() => level),
      centre(),
      layout().radius,
    );
  const width = () => 2 * (layout().radius + layout().side);
  const height = () => 2 * (layout().radius + layout().top);
  return (
    <svg
      class={`profile-radar ${props.class ?? ''}`}
      viewBox={`0 0 ${width()} ${height()}`}
      role="img"
      aria-label={props.label}
      // a name a little wider than its room spills into the panel's padding rather than being cut
      style={{ 'font-size': `${layout().fontSize}px`, overflow: 'visible' }}
    >
      <title>{props.label}</title>
      <g transform={`translate(${layout().side} ${layout().top})`}>
        <For each={[3, 6, RADAR_MAX]}>
          {(level) => (
            <polygon
              points={ring(level)}
              class="profile-radar-ring"
              fill="none"
              stroke="#cfcfd6"
              stroke-width="1"
            />
          )}
        </For>
        <For each={props.names}>
          {(_, i) => {
            const end = () => radarVertex(i(), count(), centre(), layout().radius);
            return (
              <line
                x1={centre()}
                y1={centre()}
                x2={end()[0]}
                y2={end()[1]}
                class="profile-radar-axis"
                stroke="#e3e3e8"
                stroke-width="1"
              />
            );
          }}
        </For>
        <For each={[3, 6, RADAR_MAX]}>
          {(level) => (
            <text
              x={centre() + 3}
              y={centre() - (layout().radius * level) / RADAR_MAX + 3}
              class="profile-radar-tick"
              fill="#6b6c75"
              style={{ 'font-size': `${layout().fontSize * 0.75}px` }}
              dominant-baseline="hanging"
            >
              {level}
            </text>
          )}
        </For>
        <Show when={props.compare}>
          {(levels) => (
            <polygon
              points={radarPoints(levels(), centre(), layout().radius)}
              class="profile-radar-compare"
              fill="none"
              stroke="#55565f"
              stroke-width="1.5"
              stroke-dasharray="5 4"
              stroke-linejoin="round"
            />
          )}
        </Show>
        <polygon
          points={radarPoints(props.now, centre(), layout().radius)}
          class="profile-radar-now"
          fill="rgb(67 56 202 / 0.14)"
          stroke="#4338ca"
          stroke-width="2"
          stroke-linejoin="round"
        />
        <For each={props.names}>
          {(name, i) => (
            <RadarName name={name} index={i()} count={count()} centre={centre()} layout={layout()} />
          )}
        </For>
      </g>
    </svg>
  );
}

/** A dimension's name just outside the radar, anchored away from it, centred on its axis. */
function RadarName(props: {
  name: string;
  index: number;
  count: number;
  centre: number;
  layout: RadarLayout;
}) {
  const at = () => radarVertex(props.index, props.count, props.centre, props.layout.radius + 8);
  const anchor = () => {
    const dx = at()[0] - props.centre;
    return Math.abs(dx) < 8 ? 'middle' : dx > 0 ? 'start' : 'end';
  };
  const lines = () => wrapLabel(props.name);
  // The block of lines is centred on the axis end; at the top and bottom it sits outside it.
  const firstY = () => {
    const dy = at()[1] - props.centre;
    const block = (lines().length - 1) * LINE * props.layout.fontSize;
    if (anchor() === 'middle') return dy < 0 ? at()[1] - block : at()[1];
    return at()[1] - block / 2;
  };
  const baseline = () => {
    if (anchor() !== 'middle') return 'middle';
    return at()[1] < props.centre ? 'auto' : 'hanging';
  };
  return (
    <text
      x={at()[0]}
      y={firstY()}
      text-anchor={anchor()}
      dominant-baseline={baseline()}
      class="profile-radar-label"
      fill="#1b1b1f"
    >
      <For each={lines()}>
        {(line, i) => (
          <tspan x={at()[0]} dy={i() === 0 ? 0 : `${LINE}em`}>
            {line}
          </tspan>
        )}
      </For>
    </text>
  );
}
