/**
 * The portfolio analytics' arithmetic, on rows already read: pure functions, so each figure's
 * rule is stated once and tested on its own. Days are counted in UTC.
 */
import type { OutcomeCounts, PortfolioAnalytics, StageDuration } from '../../shared/schemas/analytics.ts';
import { type DimensionId, dimensionIds, STAGE_COUNT } from '../../shared/vocabularies.ts';

const DAY_MS = 86_400_000;

export interface ProjectFacts {
  id: string;
  title: string;
  track: string;
  createdAt: Date;
  archived: boolean;
}

/** A project's stage or archive change, from the audit trail, in order. */
export interface StageEvent {
  projectId: string;
  at: Date;
  /** the stage entered (a creation or a stage change) */
  stage?: number;
  /** archived or brought back */
  archived?: boolean;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

const days = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / DAY_MS);

/**
 * How long each stay in a stage lasted, per track: a stay starts when the project is created in
 * a stage or enters it, and ends when it enters another stage or is archived. Stays still under
 * way are counted apart, with their days so far.
 */
export function stageDurations(projects: ProjectFacts[], events: StageEvent[], now: Date): StageDuration[] {
  const byProject = new Map<string, StageEvent[]>();
  for (const e of events) {
    const list = byProject.get(e.projectId) ?? [];
    list.push(e);
    byProject.set(e.projectId, list);
  }
  const ended = new Map<string, number[]>();
  const ongoing = new Map<string, number[]>();
  const add = (into: Map<string, number[]>, track: string, stage: number, d: number) => {
    const key = `${track}\u0000${stage}`;
    into.set(key, [...(into.get(key) ?? []), d]);
  };
  for (const p of projects) {
    let stay: { stage: number; since: Date } | null = null;
    for (const e of byProject.get(p.id) ?? []) {
      if (e.stage !== undefined) {
        if (stay && stay.stage !== e.stage) add(ended, p.track, stay.stage, days(stay.since, e.at));
        if (!stay || stay.stage !== e.stage) stay = { stage: e.stage, since: e.at };
      } else if (e.archived === true && stay) {
        add(ended, p.track, stay.stage, days(stay.since, e.at));
        stay = null;
      }
    }
    if (stay && !p.archived) add(ongoing, p.track, stay.stage, days(stay.since, now));
  }
  const tracks = [...new Set(projects.map((p) => p.track))].sort();
  const rows: StageDuration[] = [];
  for (const track of tracks)
    for (let stage = 0; stage < STAGE_COUNT; stage++) {
      const done = ended.get(`${track}\u0000${stage}`) ?? [];
      const now = ongoing.get(`${track}\u0000${stage}`) ?? [];
      rows.push({
        track,
        stage,
        medianDays: median(done),
        completed: done.length,
        current: now.length,
        currentMedianDays: median(now),
      });
    }
  return rows;
}

export const emptyCounts = (): OutcomeCounts => ({ go: 0, conditional_go: 0, hold: 0, recycle: 0, kill: 0 });

export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** Every quarter from the first decision's to the present's, empty ones included, so gaps show. */
export function outcomesByQuarter(
  decisions: { outcome: keyof OutcomeCounts; at: Date }[],
  now: Date,
): PortfolioAnalytics['gateOutcomes'] {
  const totals = emptyCounts();
  const byQuarter: PortfolioAnalytics['gateOutcomes']['byQuarter'] = [];
  if (decisions.length === 0) return { totals, byQuarter };
  const first = new Date(Math.min(...decisions.map((d) => d.at.getTime())));
  const index = new Map<string, OutcomeCounts>();
  let year = first.getUTCFullYear();
  let q = Math.floor(first.getUTCMonth() / 3);
  const last = quarterOf(now);
  for (;;) {
    const quarter = `${year}-Q${q + 1}`;
    const counts = emptyCounts();
    byQuarter.push({ quarter, counts });
    index.set(quarter, counts);
    if (quarter === last || byQuarter.length > 400) break;
    q = (q + 1) % 4;
    if (q === 0) year++;
  }
  for (const d of decisions) {
    totals[d.outcome]++;
    const counts = index.get(quarterOf(d.at));
    if (counts) counts[d.outcome]++;
  }
  return { totals, byQuarter };
}

