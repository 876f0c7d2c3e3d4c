import { For, Show } from 'solid-js';
import { radarPoints, radarVertex } from '../portfolio/maturity.ts';

/**
 * A readiness radar drawn as SVG, so that it prints sharp: the levels now (solid) and, when
 * known, at the last gate (dashed), with the dimension names around it. The table beside it in
 * the report carries the same numbers for those who cannot see it.
 */
export function ReportRadar(props: {
  names: string[];
  now: (number | null)[];
  lastGate: (number | null)[] | null;
  label: string;
}) {
  // The radar in a square, with room on both sides for the dimension names.
  const size = 340;
  const side = 120;
  const centre = size / 2;
  const radius = 120;
  const count = () => props.names.length;
  const ring = (level: number) => radarPoints(Array(count()).fill(level), centre, radius);
  return (
    <svg class="report-radar" viewBox={`0 0 ${size + 2 * side} ${size}`} role="img" aria-label={props.label}>
      <title>{props.label}</title>
      <g transform={`translate(${side} 0)`}>
        <For each={[3, 6, 9]}>{(level) => <polygon points={ring(level)} class="report-radar-ring" />}</For>
        <For each={props.names}>
          {(_, i) => {
            const [x, y] = radarVertex(i(), count(), centre, radius);
            return <line x1={centre} y1={centre} x2={x} y2={y} class="report-radar-axis" />;
          }}
        </For>
        <Show when={props.lastGate}>
          {(levels) => <polygon points={radarPoints(levels(), centre, radius)} class="report-radar-gate" />}
        </Show>
        <polygon points={radarPoints(props.now, centre, radius)} class="report-radar-now" />
        <For each={props.names}>
          {(name, i) => {
            const [x, y] = radarVertex(i(), count(), centre, radius + 12);
            const anchor = Math.abs(x - centre) < 8 ? 'middle' : x > centre ? 'start' : 'end';
            return (
              <text x={x} y={y} text-anchor={anchor} dominant-baseline="middle" class="report-radar-label">
                {name}
              </text>
            );
          }}
        </For>
      </g>
    </svg>
  );
}
