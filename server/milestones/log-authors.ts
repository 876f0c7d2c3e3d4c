/**
 * Who made the changes a reconcile finds (after a crash between a commit and its projection,
 * or with several nodes): each committed update is in the document's log with its author
 * (doc_updates, and doc_history once a snapshot absorbed it). The rows above the projection
 * mark are decoded (their inserted items, and their delete sets), and each item is located in
 * the loaded document: which root, which entity, which field. A plain field's author is the
 * author of the row that inserted its current value (and the values rows set it to are kept, to
 * replay); a field holding text or a list is named by the last row that touched it; a deletion
 * by the first row that deleted the item (later rows may repeat a delete set they received).
 *
 * Bounded: at most MAX_LOG_ROWS rows, the latest ones, are read (with no mark, as with several
 * nodes, that is the latest rows of the pending log and of history); the work is done only on
 * load after a crash, and only when the rows and the document differ.
 */
import * as Y from 'yjs';
import { readConnectionOf } from '../db/client.ts';
import type { ServiceDeps } from '../deps.ts';
import type { Root } from './projection-rows.ts';

export const MAX_LOG_ROWS = 2000;
/** how deep an item may sit under its entity (the document's own shape is a few levels) */
const MAX_DEPTH = 64;

interface AuthoredRow {
  id: number;
  data: Uint8Array;
  userId: string | null;
}

/** A field of an entity (field null: the entity itself, created or deleted). */
interface Location {
  key: string;
  field: string | null;
}

/** Items a row inserted: clocks [clock, clock + length) of one client. */
interface Inserted {
  clock: number;
  length: number;
  author: string | null;
}

/** A value a row set a plain field to. */
export interface SetValue {
  author: string | null;
  value: unknown;
}

export interface LogAuthors {
  /** the author of the entity's field as it is now; undefined if no row explains it */
  ofField(key: string, field: string): string | null | undefined;
  /** the author of the entity's creation or deletion; undefined if no row explains it */
  ofEntity(key: string): string | null | undefined;
  /** the author of the last row that added or removed a milestone */
  readonly structure: string | null | undefined;
  /** the values rows set a plain field (text, number, choice) to, oldest first */
  valuesOf(key: string, field: string): readonly SetValue[] | undefined;
}

export const NO_LOG_AUTHORS: LogAuthors = {
  ofField: () => undefined,
  ofEntity: () => undefined,
  structure: undefined,
  valuesOf: () => undefined,
};

/** The document's latest log rows above its projection mark (all of them with no mark), oldest first. */
export async function readLogAboveMark(
  deps: ServiceDeps,
  docName: string,
  cap = MAX_LOG_ROWS,
): Promise<AuthoredRow[]> {
  const reads = readConnectionOf(deps.db.$client);
  const mark = 'coalesce((SELECT upto FROM doc_projection_marks WHERE doc_name = ?), 0)';
  const [ids] = await reads.read([
    {
      sql: `SELECT id FROM doc_updates WHERE doc_name = ? AND id > ${mark}
            UNION SELECT id FROM doc_history WHERE doc_name = ? AND id > ${mark}
            ORDER BY id DESC LIMIT ?`,
      args: [docName, docName, docName, docName, cap],
    },
  ]);
  const wanted = (ids ?? []).map((r) => Number(r[0]));
  if (wanted.length === 0) return [];
  const list = JSON.stringify(wanted);
  const [found] = await reads.read([
    {
      sql: `SELECT id, data, user_id FROM doc_updates WHERE id IN (SELECT value FROM json_each(?))
            UNION ALL SELECT id, data, user_id FROM doc_history WHERE id IN (SELECT value FROM json_each(?))`,
      args: [list, list],
    },
  ]);
  const rows = new Map<number, AuthoredRow>();
  for (const [id, data, userId] of found ?? [])
    rows.set(Number(id), {
      id: Number(id),
      data: data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer),
      userId: typeof userId === 'string' ? userId : null,
    });
  return [...rows.values()].sort((a, b) => a.id - b.id);
}