export interface MilestoneFacts {
  id: string;
  projectId: string;
  title: string;
  /** YYYY-MM-DD */
  due: string | null;
  done: boolean;
  /** when it was last marked done; null when unknown or open */
  doneAt: Date | null;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function monthsAround(now: Date, back: number, ahead: number): string[] {
  const months: string[] = [];
  for (let i = -back; i <= ahead; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}

/**
 * Planned against actual: a milestone is late when it was marked done after its due day, overdue
 * when it is open past it. A done milestone whose day of completion is unknown is left out of
 * the split rather than guessed.
 */
export function milestoneSlip(
  milestones: MilestoneFacts[],
  titles: Map<string, string>,
  now: Date,
): PortfolioAnalytics['milestones'] {
  const today = dayOf(now);
  const months = monthsAround(now, 17, 6);
  const byMonth = new Map(
    months.map((month) => [month, { month, onTime: 0, late: 0, overdue: 0, upcoming: 0 }]),
  );
  const figures = { doneOnTime: 0, doneLate: 0, overdue: 0, upcoming: 0 };
  const slips: number[] = [];
  const worst: PortfolioAnalytics['milestones']['worst'] = [];
  for (const m of milestones) {
    if (!m.due) continue;
    const bucket = byMonth.get(m.due.slice(0, 7));
    let slip = 0;
    if (m.done) {
      if (!m.doneAt) continue;
      slip = dayCount(m.due, dayOf(m.doneAt));
      if (slip > 0) {
        figures.doneLate++;
        if (bucket) bucket.late++;
      } else {
        figures.doneOnTime++;
        if (bucket) bucket.onTime++;
      }
    } else {
      slip = dayCount(m.due, today);
      if (slip > 0) {
        figures.overdue++;
        if (bucket) bucket.overdue++;
      } else {
        figures.upcoming++;
        if (bucket) bucket.upcoming++;
      }
    }
    if (slip > 0) {
      slips.push(slip);
      worst.push({
        projectId: m.projectId,
        projectTitle: titles.get(m.projectId) ?? '',
        milestoneId: m.id,
        title: m.title,
        due: m.due,
        doneAt: m.done && m.doneAt ? m.doneAt.toISOString() : null,
        slipDays: slip,
      });
    }
  }
  worst.sort((a, b) => b.slipDays - a.slipDays || a.due.localeCompare(b.due));
  return {
    ...figures,
    medianSlipDays: median(slips),
    byMonth: [...byMonth.values()],
    worst: worst.slice(0, 10),
  };
}

/** A readiness level as the audit trail records its change. */
export interface LevelEvent {
  projectId: string;
  dimension: string;
  at: Date;
  before: unknown;
  after: unknown;
}

const isLevel = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 9;
const isDimension = (v: string): v is DimensionId => (dimensionIds as readonly string[]).includes(v);

/**
 * Each dimension's mean level across the portfolio at each month's end (the present for the
 * current month), over the projects that existed, were not archived, and had a level for it.
 * A level known before its first recorded change (its `before`) holds from the project's start;
 * a level with no recorded change (the current rows) too.
 */
export function readinessProgression(
  projects: ProjectFacts[],
  events: LevelEvent[],
  current: { projectId: string; dimension: string; level: number }[],
  archivedAt: Map<string, Date>,
  now: Date,
): PortfolioAnalytics['readiness'] {
  const series = new Map<string, { at: Date; level: number }[]>();
  const started = new Map(projects.map((p) => [p.id, p.createdAt]));
  for (const e of events) {
    if (!started.has(e.projectId) || !isDimension(e.dimension)) continue;
    const key = `${e.projectId}\u0000${e.dimension}`;
    let list = series.get(key);
    if (!list) {
      list = isLevel(e.before) ? [{ at: started.get(e.projectId)!, level: e.before }] : [];
      series.set(key, list);
    }
    if (isLevel(e.after)) list.push({ at: e.at, level: e.after });
  }
  for (const c of current) {
    const key = `${c.projectId}\u0000${c.dimension}`;
    if (!series.has(key) && started.has(c.projectId) && isDimension(c.dimension) && isLevel(c.level))
      series.set(key, [{ at: started.get(c.projectId)!, level: c.level }]);
  }
  if (projects.length === 0) return { points: [] };
  const first = new Date(Math.min(...projects.map((p) => p.createdAt.getTime())));
  const points: PortfolioAnalytics['readiness']['points'] = [];
  const nowMonth = now.toISOString().slice(0, 7);
  for (let i = 0; i < 240; i++) {
    const start = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1));
    const month = start.toISOString().slice(0, 7);
    const end =
      month === nowMonth ? now : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) - 1);
    const sums = new Map<DimensionId, { sum: number; n: number }>();
    const scored = new Set<string>();
    for (const [key, list] of series) {
      const [projectId, dimension] = key.split('\u0000') as [string, DimensionId];
      const archived = archivedAt.get(projectId);
      if (archived && archived <= end) continue;
      let level: number | null = null;
      for (const point of list) if (point.at <= end) level = point.level;
      if (level === null) continue;
      scored.add(projectId);
      const s = sums.get(dimension) ?? { sum: 0, n: 0 };
      s.sum += level;
      s.n++;
      sums.set(dimension, s);
    }
    const means: Partial<Record<DimensionId, number>> = {};
    for (const [dimension, s] of sums) means[dimension] = Math.round((s.sum / s.n) * 100) / 100;
    points.push({ month, projects: scored.size, means });
    if (month === nowMonth) break;
  }
  return { points };
}
