/**
 * What the projection reads of a transaction and of the document: who a transaction's origin
 * names, which entities a change touched, and those entities as they read now.
 */
import * as Y from 'yjs';
import { projectRoots, readMaturation, readMilestoneById } from '../../shared/doc/index.ts';
import { REMOTE } from '../collab/origins.ts';
import { type Author, OTHER_NODE } from './author-runs.ts';
import { type Entry, type Flat, flatten, milestoneEntry, type Root } from './projection-rows.ts';

/**
 * The author a transaction's origin names: a connection's user, the user a server change is
 * made for (null: the system), another node; undefined for an origin that names no one (Yjs's
 * own follow-up of a change), which belongs to the run it follows.
 */
export function authorOf(origin: unknown): Author | undefined {
  if (origin === REMOTE) return OTHER_NODE;
  if (origin && typeof origin === 'object') {
    if ('actor' in origin) return (origin as { actor: { id: string } }).actor.id;
    if ('userId' in origin) return (origin as { userId: string | null }).userId ?? null;
  }
  return undefined;
}

/** `root/entryId` for a type nested anywhere under a root entry. */
export function entityOf(
  type: Y.AbstractType<unknown>,
  roots: Map<Y.AbstractType<unknown>, Root>,
): string | null {
  let t: Y.AbstractType<unknown> | null = type;
  for (let depth = 0; t && depth < 64; depth++) {
    const item: Y.Item | null = t._item;
    if (!item) return null;
    const parent = item.parent as Y.AbstractType<unknown>;
    const root = roots.get(parent);
    if (root) return item.parentSub ? `${root}/${item.parentSub}` : null;
    t = parent;
  }
  return null;
}

/** The entities `keys` (`root/id`) as the document reads now; undefined for those absent. */
export function readEntries(doc: Y.Doc, keys: Iterable<string>): Map<string, Entry | undefined> {
  const out = new Map<string, Entry | undefined>();
  let maturation: Flat | null = null;
  for (const key of keys) {
    const slash = key.indexOf('/');
    const root = key.slice(0, slash) as Root;
    const id = key.slice(slash + 1);
    if (root === 'milestones') {
      const m = readMilestoneById(doc, id);
      out.set(key, m ? milestoneEntry(m) : undefined);
    } else {
      // readiness and criteria are a few entries each: read whole, once
      maturation ??= flatten({ milestones: [], ...readMaturation(doc) });
      out.set(key, maturation[root].get(id));
    }
  }
  return out;
}

/** The ids of the milestones among entity keys (`root/id`). */
export function milestoneIds(keys: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) if (key.startsWith('milestones/')) ids.add(key.slice('milestones/'.length));
  return ids;
}

/**
 * The projection as `baseline` with the `touched` milestones read again from the document
 * (those that no longer read as a milestone removed), and readiness and criteria read whole
 * (a few entries each): O(what the window touched), not O(document).
 */
export function readTouched(doc: Y.Doc, baseline: Flat, touched: Set<string>): Flat {
  const milestones = new Map(baseline.milestones);
  for (const id of touched) {
    const m = readMilestoneById(doc, id);
    if (m) milestones.set(id, milestoneEntry(m));
    else milestones.delete(id);
  }
  const rest = flatten({ milestones: [], ...readMaturation(doc) });
  return { milestones, readiness: rest.readiness, criteria: rest.criteria };
}

/**
 * The milestones whose dependencies name one of `ids` (milestones just created or deleted): a
 * milestone's dependencies read as the milestones that exist, so theirs may read otherwise now.
 * A look at each milestone's list of ids, most of them empty: no milestone is read.
 */
export function dependentsOf(doc: Y.Doc, ids: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (ids.size === 0) return out;
  for (const [id, m] of projectRoots(doc).milestones.entries()) {
    if (!(m instanceof Y.Map)) continue;
    const deps = m.get('dependsOn');
    if (!(deps instanceof Y.Array) || deps.length === 0) continue;
    for (const dep of deps.toArray())
      if (ids.has(dep)) {
        out.push(id);
        break;
      }
  }
  return out;
}
