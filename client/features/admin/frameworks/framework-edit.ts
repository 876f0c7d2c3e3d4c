/**
 * The editor's values: a framework version's texts, and each gate's criteria as a list the
 * manager reorders, adds to and retires from. Each criterion carries a local id so that moving
 * it keeps its fields (and what is typed in them); the body sent drops it.
 */
import type { Framework, NewFrameworkVersionBody } from '../../../../shared/schemas/frameworks.ts';

export interface DraftCriterion {
  /** stable while the form lives: the key of an existing criterion, or a made-up one */
  uid: string;
  key?: string;
  kind: 'must' | 'should';
  text: { en: string; fr: string };
}

export interface DraftStage {
  index: number;
  name: { en: string; fr: string };
  gateName: { en: string; fr: string };
  minLevel: number;
  maxLevel: number;
  criteria: DraftCriterion[];
  retired: DraftCriterion[];
}

export interface FrameworkDraft {
  changeNote: string;
  name: { en: string; fr: string };
  description: { en: string; fr: string };
  levels: { level: number; title: { en: string; fr: string }; description: { en: string; fr: string } }[];
  stages: DraftStage[];
}

export function draftOf(f: Framework): FrameworkDraft {
  return {
    changeNote: '',
    name: { ...f.name },
    description: { ...f.description },
    levels: f.levels.map((l) => ({
      level: l.level,
      title: { ...l.title },
      description: { ...l.description },
    })),
    stages: f.stages.map((s) => ({
      index: s.index,
      name: { ...s.name },
      gateName: { ...s.gateName },
      minLevel: s.minLevel,
      maxLevel: s.maxLevel,
      criteria: s.criteria.map((c) => ({ uid: c.key, key: c.key, kind: c.kind, text: { ...c.text } })),
      retired: [],
    })),
  };
}

export function bodyOf(d: FrameworkDraft): NewFrameworkVersionBody {
  return {
    changeNote: d.changeNote,
    name: d.name,
    description: d.description,
    levels: d.levels,
    stages: d.stages.map((s) => ({
      index: s.index,
      name: s.name,
      gateName: s.gateName,
      criteria: s.criteria.map((c) => ({
        ...(c.key ? { key: c.key } : {}),
        kind: c.kind,
        text: c.text,
      })),
    })),
  };
}

/** Whether the draft says what its base says (the change note aside): then there is nothing to save. */
export function unchanged(d: FrameworkDraft, base: Framework): boolean {
  const strip = (b: NewFrameworkVersionBody) => JSON.stringify({ ...b, changeNote: '' });
  return strip(bodyOf(d)) === strip(bodyOf(draftOf(base)));
}

let made = 0;
export const newCriterion = (): DraftCriterion => ({
  uid: `new-${++made}`,
  kind: 'must',
  text: { en: '', fr: '' },
});

/** The list with the item at `from` moved to `to` (both within bounds). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
