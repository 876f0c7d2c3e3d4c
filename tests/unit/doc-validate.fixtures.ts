/** What the doc-validate tests share: a shadow copy that validates, raw edits, a small project. */
import * as Y from 'yjs';
import {
  applyAndValidate,
  createMilestone,
  type Problem,
  setCriterionCheck,
  setReadinessEvidence,
  setReadinessLevel,
} from '../../shared/doc/index.ts';

/**
 * The server's plan, in miniature: a shadow copy of the real document receives each update in a
 * transaction of its own and validates what that transaction (and any Yjs runs after it) changed.
 */
export function makeShadow(from: Y.Doc) {
  const shadow = new Y.Doc();
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(from));
  return { shadow, check: (update: Uint8Array): Problem[] => applyAndValidate(shadow, update) };
}

/** A client that bypasses the writers, starting from `base`; returns the update of `edit`. */
export function rawEdit(base: Y.Doc, edit: (raw: Y.Doc) => void): Uint8Array {
  const raw = new Y.Doc();
  Y.applyUpdate(raw, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(raw);
  edit(raw);
  return Y.encodeStateAsUpdate(raw, before);
}

/** A document with two milestones, a readiness level with its evidence, and one criterion. */
export function project() {
  const doc = new Y.Doc();
  const id = createMilestone(doc, { title: 'GLP toxicology', description: 'Report', stage: 3 }, 'u');
  const other = createMilestone(doc, { title: 'Vector batch' }, 'u');
  setReadinessLevel(doc, 'technology', 4, 'u');
  setReadinessEvidence(doc, 'technology', 'In vivo data', 'u');
  setCriterionCheck(doc, 'therapeutics:t-g2-glp-tox-plan', { checked: false }, 'u');
  return { doc, id, other };
}

export const milestone = (raw: Y.Doc, id: string) => raw.getMap<Y.Map<unknown>>('milestones').get(id)!;
export const paths = (problems: Problem[]) => problems.map((p) => p.path);
