import type { Chart } from 'chart.js';
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';

/** The page's own font, so that the chart measures its labels as it draws them. */
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, sans-serif';

/** Long dimension names on two lines ("Intellectual / property"), so that they fit beside the chart. */
function wrapLabel(label: string): string | string[] {
  if (label.length <= 12) return label;
  const words = label.split(' ');
  let best: [string, string] = [label, ''];
  for (let i = 1; i < words.length; i++) {
    const candidate: [string, string] = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    if (Math.max(...candidate.map((x) => x.length)) < Math.max(...best.map((x) => x.length)))
      best = candidate;
  }
  return best[1] ? best : label;
}

/** The dashed grey profile behind the current one, when there is one to compare with. */
function compareDataset(compare: { label: string; values: number[] } | null | undefined) {
  if (!compare) return [];
  return [
    {
      label: compare.label,
      data: [...compare.values],
      borderColor: '#6b6c75',
      backgroundColor: 'transparent',
      borderDash: [5, 4],
      pointBackgroundColor: '#6b6c75',
      pointRadius: 2,
      borderWidth: 1.5,
    },
  ];
}

/**
 * The readiness profile as a radar chart. chart.js is loaded on first display (about 70 kB
 * gzipped), so no other route pays for it. The canvas has a text summary for screen readers;
 * the list beside it carries the same numbers.
 */
export function RadarChart(props: {
  labels: string[];
  values: number[];
  seriesLabel: string;
  summary: string;
  /** a second profile drawn dashed behind the first (the levels at the last gate) */
  compare?: { label: string; values: number[] } | null;
}) {
  const { t } = useI18n();
  const [status, setStatus] = createSignal<'loading' | 'ready' | 'failed'>('loading');
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'radar'> | null = null;
  let disposed = false;

  onMount(async () => {
    try {
      const { Chart, Filler, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } =
        await import('chart.js');
      if (disposed) return;
      Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip);
      const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      chart = new Chart(canvas, {
        type: 'radar',
        data: {
          labels: props.labels.map(wrapLabel),
          datasets: [
            ...compareDataset(props.compare),
            {
              label: props.seriesLabel,
              data: [...props.values],
              borderColor: '#4338ca',
              backgroundColor: 'rgba(67, 56, 202, 0.14)',
              pointBackgroundColor: '#4338ca',
              pointRadius: 3,
              borderWidth: 2,
            },
          ],
        },
        options: {
          responsive: true,
          maintainAspectRatio: true,
          aspectRatio: 1.25,
          animation: reduceMotion ? false : { duration: 250 },
          // chart.js measures point labels a little short: leave them room at the sides
          layout: { padding: { left: 16, right: 16, top: 0, bottom: 0 } },
          plugins: { legend: { display: false }, tooltip: { enabled: true } },
          scales: {
            r: {
              min: 0,
              max: 9,
              ticks: {
                stepSize: 3,
                display: true,
                backdropColor: 'transparent',
                color: '#6b6c75',
                font: { size: 10 },
              },
              pointLabels: { color: '#1b1b1f', font: { size: 11, family: FONT }, padding: 6 },
              grid: { color: '#e3e3e8' },
              angleLines: { color: '#e3e3e8' },
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
    const labels = [...props.labels];
    const values = [...props.values];
    const label = props.seriesLabel;
    const compare = props.compare ? { label: props.compare.label, values: [...props.compare.values] } : null;
    if (!chart || status() !== 'ready') return;
    chart.data.labels = labels.map(wrapLabel);
    chart.data.datasets = [
      ...compareDataset(compare),
      { ...chart.data.datasets.at(-1)!, label, data: values },
    ];
    chart.update();
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
  });

  return (
    <div class="room-radar">
      <div class="room-radar-canvas" classList={{ 'is-hidden': status() === 'failed' }}>
        <canvas ref={canvas} role="img" aria-label={props.summary} />
      </div>
      <Show when={status() === 'loading'}>
        <p class="muted small room-radar-status">{t().room.readiness.chartLoading}</p>
      </Show>
      <Show when={status() === 'failed'}>
        <p class="muted small">{t().room.readiness.chartFailed}</p>
      </Show>
      <p class="room-radar-legend" aria-hidden="true">
        <span class="room-radar-swatch" /> {props.seriesLabel}
        <Show when={props.compare}>
          {(compare) => (
            <>
              <span class="room-radar-swatch room-radar-swatch-compare" /> <span>{compare().label}</span>
            </>
          )}
        </Show>
      </p>
    </div>
  );
}
