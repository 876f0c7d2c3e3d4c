/**
 * Typed writers for milestones. Each validates all of its input first and throws a clear Error
 * (the document is then left untouched), then makes its change in one `doc.transact(fn, origin)`.
 * Timestamps are `Date.now()`; the actor is the user id recorded in createdBy/updatedBy.
 * A title is written as a Y.Text, changed only where it differs (shape.ts); a legacy string
 * title becomes a Y.Text in the transaction that first changes it.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { DimensionId, MilestoneStatus, Stage } from '../domain.ts';
import { isOrderKey, keyBetween, keysBetween } from './order.ts';
import { replaceText } from './plain-text.ts';
import { compareByOrder, type EntryMap, projectRoots } from './read.ts';
import { fragmentText, replaceFragmentText } from './rich-text.ts';
import { IsoDate, LIMITS, MilestoneId, parseOrThrow, UserId } from './shape.ts';

export const MilestoneInput = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(LIMITS.title, `must be at most ${LIMITS.title} characters`),
  description: z.string().max(LIMITS.descriptionText).optional(),
  owner: UserId.nullable().optional(),
  due: IsoDate.nullable().optional(),
  /** default `planned` */
  status: MilestoneStatus.optional(),
  /** default 0 */
  stage: Stage.optional(),
  dimension: DimensionId.nullable().optional(),
  /** ids of existing milestones */
  dependsOn: z.array(MilestoneId).max(LIMITS.dependencies).optional(),
});
export type MilestoneInput = z.input<typeof MilestoneInput>;

export const MilestonePatch = MilestoneInput.partial();
export type MilestonePatch = z.input<typeof MilestonePatch>;

/** Where to put a milestone: right after `after`, right before `before`, between both, or last. */
export interface MoveTarget {
  after?: string;
  before?: string;
}

const Actor = UserId;

export function requireMilestone(doc: Y.Doc, id: string): EntryMap {
  const m = projectRoots(doc).milestones.get(id);
  if (!(m instanceof Y.Map)) throw new Error(`No milestone "${id}" in this document`);
  return m;
}

/** Validated, de-duplicated dependencies of milestone `id`: existing milestones other than itself. */
function checkDependencies(doc: Y.Doc, id: string | null, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  for (const dep of unique) {
    if (dep === id) throw new Error('Invalid dependsOn: a milestone cannot depend on itself');
    if (!(projectRoots(doc).milestones.get(dep) instanceof Y.Map))
      throw new Error(`Invalid dependsOn: no milestone "${dep}" in this document`);
  }
  return unique;
}

/** Milestones other than `except`, in display order, with their order key (invalid → ''). */
function orderedOthers(doc: Y.Doc, except: string | null): { id: string; order: string }[] {
  const list: { id: string; order: string }[] = [];
  for (const [id, m] of projectRoots(doc).milestones.entries()) {
    if (id === except || !(m instanceof Y.Map)) continue;
    const order = m.get('order');
    list.push({ id, order: isOrderKey(order) ? order : '' });
  }
  return list.sort(compareByOrder);
}

/** The order key that puts a new milestone after every other. */
export function lastOrderKey(doc: Y.Doc): string {
  const keys = orderedOthers(doc, null)
    .map((m) => m.order)
    .filter(Boolean);
  return keyBetween(keys.length ? keys[keys.length - 1]! : null, null);
}

function setIfChanged(map: EntryMap, key: string, value: unknown): boolean {
  if (map.has(key) && map.get(key) === value) return false;
  map.set(key, value);
  return true;
}

/** Makes `list` hold exactly `ids`, in that order where it adds, touching as few items as possible. */
export function syncIdList(list: Y.Array<string>, ids: readonly string[]): void {
  const wanted = new Set(ids);
  const seen = new Set<string>();
  const current = list.toArray();
  for (let i = current.length - 1; i >= 0; i--) {
    const id = current[i]!;
    if (!wanted.has(id) || current.indexOf(id) !== i) list.delete(i, 1);
  }
  for (const id of list.toArray()) seen.add(id);
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length) list.push(missing);
}

export interface NewMilestone {
  title: string;
  description: string;
  owner: string | null;
  due: string | null;
  status: MilestoneStatus;
  stage: number;
  dimension: DimensionId | null;
  dependsOn: string[];
  order: string;
  createdBy: string;
  createdAt: number;
}