/** Who touched what, from `rows` (oldest first) located in `doc`, whose roots are `roots`. */
export function attributeLog(
  doc: Y.Doc,
  roots: Map<Y.AbstractType<unknown>, Root>,
  rows: readonly AuthoredRow[],
): LogAuthors {
  const lastTouch = new Map<string, string | null>();
  const values = new Map<string, SetValue[]>();
  const deleted = new Set<Y.Item>();
  /** per client, the end of the clocks inserted so far (a row's items usually come after) */
  const ends = new Map<number, number>();
  const inserted = new Map<number, Inserted[]>();
  let structure: string | null | undefined;
  /** the author of the row that inserted the item `id` (undefined: none of the rows read) */
  const insertedBy = (id: Y.ID): string | null | undefined => {
    const list = inserted.get(id.client);
    if (!list) return undefined;
    for (const r of list) if (id.clock >= r.clock && id.clock < r.clock + r.length) return r.author;
    return undefined;
  };
  const touch = (loc: Location | null, author: string | null) => {
    if (!loc) return;
    lastTouch.set(touchKey(loc.key, loc.field), author);
    if (loc.field === null && loc.key.startsWith('milestones/')) structure = author;
  };
  for (const row of rows) {
    let update: ReturnType<typeof Y.decodeUpdate>;
    try {
      update = Y.decodeUpdate(row.data);
    } catch {
      continue; // a row the document took cannot fail to decode; if one does, it explains nothing
    }
    for (const struct of update.structs) {
      if (!(struct instanceof Y.Item)) continue;
      // An item sent again by a later row (a copy of what the server had) is its first row's.
      const end = ends.get(struct.id.client) ?? 0;
      if (struct.id.clock < end && insertedBy(struct.id) !== undefined) continue;
      ends.set(struct.id.client, Math.max(end, struct.id.clock + struct.length));
      const list = inserted.get(struct.id.client);
      const range = { clock: struct.id.clock, length: struct.length, author: row.userId };
      if (list) list.push(range);
      else inserted.set(struct.id.client, [range]);
      const loc = locateDecoded(doc, struct, roots);
      touch(loc, row.userId);
      if (loc?.field && struct.content instanceof Y.ContentAny && setsField(doc, struct.id, roots)) {
        const set = { author: row.userId, value: struct.content.arr[struct.content.arr.length - 1] };
        const key = touchKey(loc.key, loc.field);
        const list = values.get(key);
        if (list) list.push(set);
        else values.set(key, [set]);
      }
    }
    for (const [client, deletes] of update.ds.clients) {
      const structs = doc.store.clients.get(client);
      if (!structs) continue;
      for (const { clock, len } of deletes) {
        let index = indexOf(structs, clock);
        for (; index !== null && index < structs.length; index++) {
          const struct = structs[index]!;
          if (struct.id.clock >= clock + len) break;
          // A delete set may repeat deletions the sender's copy already held (a sync step 2
          // sends them all): the first row in order that deletes an item is its deleter.
          if (!(struct instanceof Y.Item) || deleted.has(struct)) continue;
          deleted.add(struct);
          touch(locate(struct, roots), row.userId);
        }
      }
    }
  }
  /** the author of the row that inserted the value `key` holds in `map`, if a plain value */
  const valueAuthor = (map: Y.Map<unknown> | null, key: string) => {
    const item = map?._map.get(key);
    if (!item || item.deleted || item.content instanceof Y.ContentType) return undefined;
    return insertedBy(item.id);
  };
  const entityMap = (key: string) => {
    const slash = key.indexOf('/');
    const root = rootByName(roots, key.slice(0, slash));
    const item = root?._map.get(key.slice(slash + 1));
    return item && !item.deleted && item.content instanceof Y.ContentType
      ? (item.content.type as Y.Map<unknown>)
      : null;
  };
  return {
    ofField(key, field) {
      const byValue = valueAuthor(entityMap(key), field);
      return byValue !== undefined ? byValue : lastTouch.get(touchKey(key, field));
    },
    ofEntity(key) {
      const slash = key.indexOf('/');
      const root = rootByName(roots, key.slice(0, slash));
      const item = root?._map.get(key.slice(slash + 1));
      // created: whoever inserted it; deleted: whoever touched it last (its deletion)
      if (item && !item.deleted) {
        const by = insertedBy(item.id);
        if (by !== undefined) return by;
      }
      return lastTouch.get(touchKey(key, null));
    },
    structure,
    valuesOf: (key, field) => values.get(touchKey(key, field)),
  };
}

/** Whether the item `id` is the value of a key of an entity's map (not inside a text or list). */
function setsField(doc: Y.Doc, id: Y.ID, roots: Map<Y.AbstractType<unknown>, Root>): boolean {
  const item = find(doc, id);
  if (!(item instanceof Y.Item) || item.parentSub === null) return false;
  const entity = (item.parent as Y.AbstractType<unknown> | null)?._item;
  return !!entity && roots.has(entity.parent as Y.AbstractType<unknown>);
}

const touchKey = (key: string, field: string | null) => `${key}\u0000${field ?? ''}`;

function rootByName(roots: Map<Y.AbstractType<unknown>, Root>, name: string): Y.Map<unknown> | null {
  for (const [type, root] of roots) if (root === name) return type as Y.Map<unknown>;
  return null;
}

/** The index of the struct holding `clock`, or null. */
function indexOf(structs: (Y.Item | Y.GC)[], clock: number): number | null {
  if (structs.length === 0) return null;
  const last = structs[structs.length - 1]!;
  if (clock >= last.id.clock + last.length) return null;
  try {
    return Y.findIndexSS(structs, clock);
  } catch {
    return null;
  }
}

/** The struct of `doc` holding `id`, or null. */
function find(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(id.client);
  if (!structs) return null;
  const index = indexOf(structs, id.clock);
  return index === null ? null : (structs[index] ?? null);
}

/**
 * Where a decoded item is, located through the document that integrated it. An item whose
 * parent was since deleted and collected is located through its parent as the update names it;
 * one that names only a neighbour then is not located (its entity is gone, and its deletion is
 * the deleting row's).
 */
function locateDecoded(
  doc: Y.Doc,
  decoded: Y.Item,
  roots: Map<Y.AbstractType<unknown>, Root>,
): Location | null {
  const integrated = find(doc, decoded.id);
  if (integrated instanceof Y.Item) return locate(integrated, roots);
  const parent = decoded.parent as unknown;
  if (parent instanceof Y.ID) {
    const entity = find(doc, parent);
    if (!(entity instanceof Y.Item)) return null;
    const at = locate(entity, roots);
    return at && at.field === null ? { key: at.key, field: decoded.parentSub } : at;
  }
  return null;
}

/** The entity and field an integrated item belongs to (null: outside the projected roots). */
export function locate(item: Y.Item, roots: Map<Y.AbstractType<unknown>, Root>): Location | null {
  let it: Y.Item | null = item;
  let field: string | null = null;
  for (let depth = 0; it && depth < MAX_DEPTH; depth++) {
    const parent = it.parent as Y.AbstractType<unknown> | null;
    if (!parent || !(parent instanceof Y.AbstractType)) return null;
    const root = roots.get(parent);
    if (root) return it.parentSub ? { key: `${root}/${it.parentSub}`, field } : null;
    field = it.parentSub;
    it = parent._item;
  }
  return null;
}
