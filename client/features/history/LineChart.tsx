import type { Chart } from 'chart.js';
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { LineSeries } from './series.ts';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif';

/**
 * A stepped line chart over time (x in epoch ms). chart.js is loaded on first display, as the
 * room's radar does, so no other screen pays for it. The canvas carries a text summary for
 * screen readers; callers show the same facts as text elsewhere.
 */
export function LineChart(props: {
  series: LineSeries[];
  from: number;
  to: number;
  yMax: number;
  yLabel: string;
  summary: string;
  formatX: (ms: number) => string;
  formatTooltipX: (ms: number) => string;
  loadingText: string;
  failedText: string;
  stacked?: boolean;
}) {
  const [status, setStatus] = createSignal<'loading' | 'ready' | 'failed'>('loading');
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'line', { x: number; y: number }[]> | null = null;
  let disposed = false;

  const datasets = () =>
    props.series.map((s, i) => ({
      label: s.label,
      data: s.points,
      borderColor: s.color,
      backgroundColor: s.color,
      // stacked: each band fills down to the one below it, not to the axis
      fill: props.stacked ? (i === 0 ? 'origin' : '-1') : false,
      // horizontal to the next point, then up or down: a value holds until it changes
      stepped: 'before' as const,
      pointRadius: 2,
      borderWidth: 2,
    }));

  onMount(async () => {
    try {
      const { Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } =
        await import('chart.js');
      if (disposed) return;
      Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler);
      const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      chart = new Chart(canvas, {
        type: 'line',
        data: { datasets: datasets() },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: reduceMotion ? false : { duration: 200 },
          interaction: { mode: 'nearest', intersect: false },
          plugins: {
            legend: {
              position: 'bottom',
              labels: { boxWidth: 12, boxHeight: 3, font: { size: 11, family: FONT }, color: '#1b1b1f' },
            },
            tooltip: {
              callbacks: { title: (items) => props.formatTooltipX(Number(items[0]?.parsed.x ?? 0)) },
            },
          },
          scales: {
            x: {
              type: 'linear',
              min: props.from,
              max: props.to,
              ticks: {
                maxTicksLimit: 5,
                color: '#6b6c75',
                font: { size: 10 },
                callback: (v) => props.formatX(Number(v)),
              },
              grid: { color: '#eeeef2' },
            },
            y: {
              min: 0,
              max: props.yMax,
              stacked: props.stacked ?? false,
              title: { display: true, text: props.yLabel, color: '#6b6c75', font: { size: 11 } },
              ticks: {
                stepSize: props.yMax > 12 ? undefined : 1,
                precision: 0,
                color: '#6b6c75',
                font: { size: 10 },
              },
              grid: { color: '#eeeef2' },
            },
          },
        },
      });
      setStatus('ready');
    } catch (err) {
      console.warn('chart.js not loaded', err);
      setStatus('failed');
    }
  });

  createEffect(() => {
    const next = datasets();
    const from = props.from;
    const to = props.to;
    const yMax = props.yMax;
    if (!chart || status() !== 'ready') return;
    chart.data.datasets = next;
    const x = chart.options.scales?.x;
    if (x) Object.assign(x, { min: from, max: to });
    const y = chart.options.scales?.y;
    if (y) Object.assign(y, { max: yMax });
    chart.update();
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
  });

  return (
    <div class="history-chart">
      <div class="history-chart-canvas" classList={{ 'is-hidden': status() === 'failed' }}>
        <canvas ref={canvas} role="img" aria-label={props.summary} />
      </div>
      <Show when={status() === 'loading'}>
        <p class="muted small history-chart-status">{props.loadingText}</p>
      </Show>
      <Show when={status() === 'failed'}>
        <p class="muted small">{props.failedText}</p>
      </Show>
    </div>
  );
}