/** Writes a whole milestone entry; call inside a transaction with already validated values. */
export function insertMilestone(doc: Y.Doc, id: string, v: NewMilestone): void {
  const m = projectRoots(doc).milestones.set(id, new Y.Map<unknown>());
  m.set('title', new Y.Text(v.title));
  for (const key of ['owner', 'due', 'status', 'stage', 'dimension', 'order', 'createdBy'] as const)
    m.set(key, v[key]);
  m.set('createdAt', v.createdAt);
  m.set('updatedBy', v.createdBy);
  m.set('updatedAt', v.createdAt);
  replaceFragmentText(m.set('description', new Y.XmlFragment()), v.description);
  m.set('dependsOn', new Y.Array<string>()).push(v.dependsOn);
}

/** Creates a milestone at the end of the list; returns its id. */
export function createMilestone(
  doc: Y.Doc,
  input: MilestoneInput,
  actor: string,
  origin: unknown = null,
): string {
  return createMilestoneWithId(doc, crypto.randomUUID(), input, actor, origin);
}

/**
 * Creates a milestone under an id the caller chose: one derived from what causes it, so that
 * doing the same thing again finds the milestone there instead of adding a second one.
 */
export function createMilestoneWithId(
  doc: Y.Doc,
  id: string,
  input: MilestoneInput,
  actor: string,
  origin: unknown = null,
): string {
  parseOrThrow(MilestoneId, id, 'milestone id');
  if (projectRoots(doc).milestones.has(id))
    throw new Error(`A milestone "${id}" is already in this document`);
  const v = parseOrThrow(MilestoneInput, input, 'milestone');
  const by = parseOrThrow(Actor, actor, 'actor');
  const dependsOn = checkDependencies(doc, id, v.dependsOn ?? []);
  const order = lastOrderKey(doc);
  doc.transact(() => {
    insertMilestone(doc, id, {
      title: v.title,
      description: v.description ?? '',
      owner: v.owner ?? null,
      due: v.due ?? null,
      status: v.status ?? 'planned',
      stage: v.stage ?? 0,
      dimension: v.dimension ?? null,
      dependsOn,
      order,
      createdBy: by,
      createdAt: Date.now(),
    });
  }, origin);
  return id;
}

/** Changes the given fields of a milestone; fields left out (or undefined) keep their value. */
export function updateMilestone(
  doc: Y.Doc,
  id: string,
  patch: MilestonePatch,
  actor: string,
  origin: unknown = null,
): void {
  const v = parseOrThrow(MilestonePatch, patch, 'milestone change');
  const by = parseOrThrow(Actor, actor, 'actor');
  const m = requireMilestone(doc, id);
  const dependsOn = v.dependsOn && checkDependencies(doc, id, v.dependsOn);
  doc.transact(() => {
    let changed = v.title !== undefined && writeTitle(m, v.title);
    for (const key of ['owner', 'due', 'status', 'stage', 'dimension'] as const)
      if (v[key] !== undefined) changed = setIfChanged(m, key, v[key]) || changed;
    if (v.description !== undefined) {
      const current = m.get('description');
      if (!(current instanceof Y.XmlFragment) || fragmentText(current) !== v.description) {
        const fragment =
          current instanceof Y.XmlFragment ? current : m.set('description', new Y.XmlFragment());
        replaceFragmentText(fragment, v.description);
        changed = true;
      }
    }
    if (dependsOn) changed = writeDependencies(m, dependsOn) || changed;
    if (changed) {
      m.set('updatedBy', by);
      m.set('updatedAt', Date.now());
    }
  }, origin);
}

/** Makes the title read `title`, as a Y.Text (converting a legacy string); whether it changed. */
function writeTitle(m: EntryMap, title: string): boolean {
  const current = m.get('title');
  if (current instanceof Y.Text && !(current instanceof Y.XmlText)) {
    if (current.toString() === title) return false;
    replaceText(current, title);
    return true;
  }
  if (current === title) return false;
  m.set('title', new Y.Text(title));
  return true;
}

const TypedTitle = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be blank')
  .refine((s) => !/[\r\n]/.test(s), 'must be one line');

/**
 * A title as someone types it, one keystroke at a time (the title field's binding): only what
 * changed is written, so a concurrent edit elsewhere in it survives. Refused: blank, line
 * breaks, and growing past 300 chars; a title that concurrent edits made longer (shape.ts) may
 * still be shortened. Spaces are kept as typed (readers trim).
 */
