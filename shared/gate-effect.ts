/**
 * What a signed gate decision does to its project, read by the server that applies it and by
 * the screen that tells the signer before they sign: one rule, so the two never disagree.
 */
import type { GateOutcome } from './schemas/gates.ts';
import { STAGE_COUNT } from './vocabularies.ts';

/** The stage a decision leaves the project in, and whether it archives it. */
export function effectOf(outcome: GateOutcome, stage: number): { stage: number; archive: boolean } {
  if (outcome === 'go' || outcome === 'conditional_go')
    return { stage: Math.min(stage + 1, STAGE_COUNT - 1), archive: false };
  if (outcome === 'kill') return { stage, archive: true };
  return { stage, archive: false };
}
