/**
 * What changed between two readings of one entity (a milestone, a readiness dimension, a
 * criterion check), as the audit trail records it: its creation, its deletion, or one change per
 * field (before → after). The entry's own bookkeeping (updatedAt, updatedBy) is not a change.
 */
import type { Entry } from './projection-rows.ts';

export interface EntryChange {
  action: 'create' | 'delete' | 'update';
  /** the field, for an update */
  field: string | null;
  before: unknown;
  after: unknown;
}

export const BOOKKEEPING = new Set(['updatedAt', 'updatedBy']);

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function entryChanges(before: Entry | undefined, after: Entry | undefined): EntryChange[] {
  if (sameJson(before, after)) return [];
  if (!before) return after ? [{ action: 'create', field: null, before: null, after }] : [];
  if (!after) return [{ action: 'delete', field: null, before, after: null }];
  const changes: EntryChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (BOOKKEEPING.has(field) || sameJson(after[field], before[field])) continue;
    changes.push({ action: 'update', field, before: before[field] ?? null, after: after[field] ?? null });
  }
  return changes;
}
