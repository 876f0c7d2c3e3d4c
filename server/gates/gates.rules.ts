/** Pure rules of the stage gates. */
import type { GateOutcome } from '../../shared/schemas/gates.ts';
import { STAGE_COUNT } from '../../shared/vocabularies.ts';

export { SIGNATURE_MEANING } from '../../shared/constants.ts';

/** The stage a decision leaves the project in, and whether it archives it. */
export function effectOf(outcome: GateOutcome, stage: number): { stage: number; archive: boolean } {
  if (outcome === 'go' || outcome === 'conditional_go')
    return { stage: Math.min(stage + 1, STAGE_COUNT - 1), archive: false };
  if (outcome === 'kill') return { stage, archive: true };
  return { stage, archive: false };
}

/** The must-meet criteria that are not checked with evidence. */
export function missingCriteria(
  must: { id: string; key: string }[],
  checks: Record<string, { checked: boolean; evidence: string }>,
): { id: string; key: string }[] {
  return must.filter((c) => {
    const check = checks[c.id];
    return !check?.checked || check.evidence.trim() === '';
  });
}
