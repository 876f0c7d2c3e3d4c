/**
 * The milestones' pure decisions, free of Solid and of the DOM so that they are tested in a
 * table: board columns, what counts as overdue, where a drop or a "move up" puts a milestone,
 * and the timeline's months and positions.
 */
import type { MoveTarget } from '../../../shared/doc/write-milestones.ts';
import type { MilestoneStatus } from '../../../shared/domain.ts';

/** The drag payload type of a milestone card (its id). */
export const DRAG_TYPE = 'application/x-jalon-milestone';

export const STATUSES = [
  'planned',
  'in_progress',
  'at_risk',
  'blocked',
  'done',
] as const satisfies readonly MilestoneStatus[];

/** What the room needs of a milestone (the document's `Milestone`, or a test's stand-in). */
export interface MilestoneLike {
  id: string;
  title: string;
  status: MilestoneStatus;
  due: string | null;
  order: string;
  dependsOn: readonly string[];
}

/** The milestones of each status, each column in document order (the input's order). */
export function boardColumns<M extends MilestoneLike>(
  milestones: readonly M[],
): Record<MilestoneStatus, M[]> {
  const columns: Record<MilestoneStatus, M[]> = {
    planned: [],
    in_progress: [],
    at_risk: [],
    blocked: [],
    done: [],
  };
  for (const m of milestones) columns[m.status].push(m);
  return columns;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Due before today and not done. */
export const isOverdue = (m: Pick<MilestoneLike, 'due' | 'status'>, today: string): boolean =>
  m.status !== 'done' && m.due !== null && m.due < today;

/** At risk or blocked: the statuses that must catch the eye. */
export const needsAttention = (m: Pick<MilestoneLike, 'status'>): boolean =>
  m.status === 'at_risk' || m.status === 'blocked';

/** Dependencies that are not done yet, as milestones (unknown ids are ignored). */
export function openDependencies<M extends MilestoneLike>(
  m: MilestoneLike,
  byId: ReadonlyMap<string, M>,
): M[] {
  const open: M[] = [];
  for (const id of m.dependsOn) {
    const dep = byId.get(id);
    if (dep && dep.status !== 'done') open.push(dep);
  }
  return open;
}

/**
 * Where a card dropped into `column` lands, the column read without the dragged card:
 * before `beforeId`, or after the column's last card, or (an empty column) nowhere in particular.
 */
export function dropMoveTarget(
  column: readonly Pick<MilestoneLike, 'id'>[],
  draggedId: string,
  beforeId: string | null,
): MoveTarget | null {
  const others = column.filter((m) => m.id !== draggedId);
  if (beforeId !== null && beforeId !== draggedId && others.some((m) => m.id === beforeId))
    return { before: beforeId };
  const last = others[others.length - 1];
  return last ? { after: last.id } : null;
}

/** "Move up/down" within a column: the target, or null at the column's edge. */
export function stepMoveTarget(
  column: readonly Pick<MilestoneLike, 'id'>[],
  id: string,
  direction: 'up' | 'down',
): MoveTarget | null {
  const i = column.findIndex((m) => m.id === id);
  if (i < 0) return null;
  if (direction === 'up') return i > 0 ? { before: column[i - 1]!.id } : null;
  return i < column.length - 1 ? { after: column[i + 1]!.id } : null;
}

// ── timeline ─────────────────────────────────────────────────────────────────────────

export interface TimelineMonth {
  /** 'YYYY-MM-01' */
  start: string;
  /** 0–1 from the left edge of the range */
  left: number;
  width: number;
}

export interface TimelineRow<M> {
  milestone: M;
  /** 0–1: where the due date sits */
  at: number;
  /** 0–1: where the bar starts (the latest due date among its dependencies), if before `at` */
  from: number | null;
  overdue: boolean;
}

export interface TimelineModel<M> {
  months: TimelineMonth[];
  /** 0–1: today's line */
  today: number;
  rows: TimelineRow<M>[];
  undated: M[];
}

const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
function addMonths(first: string, n: number): string {
  const y = +first.slice(0, 4);
  const m = +first.slice(5, 7) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** Milestones by due date on a month axis that spans them and today (at least four months). */
export function timelineModel<M extends MilestoneLike>(
  milestones: readonly M[],
  today: string,
): TimelineModel<M> {
  const dated = milestones
    .filter((m) => m.due !== null)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : a.order < b.order ? -1 : 1));
  const undated = milestones.filter((m) => m.due === null);
  const dues = dated.map((m) => m.due!);
  const first = monthStart([today, ...dues].reduce((a, b) => (a < b ? a : b)));
  let last = monthStart([today, ...dues].reduce((a, b) => (a > b ? a : b)));
  while (monthsBetween(first, last) < 3) last = addMonths(last, 1);
  const end = addMonths(last, 1);
  const span = daysBetween(first, end);
  const pos = (iso: string) => Math.min(1, Math.max(0, daysBetween(first, iso) / span));

  const months: TimelineMonth[] = [];
  for (let m = first; m < end; m = addMonths(m, 1))
    months.push({ start: m, left: pos(m), width: pos(addMonths(m, 1)) - pos(m) });

  const dueById = new Map(dated.map((m) => [m.id, m.due!]));
  const rows = dated.map((m) => {
    const depDues = m.dependsOn.map((id) => dueById.get(id)).filter((d): d is string => !!d && d < m.due!);
    const latest = depDues.sort().at(-1);
    const from = latest ? pos(latest) : null;
    return { milestone: m, at: pos(m.due!), from, overdue: isOverdue(m, today) };
  });
  return { months, today: pos(today), rows, undated };
}

const monthsBetween = (a: string, b: string) =>
  (+b.slice(0, 4) - +a.slice(0, 4)) * 12 + (+b.slice(5, 7) - +a.slice(5, 7));

/**
 * Milestones that `id` must not come to depend on: itself and every milestone that depends on
 * it, directly or through others (a cycle would block both forever).
 */
export function dependentsOf(milestones: readonly MilestoneLike[], id: string): Set<string> {
  const dependents = new Map<string, string[]>();
  for (const m of milestones)
    for (const dep of m.dependsOn) dependents.set(dep, [...(dependents.get(dep) ?? []), m.id]);
  const found = new Set([id]);
  const queue = [id];
  while (queue.length) {
    for (const next of dependents.get(queue.pop()!) ?? []) {
      if (found.has(next)) continue;
      found.add(next);
      queue.push(next);
    }
  }
  return found;
}
