/**
 * Reads a project document as plain data (projection, lists, tests), and hands out the live
 * Yjs types that editors bind to. Readers are lenient: a title is a legacy string or a Y.Text
 * (readTitle); an optional key that is missing or invalid reads as its default; an entry without a valid required key is left out (neither
 * can exist in a document that passed validate.ts).
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { type DimensionId as Dimension, DimensionId } from '../domain.ts';
import { fragmentText } from './rich-text.ts';
import {
  BLANK_TITLE,
  CriterionCheck,
  ENTRY_SPECS,
  LIMITS,
  Milestone,
  ReadinessEntry,
  type RootName,
} from './shape.ts';

export interface ProjectDocData {
  /** sorted by order, then id */
  milestones: Milestone[];
  readiness: Partial<Record<Dimension, ReadinessEntry>>;
  criteria: Record<string, CriterionCheck>;
}

export type EntryMap = Y.Map<unknown>;
export interface ProjectRoots {
  milestones: Y.Map<EntryMap>;
  readiness: Y.Map<EntryMap>;
  criteria: Y.Map<EntryMap>;
}

/** The three roots of a document (created empty if absent). */
export function projectRoots(doc: Y.Doc): ProjectRoots {
  return {
    milestones: doc.getMap<EntryMap>('milestones'),
    readiness: doc.getMap<EntryMap>('readiness'),
    criteria: doc.getMap<EntryMap>('criteria'),
  };
}

/** Orders milestones by order key, then id, comparing code units (as fractional keys need). */
export const compareByOrder = (a: { order: string; id: string }, b: { order: string; id: string }): number =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * An entry's reader, one parse per entry: the keys of `shape` as it says, except each key in
 * `fallbacks`, which is checked as its root's spec says (shape.ts) and reads as its fallback
 * when missing or invalid. Keys whose value is not a plain value (the rich and plain texts,
 * the dependencies) are read from the Yjs types before parsing.
 */
function reader<T extends z.ZodObject>(
  root: RootName,
  shape: T,
  fallbacks: Partial<Record<keyof z.output<T>, unknown>>,
): z.ZodType<z.output<T>> {
  const fields = ENTRY_SPECS[root].fields;
  const lenient: Record<string, z.ZodType> = {};
  for (const [key, fallback] of Object.entries(fallbacks)) {
    const spec = fields[key];
    if (spec?.kind !== 'value') throw new Error(`${root}.${key} is not a plain value`);
    lenient[key] = spec.schema.catch(fallback);
  }
  return shape.extend(lenient) as unknown as z.ZodType<z.output<T>>;
}

const MilestoneRead = reader('milestones', Milestone, {
  owner: null,
  due: null,
  stage: 0,
  dimension: null,
  order: '',
  createdBy: null,
  createdAt: null,
  updatedBy: null,
  updatedAt: null,
});
const ReadinessRead = reader('readiness', ReadinessEntry, { updatedBy: null, updatedAt: null });
const CriterionRead = reader('criteria', CriterionCheck, { evidence: '', checkedBy: null, checkedAt: null });

/** A plain Y.Text (not a node of rich text), or null. */
const plainText = (value: unknown): Y.Text | null =>
  value instanceof Y.Text && !(value instanceof Y.XmlText) ? value : null;

/**
 * A title as shown: a legacy string as it is; a Y.Text trimmed, at most 300 chars (never half a
 * surrogate pair), BLANK_TITLE if nothing is left (shape.ts: what merges can do). Its inner
 * characters are kept as written, like a string title's: a title created from other text (a gate
 * decision's condition) reads back exactly; the screens show it on one line.
 */
export function readTitle(value: unknown): unknown {
  const text = plainText(value);
  if (!text) return value;
  let title = text.toString().trim();
  if (title.length > LIMITS.title) {
    const end = /[\uD800-\uDBFF]/.test(title.charAt(LIMITS.title - 1)) ? LIMITS.title - 1 : LIMITS.title;
    title = title.slice(0, end).trimEnd();
  }
  return title || BLANK_TITLE;
}

