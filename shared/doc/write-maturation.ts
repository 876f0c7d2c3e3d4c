/**
 * Typed writers for readiness scores and gate criterion checks. Like the milestone writers,
 * each validates everything first (a bad value throws and leaves the document as it was), then
 * writes in one `doc.transact(fn, origin)`.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { DimensionId, ReadinessLevel } from '../domain.ts';
import { replaceText } from './plain-text.ts';
import { type EntryMap, projectRoots } from './read.ts';
import { CriterionEvidence, CriterionId, LIMITS, parseOrThrow, UserId } from './shape.ts';

const ReadinessEvidenceText = z
  .string()
  .max(LIMITS.readinessEvidence, `must be at most ${LIMITS.readinessEvidence} characters`);

export const CriterionCheckInput = z.strictObject({
  checked: z.boolean(),
  /** left out: keep the current evidence */
  evidence: CriterionEvidence.optional(),
});
export type CriterionCheckInput = z.input<typeof CriterionCheckInput>;

/** Writes a new readiness entry; call inside a transaction with validated values. */
export function insertReadiness(
  doc: Y.Doc,
  dimension: DimensionId,
  v: { level: number; evidence: string; updatedBy: string; updatedAt: number },
): EntryMap {
  const e = projectRoots(doc).readiness.set(dimension, new Y.Map<unknown>());
  e.set('level', v.level);
  e.set('evidence', new Y.Text(v.evidence));
  e.set('updatedBy', v.updatedBy);
  e.set('updatedAt', v.updatedAt);
  return e;
}

/** Scores one readiness dimension 1–9 (creating its entry, with empty evidence, if needed). */
export function setReadinessLevel(
  doc: Y.Doc,
  dimension: DimensionId,
  level: number,
  actor: string,
  origin: unknown = null,
): void {
  const dim = parseOrThrow(DimensionId, dimension, 'readiness dimension');
  const lvl = parseOrThrow(ReadinessLevel, level, 'readiness level');
  const by = parseOrThrow(UserId, actor, 'actor');
  doc.transact(() => {
    const e = projectRoots(doc).readiness.get(dim);
    if (!(e instanceof Y.Map)) {
      insertReadiness(doc, dim, { level: lvl, evidence: '', updatedBy: by, updatedAt: Date.now() });
      return;
    }
    if (e.get('level') === lvl) return;
    e.set('level', lvl);
    e.set('updatedBy', by);
    e.set('updatedAt', Date.now());
  }, origin);
}

/** Replaces the evidence text of a dimension that already has a level. */
export function setReadinessEvidence(
  doc: Y.Doc,
  dimension: DimensionId,
  text: string,
  actor: string,
  origin: unknown = null,
): void {
  const dim = parseOrThrow(DimensionId, dimension, 'readiness dimension');
  const value = parseOrThrow(ReadinessEvidenceText, text, 'readiness evidence');
  const by = parseOrThrow(UserId, actor, 'actor');
  const e = projectRoots(doc).readiness.get(dim);
  if (!(e instanceof Y.Map))
    throw new Error(`Readiness "${dim}" has no level yet: score it before adding evidence`);
  doc.transact(() => {
    const current = e.get('evidence');
    const before = current instanceof Y.Text ? current.toString() : null;
    if (before === value) return;
    if (current instanceof Y.Text && !(current instanceof Y.XmlText)) replaceText(current, value);
    else e.set('evidence', new Y.Text(value));
    e.set('updatedBy', by);
    e.set('updatedAt', Date.now());
  }, origin);
}

/** Checks or unchecks a gate criterion, optionally with new evidence. */
export function setCriterionCheck(
  doc: Y.Doc,
  criterionId: string,
  check: CriterionCheckInput,
  actor: string,
  origin: unknown = null,
): void {
  const id = parseOrThrow(CriterionId, criterionId, 'criterion id');
  const v = parseOrThrow(CriterionCheckInput, check, 'criterion check');
  const by = parseOrThrow(UserId, actor, 'actor');
  doc.transact(() => {
    const criteria = projectRoots(doc).criteria;
    const existing = criteria.get(id);
    const e = existing instanceof Y.Map ? existing : criteria.set(id, new Y.Map<unknown>());
    if (e !== existing) e.set('evidence', '');
    // who checked it and when change only when the check itself changes
    if (e.get('checked') !== v.checked) {
      e.set('checked', v.checked);
      e.set('checkedBy', v.checked ? by : null);
      e.set('checkedAt', v.checked ? Date.now() : null);
    }
    if (v.evidence !== undefined && e.get('evidence') !== v.evidence) e.set('evidence', v.evidence);
  }, origin);
}
