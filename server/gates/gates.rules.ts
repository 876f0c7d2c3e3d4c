/** Pure rules of the stage gates. */
export { SIGNATURE_MEANING } from '../../shared/constants.ts';
export { effectOf } from '../../shared/gate-effect.ts';

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

/** Each threshold of a gate against the current levels: met when the level reaches it. */
export function thresholdStatus(
  thresholds: readonly { dimension: string; minLevel: number }[],
  levels: Readonly<Record<string, number | undefined>>,
): { dimension: string; required: number; current: number | null; met: boolean }[] {
  return thresholds.map((t) => {
    const current = levels[t.dimension] ?? null;
    return {
      dimension: t.dimension,
      required: t.minLevel,
      current,
      met: current !== null && current >= t.minLevel,
    };
  });
}
