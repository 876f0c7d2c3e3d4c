/** Pure helpers that turn history series into chart lines (tested without a browser). */
import type { Locale } from '../../../shared/domain.ts';
import type { ReadinessSeries, StagesOverTime } from '../../../shared/history.ts';
import { dimensionIds, STAGE_COUNT } from '../../../shared/vocabularies.ts';
import { displayTimeZone } from '../../i18n/format.ts';

export interface LineSeries {
  label: string;
  /** x = epoch ms; each value holds until the next point */
  points: { x: number; y: number }[];
  color: string;
}

/** Distinct, readable on white, in an order that keeps neighbours apart. */
export const SERIES_COLORS = [
  '#4338ca',
  '#b42318',
  '#067647',
  '#b54708',
  '#6941c6',
  '#0e7090',
  '#c11574',
  '#475467',
  '#854a0e',
];

/** Tick labels for a time axis: seconds within the hour, hours within a day and a half, dates beyond. */
export function timeTicks(locale: Locale, from: number, to: number): (ms: number) => string {
  const span = to - from;
  const format = new Intl.DateTimeFormat(locale, {
    ...(span < 3_600_000
      ? { timeStyle: 'medium' }
      : span < 36 * 3_600_000
        ? { timeStyle: 'short' }
        : { dateStyle: 'medium' }),
    timeZone: displayTimeZone(),
  });
  return (ms) => format.format(new Date(ms));
}

/** One line per scored dimension, holding each level until the next change, up to now. */
export function readinessLines(series: ReadinessSeries, name: (id: string) => string): LineSeries[] {
  const to = Date.parse(series.to);
  return dimensionIds.flatMap((id, i) => {
    const points = series.points.flatMap((p) => {
      const y = p.levels[id];
      return y === undefined ? [] : [{ x: Date.parse(p.at), y }];
    });
    const last = points.at(-1);
    if (!last) return [];
    return [
      {
        label: name(id),
        color: SERIES_COLORS[i % SERIES_COLORS.length]!,
        points: [...points, { x: to, y: last.y }],
      },
    ];
  });
}

/** The funnel's colours: later stages darker (the accent mixed with white, as portfolio.css does). */
function stageColor(stage: number): string {
  const share = Math.min(1, 0.45 + stage * 0.11);
  const accent = [0x43, 0x38, 0xca];
  const mixed = accent.map((c) => Math.round(c * share + 255 * (1 - share)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * One stacked band per stage, each count holding until the next change, up to now; archived
 * projects on top, in grey, once there are any.
 */
export function stageLines(
  series: StagesOverTime,
  stageName: (i: number) => string,
  archivedLabel = 'Archived',
): LineSeries[] {
  const to = Date.parse(series.to);
  const last = series.points.at(-1);
  const band = (label: string, color: string, value: (p: StagesOverTime['points'][number]) => number) => ({
    label,
    color,
    points: [
      ...series.points.map((p) => ({ x: Date.parse(p.at), y: value(p) })),
      ...(last ? [{ x: to, y: value(last) }] : []),
    ],
  });
  const stages = Array.from({ length: STAGE_COUNT }, (_, stage) =>
    band(stageName(stage), stageColor(stage), (p) => p.stages[stage] ?? 0),
  );
  const anyArchived = series.points.some((p) => p.archived > 0);
  return anyArchived ? [...stages, band(archivedLabel, '#98a2b3', (p) => p.archived)] : stages;
}

/** A line's value at `at`: its last point at or before it (0 before its first). */
export function valueAt(series: LineSeries, at: number): number {
  let value = 0;
  for (const p of series.points) {
    if (p.x > at) break;
    value = p.y;
  }
  return value;
}