export function typeMilestoneTitle(
  doc: Y.Doc,
  id: string,
  value: string,
  actor: string,
  origin: unknown = null,
): void {
  const title = parseOrThrow(TypedTitle, value, 'title');
  const by = parseOrThrow(Actor, actor, 'actor');
  const m = requireMilestone(doc, id);
  const current = m.get('title');
  const before =
    current instanceof Y.Text ? current.length : typeof current === 'string' ? current.length : 0;
  if (title.length > LIMITS.title && title.length > before)
    throw new Error(`Invalid title: must be at most ${LIMITS.title} characters`);
  doc.transact(() => {
    if (writeTitle(m, title)) {
      m.set('updatedBy', by);
      m.set('updatedAt', Date.now());
    }
  }, origin);
}

/**
 * Makes a legacy string title a Y.Text with the same words, changing nothing else; false if it
 * already is one. An editor does this as soon as someone starts editing the title: two people
 * converting at once would each make a Y.Text, and only one survives (a map key is
 * last-writer-wins), so the conversion had better happen before anyone types into it.
 */
export function makeTitleText(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  const m = requireMilestone(doc, id);
  const current = m.get('title');
  if (typeof current !== 'string') return false;
  doc.transact(() => m.set('title', new Y.Text(current)), origin);
  return true;
}

function writeDependencies(m: EntryMap, ids: string[]): boolean {
  const current = m.get('dependsOn');
  const list =
    current instanceof Y.Array ? (current as Y.Array<string>) : m.set('dependsOn', new Y.Array<string>());
  const before = list.toArray().join('\n');
  syncIdList(list, ids);
  return list.toArray().join('\n') !== before;
}

/** Replaces a milestone's dependencies (existing milestones other than itself). */
export function setMilestoneDependencies(
  doc: Y.Doc,
  id: string,
  dependsOn: readonly string[],
  actor: string,
  origin: unknown = null,
): void {
  updateMilestone(doc, id, { dependsOn: [...dependsOn] }, actor, origin);
}

/** Deletes a milestone and drops it from the others' dependencies; false if it was absent. */
export function deleteMilestone(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  const milestones = projectRoots(doc).milestones;
  if (!milestones.has(id)) return false;
  doc.transact(() => {
    milestones.delete(id);
    for (const m of milestones.values()) {
      const deps = m instanceof Y.Map ? m.get('dependsOn') : null;
      if (!(deps instanceof Y.Array)) continue;
      const items = deps.toArray();
      for (let i = items.length - 1; i >= 0; i--) if (items[i] === id) deps.delete(i, 1);
    }
  }, origin);
  return true;
}

/**
 * Moves a milestone by giving it an order key between its new neighbours. If those neighbours
 * share a key (two clients once picked the same one concurrently), the other milestones are
 * first re-keyed evenly, in the same transaction.
 */
export function moveMilestone(
  doc: Y.Doc,
  id: string,
  target: MoveTarget,
  actor: string,
  origin: unknown = null,
): void {
  const t = parseOrThrow(
    z.strictObject({ after: MilestoneId.optional(), before: MilestoneId.optional() }),
    target,
    'move',
  );
  const by = parseOrThrow(Actor, actor, 'actor');
  const m = requireMilestone(doc, id);
  if (t.after === id || t.before === id)
    throw new Error('Invalid move: a milestone cannot move next to itself');
  const others = orderedOthers(doc, id);
  const index = (other: string) => {
    const i = others.findIndex((o) => o.id === other);
    if (i < 0) throw new Error(`Invalid move: no milestone "${other}" in this document`);
    return i;
  };
  const lo =
    t.after !== undefined ? index(t.after) : t.before !== undefined ? index(t.before) - 1 : others.length - 1;
  const hi = t.before !== undefined ? index(t.before) : lo + 1;
  if (hi <= lo) throw new Error(`Invalid move: "${t.after}" does not come before "${t.before}"`);
  const orderAt = (i: number) => (i >= 0 && i < others.length ? others[i]!.order : null);
  let a = orderAt(lo);
  let b = orderAt(hi);
  const rekey = a === '' || b === '' || (a !== null && b !== null && a >= b);
  doc.transact(() => {
    if (rekey) {
      const keys = keysBetween(null, null, others.length);
      others.forEach((o, i) => {
        projectRoots(doc).milestones.get(o.id)?.set('order', keys[i]!);
        o.order = keys[i]!;
      });
      a = orderAt(lo);
      b = orderAt(hi);
    }
    m.set('order', keyBetween(a, b));
    m.set('updatedBy', by);
    m.set('updatedAt', Date.now());
  }, origin);
}
