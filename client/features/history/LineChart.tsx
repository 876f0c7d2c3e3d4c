import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { type LineSeries, valueAt } from './series.ts';

/** Room around the plot, in pixels: the y axis's numbers and title, the x axis's dates. */
const PAD = { top: 10, right: 14, bottom: 24, left: 46 };
const FONT_SIZE = 11;
const GRID = '#eeeef2';
const MUTED = '#6b6c75';

/**
 * A stepped line chart over time (x in epoch ms), drawn as SVG at the size of its box (a
 * ResizeObserver follows it), so its text stays legible from a phone to a wide screen and no
 * chart library is bundled. Each value holds until the next point. Its text alternative is the
 * summary (the image's name) and a table of the same values for screen readers; each point
 * tells its value on hover.
 */
export function LineChart(props: {
  series: LineSeries[];
  from: number;
  to: number;
  yMax: number;
  yLabel: string;
  summary: string;
  /** the header of the table's time column */
  whenLabel: string;
  formatX: (ms: number) => string;
  formatTooltipX: (ms: number) => string;
  /** each band on top of the one before it, filled down to it */
  stacked?: boolean;
}) {
  let box!: HTMLDivElement;
  const [size, setSize] = createSignal({ width: 0, height: 0 });
  onMount(() => {
    const measure = () => setSize({ width: box.clientWidth, height: box.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    onCleanup(() => observer.disconnect());
  });

  const plot = () => ({
    width: Math.max(0, size().width - PAD.left - PAD.right),
    height: Math.max(0, size().height - PAD.top - PAD.bottom),
  });
  const x = (ms: number) =>
    PAD.left + ((ms - props.from) / Math.max(1, props.to - props.from)) * plot().width;
  const y = (v: number) => PAD.top + plot().height - (v / Math.max(1, props.yMax)) * plot().height;
  const yTicks = createMemo(() => ticksUpTo(props.yMax));
  const xTicks = createMemo(() => {
    const count = Math.max(2, Math.min(5, Math.floor(plot().width / 110) + 1));
    return Array.from({ length: count }, (_, i) => props.from + ((props.to - props.from) * i) / (count - 1));
  });
  // Stacked: each band's top is the sum of the bands up to it, at each of its points.
  const tops = createMemo(() =>
    props.series.map((s, i) =>
      s.points.map((p) => ({
        x: p.x,
        y: props.stacked ? props.series.slice(0, i + 1).reduce((sum, b) => sum + valueAt(b, p.x), 0) : p.y,
      })),
    ),
  );
  const path = (points: { x: number; y: number }[], dy = 0) =>
    stepPath(points.map((p): [number, number] => [x(p.x), y(p.y) + dy]));
  // Unstacked lines often share a value (three dimensions at level 6): each is drawn a line's
  // width apart from the next, so that all of them show instead of the last one drawn.
  const offset = (i: number) => (props.stacked ? 0 : (i - (props.series.length - 1) / 2) * 2);
  const band = (i: number) => {
    const top = tops()[i]!;
    const below = i === 0 ? top.map((p) => ({ x: p.x, y: 0 })) : tops()[i - 1]!;
    const back = stepPath(below.map((p): [number, number] => [x(p.x), y(p.y)]).reverse(), true);
    return `${path(top)} L${back.slice(1)} Z`;
  };

  return (
    <div class="history-chart">
      <div class="history-chart-canvas" ref={box}>
        <Show when={size().width > 0}>
          <svg
            width={size().width}
            height={size().height}
            role="img"
            aria-label={props.summary}
            style={{ display: 'block', 'font-size': `${FONT_SIZE}px` }}
          >
            <title>{props.summary}</title>
            <For each={yTicks()}>
              {(tick) => (
                <g>
                  <line x1={PAD.left} x2={PAD.left + plot().width} y1={y(tick)} y2={y(tick)} stroke={GRID} />
                  <text
                    x={PAD.left - 6}
                    y={y(tick)}
                    text-anchor="end"
                    dominant-baseline="middle"
                    fill={MUTED}
                  >
                    {tick}
                  </text>
                </g>
              )}
            </For>
            <For each={xTicks()}>
              {(tick, i) => (
                <text
                  x={x(tick)}
                  y={PAD.top + plot().height + 16}
                  text-anchor={i() === 0 ? 'start' : i() === xTicks().length - 1 ? 'end' : 'middle'}
                  fill={MUTED}
                >
                  {props.formatX(tick)}
                </text>
              )}
            </For>
            <text
              transform={`translate(12 ${PAD.top + plot().height / 2}) rotate(-90)`}
              text-anchor="middle"
              fill={MUTED}
            >
              {props.yLabel}
            </text>
            <For each={props.series}>
              {(s, i) => (
                <g>
                  <Show when={props.stacked}>
                    <path d={band(i())} fill={s.color} fill-opacity="0.85" />
                  </Show>
                  <path d={path(tops()[i()]!, offset(i()))} fill="none" stroke={s.color} stroke-width="2" />
                  {/* the last point only carries the value up to now */}
                  <For each={tops()[i()]!.slice(0, -1)}>
                    {(p, k) => (
                      <circle cx={x(p.x)} cy={y(p.y) + offset(i())} r="2.5" fill={s.color}>
                        <title>{`${s.label}: ${s.points[k()]!.y} — ${props.formatTooltipX(p.x)}`}</title>
                      </circle>
                    )}
                  </For>
                </g>
              )}
            </For>
          </svg>
        </Show>
      </div>
      <ul
        class="chart-legend"
        aria-hidden="true"
        style={{
          display: 'flex',
          'flex-wrap': 'wrap',
          gap: '4px 12px',
          margin: '6px 0 0',
          padding: '0',
          'list-style': 'none',
          'font-size': '0.8rem',
        }}
      >
        <For each={props.series}>
          {(s) => (
            <li style={{ display: 'inline-flex', 'align-items': 'center', gap: '5px' }}>
              <span
                class="chart-legend-swatch"
                style={{ width: '12px', height: '3px', 'border-radius': '2px', background: s.color }}
              />
              {s.label}
            </li>
          )}
        </For>
      </ul>
      <DataTable
        series={props.series}
        summary={props.summary}
        whenLabel={props.whenLabel}
        format={props.formatTooltipX}
      />
    </div>
  );
}

/** The chart's values as a table, for screen readers: one row per moment something changed. */
function DataTable(props: {
  series: LineSeries[];
  summary: string;
  whenLabel: string;
  format: (ms: number) => string;
}) {
  // The last point of each line only holds its value up to now: not a change.
  const moments = () =>
    [...new Set(props.series.flatMap((s) => s.points.slice(0, -1).map((p) => p.x)))].sort((a, b) => a - b);
  const cell = (s: LineSeries, at: number) => {
    const first = s.points[0];
    return first && at >= first.x ? String(valueAt(s, at)) : '–';
  };
  // The wrapper hides it: a table is never narrower than its content, whatever its width says,
  // and a hidden table as wide as its columns would widen a phone's page.
  return (
    <div class="visually-hidden">
      <table>
        <caption>{props.summary}</caption>
        <thead>
          <tr>
            <th scope="col">{props.whenLabel}</th>
            <For each={props.series}>{(s) => <th scope="col">{s.label}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={moments()}>
            {(at) => (
              <tr>
                <th scope="row">{props.format(at)}</th>
                <For each={props.series}>{(s) => <td>{cell(s, at)}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** Whole numbers from 0 to `max`, one by one up to 12, else by a round step (2, 5, 10, 20…). */
export function ticksUpTo(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  if (top > 12) {
    const raw = top / 6;
    const power = 10 ** Math.floor(Math.log10(raw));
    step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  }
  return Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
}

/**
 * A path that holds each value until the next point, then moves to it: horizontal, then
 * vertical. Reversed (for the lower edge of a band, drawn right to left), it is vertical first.
 */
function stepPath(points: [number, number][], reversed = false): string {
  if (points.length === 0) return '';
  const [x0, y0] = points[0]!;
  let d = `M${x0},${y0}`;
  for (let i = 1; i < points.length; i++) {
    const [px, py] = points[i - 1]!;
    const [nx, ny] = points[i]!;
    d += reversed ? ` L${px},${ny} L${nx},${ny}` : ` L${nx},${py} L${nx},${ny}`;
  }
  return d;
}
