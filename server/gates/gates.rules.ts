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
