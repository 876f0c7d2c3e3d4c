/**
 * The pure decisions about a service request: whether a status change is allowed, what it
 * stamps, what it does to the tracking milestone, and the medians of the load view.
 */
import type { MilestoneStatus } from '../../shared/domain.ts';
import { canMove, type RequestStatus, requestTransitions } from '../../shared/services.ts';
import { AppError } from '../errors.ts';

export function requireTransition(from: RequestStatus, to: RequestStatus): void {
  if (canMove(from, to)) return;
  const next = requestTransitions[from];
  throw new AppError(
    'conflict',
    next.length
      ? `A ${label(from)} request can move to ${next.map(label).join(' or ')}, not to ${label(to)}`
      : `A ${label(from)} request is closed: it cannot move to ${label(to)}`,
  );
}

const label = (s: RequestStatus) => s.replace('_', ' ');

/** The timestamps a move to `to` sets. */
export function stampsFor(to: RequestStatus, now: Date): { decidedAt?: Date; deliveredAt?: Date } {
  if (to === 'accepted' || to === 'declined') return { decidedAt: now };
  if (to === 'delivered') return { deliveredAt: now };
  return {};
}

/** What a move does to the milestone that tracks the request. */
export function milestoneEffect(
  to: RequestStatus,
  scheduledFor: string | null,
): { due?: string; status?: MilestoneStatus } | null {
  if (to === 'scheduled' && scheduledFor) return { due: scheduledFor, status: 'in_progress' };
  if (to === 'delivered') return { status: 'done' };
  return null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const DAY_MS = 86_400_000;
export const days = (from: Date, to: Date) =>
  Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;

/**
 * Whether a caller handles a request: a manager handles every one; a request naming a hospital
 * is handled by that hospital's data office only; any other by its service's handling team.
 */
export function handlerOf(
  scope: { any: boolean; services: ReadonlySet<string>; hospitals: ReadonlySet<string> },
  serviceId: string,
  dataHospitalId: string | null,
): boolean {
  if (scope.any) return true;
  return dataHospitalId ? scope.hospitals.has(dataHospitalId) : scope.services.has(serviceId);
}
