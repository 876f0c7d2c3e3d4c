/**
 * The decision being written, kept in this tab's sessionStorage while its signer is away signing
 * in again at their organisation: the page they come back to is a new one, and the draft
 * (outcome, rationale, conditions or deficiencies, a Hold's review date) is restored from here. Keyed by review; read once, then gone.
 */
import type { GateOutcome } from '../../../shared/schemas/gates.ts';

export interface DecisionDraft {
  outcome: GateOutcome;
  rationale: string;
  conditions: { title: string; due: string }[];
  /** a Hold's review date (YYYY-MM-DD), or '' */
  reviewDate: string;
}

const key = (reviewId: string) => `jalon:gate-decision-draft:${reviewId}`;

export function keepDraft(reviewId: string, draft: DecisionDraft): void {
  sessionStorage.setItem(key(reviewId), JSON.stringify(draft));
}

/** The kept draft, if any and well formed; removed as it is read. */
export function takeDraft(reviewId: string): DecisionDraft | null {
  const text = sessionStorage.getItem(key(reviewId));
  sessionStorage.removeItem(key(reviewId));
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as Partial<DecisionDraft>;
    if (typeof draft.outcome !== 'string' || typeof draft.rationale !== 'string') return null;
    const conditions = Array.isArray(draft.conditions)
      ? draft.conditions.filter(
          (c): c is DecisionDraft['conditions'][number] =>
            typeof c?.title === 'string' && typeof c?.due === 'string',
        )
      : [];
    const reviewDate = typeof draft.reviewDate === 'string' ? draft.reviewDate : '';
    return { outcome: draft.outcome, rationale: draft.rationale, conditions, reviewDate };
  } catch {
    // A draft this page cannot read is no draft: the form starts empty.
    return null;
  }
}