function readMilestone(id: string, m: EntryMap, exists: (id: string) => boolean): Milestone | null {
  const description = m.get('description');
  const deps = m.get('dependsOn');
  const dependsOn =
    deps instanceof Y.Array
      ? [...new Set(deps.toArray())].filter(
          (d): d is string => typeof d === 'string' && d !== id && exists(d),
        )
      : [];
  const parsed = MilestoneRead.safeParse({
    id,
    title: readTitle(m.get('title')),
    description: description instanceof Y.XmlFragment ? fragmentText(description) : '',
    owner: m.get('owner'),
    due: m.get('due'),
    status: m.get('status'),
    stage: m.get('stage'),
    dimension: m.get('dimension'),
    dependsOn,
    order: m.get('order'),
    createdBy: m.get('createdBy'),
    createdAt: m.get('createdAt'),
    updatedBy: m.get('updatedBy'),
    updatedAt: m.get('updatedAt'),
  });
  return parsed.success ? parsed.data : null;
}

function readReadiness(e: EntryMap): ReadinessEntry | null {
  const evidence = e.get('evidence');
  const parsed = ReadinessRead.safeParse({
    level: e.get('level'),
    evidence: evidence instanceof Y.Text ? evidence.toString() : '',
    updatedBy: e.get('updatedBy'),
    updatedAt: e.get('updatedAt'),
  });
  return parsed.success ? parsed.data : null;
}

function readCriterion(e: EntryMap): CriterionCheck | null {
  const parsed = CriterionRead.safeParse({
    checked: e.get('checked'),
    evidence: e.get('evidence'),
    checkedBy: e.get('checkedBy'),
    checkedAt: e.get('checkedAt'),
  });
  return parsed.success ? parsed.data : null;
}

/** The whole document as plain JSON. Descriptions and evidence are read as plain text. */
export function readProjectDoc(doc: Y.Doc): ProjectDocData {
  const roots = projectRoots(doc);
  const exists = (id: string) => roots.milestones.get(id) instanceof Y.Map;
  const milestones: Milestone[] = [];
  for (const [id, m] of roots.milestones.entries()) {
    const read = m instanceof Y.Map ? readMilestone(id, m, exists) : null;
    if (read) milestones.push(read);
  }
  milestones.sort(compareByOrder);
  return { milestones, ...readMaturation(doc) };
}

/** Readiness and gate criteria alone, without reading every milestone. */
export function readMaturation(doc: Y.Doc): Pick<ProjectDocData, 'readiness' | 'criteria'> {
  const roots = projectRoots(doc);
  const readiness: ProjectDocData['readiness'] = {};
  for (const [key, e] of roots.readiness.entries()) {
    const dimension = DimensionId.safeParse(key);
    const read = dimension.success && e instanceof Y.Map ? readReadiness(e) : null;
    if (dimension.success && read) readiness[dimension.data] = read;
  }

  const criteria: ProjectDocData['criteria'] = {};
  for (const [id, e] of roots.criteria.entries()) {
    const read = e instanceof Y.Map ? readCriterion(e) : null;
    if (read) criteria[id] = read;
  }
  return { readiness, criteria };
}

/** One milestone as plain data, or null if absent. */
export function readMilestoneById(doc: Y.Doc, id: string): Milestone | null {
  const roots = projectRoots(doc);
  const m = roots.milestones.get(id);
  return m instanceof Y.Map ? readMilestone(id, m, (d) => roots.milestones.get(d) instanceof Y.Map) : null;
}

/** The live rich text of a milestone's description, for an editor binding (y-prosemirror). */
export function milestoneDescription(doc: Y.Doc, id: string): Y.XmlFragment | null {
  const m = projectRoots(doc).milestones.get(id);
  const d = m instanceof Y.Map ? m.get('description') : null;
  return d instanceof Y.XmlFragment && !(d instanceof Y.XmlElement) ? d : null;
}

/** The live plain text of a readiness dimension's evidence, for an editor binding. */
export function readinessEvidence(doc: Y.Doc, dimension: Dimension): Y.Text | null {
  const e = projectRoots(doc).readiness.get(dimension);
  return e instanceof Y.Map ? plainText(e.get('evidence')) : null;
}

/** The live plain text of a milestone's title, for an editor binding; null while it is a legacy string. */
export function milestoneTitle(doc: Y.Doc, id: string): Y.Text | null {
  const m = projectRoots(doc).milestones.get(id);
  return m instanceof Y.Map ? plainText(m.get('title')) : null;
}
