/**
 * Pure decisions about framework versions: the id a new version or a new framework gets, and
 * how an edited gate's criteria list becomes the new version's criteria (kept by key, added,
 * retired when left out). The edit may change words only: a body that adds or drops a level or
 * a stage is refused, because levels and stage ranges are the framework's scope.
 */
import { slugFromName } from '../../shared/organisation-identity.ts';
import type { CriterionEdit } from '../../shared/schemas/frameworks.ts';
import { AppError } from '../errors.ts';

/** Addresses under /admin/frameworks that a track's lineage must not take. */
const RESERVED = new Set(['new', 'dimensions', 'dimension', 'edit', 'copy']);

/** `base`, or `base-2`, `base-3`… : the first that is not taken. */
export function firstFree(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !RESERVED.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The id of version `version` of a lineage: `<lineage>-v<n>`, made unique if need be. */
export function versionId(lineage: string, version: number, taken: ReadonlySet<string>): string {
  return firstFree(`${lineage}-v${version}`, taken);
}

/** A new framework's lineage (its first version's id): a slug of its English name, unique. */
export function lineageFromName(nameEn: string, taken: ReadonlySet<string>): string {
  const slug = slugFromName(nameEn).slice(0, 50).replace(/-+$/, '');
  return firstFree(slug.length >= 2 ? slug : 'framework', taken);
}

/** The levels and stages of the edit are exactly those of its base, by number and index. */
export function checkSameScope(
  base: { levels: readonly number[]; stages: readonly number[] },
  edit: { levels: readonly number[]; stages: readonly number[] },
): void {
  const sorted = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && sorted(a).every((x, i) => x === sorted(b)[i]);
  if (!same(base.levels, edit.levels))
    throw new AppError(
      'invalid_input',
      'Give the texts of every level of the framework, and no other level',
      [{ path: 'levels', message: `expected levels ${base.levels.join(', ')}` }],
    );
  if (!same(base.stages, edit.stages))
    throw new AppError(
      'invalid_input',
      'Give the texts of every stage of the framework, and no other stage',
      [{ path: 'stages', message: `expected stages ${base.stages.join(', ')}` }],
    );
}

export interface BaseCriterion {
  key: string;
  stageIndex: number;
  kind: string;
  textEn: string;
  textFr: string;
}

export interface PlannedCriterion {
  key: string;
  kind: 'must' | 'should';
  textEn: string;
  textFr: string;
  position: number;
  /** what became of it, for the audit entry */
  change: 'kept' | 'edited' | 'added';
}

/**
 * A gate's criteria in the new version, in the order given. An existing criterion is named by
 * its key and must belong to this gate in the base; a new one gets a fresh key (`<stage>-<n>`)
 * that no criterion of the base uses, retired ones included, so that a key never means two
 * things across versions.
 */
export function planCriteria(
  stageIndex: number,
  stageKey: string,
  base: readonly BaseCriterion[],
  edits: readonly CriterionEdit[],
  usedKeys: Set<string>,
  pathPrefix: string,
): { criteria: PlannedCriterion[]; retired: string[] } {
  const ofStage = new Map(base.filter((c) => c.stageIndex === stageIndex).map((c) => [c.key, c]));
  const seen = new Set<string>();
  const criteria = edits.map((edit, position): PlannedCriterion => {
    const texts = { kind: edit.kind, textEn: edit.text.en, textFr: edit.text.fr, position };
    if (edit.key === undefined) {
      let n = position + 1;
      while (usedKeys.has(`${stageKey}-${n}`)) n++;
      const key = `${stageKey}-${n}`;
      usedKeys.add(key);
      return { key, ...texts, change: 'added' };
    }
    const before = ofStage.get(edit.key);
    if (!before || seen.has(edit.key))
      throw new AppError(
        'invalid_input',
        before
          ? `The criterion "${edit.key}" is listed twice in this gate`
          : `The criterion "${edit.key}" is not one of this gate's criteria`,
        [{ path: `${pathPrefix}.${position}.key`, message: 'unknown or repeated criterion' }],
      );
    seen.add(edit.key);
    const same =
      before.kind === edit.kind && before.textEn === edit.text.en && before.textFr === edit.text.fr;
    return { key: edit.key, ...texts, change: same ? 'kept' : 'edited' };
  });
  const retired = [...ofStage.keys()].filter((k) => !seen.has(k));
  return { criteria, retired };
}

/** A dimension's scale: the levels its texts define. */
export interface DimensionScale {
  id: string;
  levels: readonly number[];
}

/**
 * A gate's readiness thresholds, checked: each names a known dimension once, with a level of that
 * dimension's scale. Returned in the dimensions' order so that versions compare and read alike.
 */
export function planThresholds(
  edits: readonly { dimension: string; minLevel: number }[],
  scales: readonly DimensionScale[],
  pathPrefix: string,
): { dimension: string; minLevel: number }[] {
  const seen = new Set<string>();
  edits.forEach((t, i) => {
    const scale = scales.find((d) => d.id === t.dimension);
    if (!scale)
      throw new AppError('invalid_input', `"${t.dimension}" is not a readiness dimension`, [
        { path: `${pathPrefix}.${i}.dimension`, message: 'unknown dimension' },
      ]);
    if (seen.has(t.dimension))
      throw new AppError('invalid_input', `The dimension "${t.dimension}" has two thresholds at this gate`, [
        { path: `${pathPrefix}.${i}.dimension`, message: 'repeated dimension' },
      ]);
    seen.add(t.dimension);
    const lo = Math.min(...scale.levels);
    const hi = Math.max(...scale.levels);
    if (!scale.levels.includes(t.minLevel))
      throw new AppError(
        'invalid_input',
        `The threshold for "${t.dimension}" must be a level of its scale, from ${lo} to ${hi}`,
        [{ path: `${pathPrefix}.${i}.minLevel`, message: `expected a level from ${lo} to ${hi}` }],
      );
  });
  const order = (d: string) => scales.findIndex((s) => s.id === d);
  return [...edits]
    .sort((a, b) => order(a.dimension) - order(b.dimension))
    .map((t) => ({ dimension: t.dimension, minLevel: t.minLevel }));
}
