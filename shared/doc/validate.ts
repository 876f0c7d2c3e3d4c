/**
 * Validation of a project document against its shape (shape.ts). The server refuses bad
 * updates with it: it applies each incoming update to the document and calls
 * `validateTransaction(doc, tr)` from the document's 'afterTransaction' handler, before anything
 * else acts on the transaction; a refused update's document is replaced by a copy rebuilt as it
 * was (server/collab/checked-apply.ts). Collect the problems of EVERY transaction the apply causes,
 * not only the last one: after a remote change to text with formatting, Yjs runs a cleanup
 * transaction of its own, which has nothing to report and would hide the update's problems.
 * `applyAndValidate` does this for a copy used only to check (tests, tools).
 *
 * validateTransaction costs O(what the transaction changed), never O(document):
 *  - every struct the transaction added (beforeState..afterState, per client) is checked where
 *    it landed: list content under a root or an entry, non-ids in `dependsOn`, anything but
 *    plain text in titles and readiness evidence, anything but elements, text, marks and attribute values
 *    in a description, links to other schemes than http:, https: and mailto: (links.ts),
 *    subdocuments, binary and embeds anywhere;
 *  - every entry the transaction touched (found from `transaction.changed`) is checked: its
 *    key, that it is a Y.Map, its required keys present, and each key known with a valid value
 *    (zod) and caps on its dependencies, title and evidence (a Y.Text's length is kept by Yjs:
 *    O(1)); a title's text is read only when the transaction made it (a new title holds 1–300
 *    chars, not blank; later, merges may leave it otherwise, shape.ts): every key if the entry
 *    was set, else the keys the transaction set or deleted and the fields whose nested content
 *    changed (a keystroke in a title: the title, updatedBy, updatedAt; the others were checked
 *    when they were written). An entry is a dozen keys.
 *  - deleting entries, fields' content or text is always valid.
 * validateDoc walks the whole document, for loading and tests.
 *
 * Neither throws (an internal error is reported as a problem: fail closed) nor recurses on
 * input: locating a type walks up iteratively with a cap (locate.ts).
 */
import * as Y from 'yjs';
import { safeLinkHref } from '../links.ts';
import { clip, createLocator, type Location, type Locator, type Place, type YType } from './locate.ts';
import { ENTRY_SPECS, LIMITS, MilestoneId, type RootName } from './shape.ts';

export interface Problem {
  path: string;
  message: string;
}

const MAX_PROBLEMS = 50;
const MAX_KEY_LENGTH = 64;

class Problems {
  readonly list: Problem[] = [];
  private readonly seen = new Set<string>();
  get full() {
    return this.list.length >= MAX_PROBLEMS;
  }
  add(path: string, message: string) {
    const key = `${path}\n${message}`;
    if (this.full || this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ path, message });
  }
  addLocation(location: Location) {
    if (location.at === 'misplaced') this.add(location.path, location.message);
  }
}

function describe(content: unknown): string {
  if (content instanceof Y.ContentType) return 'a nested type';
  if (content instanceof Y.ContentString) return 'text content';
  if (content instanceof Y.ContentFormat) return 'a formatting mark';
  if (content instanceof Y.ContentEmbed) return 'an embed';
  if (content instanceof Y.ContentBinary) return 'binary data';
  if (content instanceof Y.ContentDoc) return 'a subdocument';
  if (content instanceof Y.ContentJSON) return 'JSON content';
  if (content instanceof Y.ContentAny) return 'a value';
  return 'unknown content';
}

/**
 * A link mark (y-prosemirror stores it as `link`, or `link--<hash>` when links overlap) must
 * carry an href of a scheme shared/links.ts allows; `null` ends a mark and is always fine.
 */
function isSafeMark(key: string, value: unknown): boolean {
  if (key !== 'link' && !key.startsWith('link--')) return true;
  if (value === null) return true;
  return safeLinkHref((value as { href?: unknown } | undefined)?.href) !== null;
}

const HALF_PAIR = /\p{Surrogate}/u;
/** beyond any mark an editor writes (a link: two levels) */
const MAX_MARK_DEPTH = 8;

/**
 * Whether a mark's value holds half a surrogate pair. Text and plain values travel as UTF-8,
 * where half a pair arrives as U+FFFD, but a mark's value travels as JSON, which keeps it, and
 * no store or hash could then keep the text as sent. Too deep to look into counts as holding one.
 */
function holdsHalfPair(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return HALF_PAIR.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (depth >= MAX_MARK_DEPTH) return true;
  for (const [key, inner] of Object.entries(value))
    if (HALF_PAIR.test(key) || holdsHalfPair(inner, depth + 1)) return true;
  return false;
}

/** One live item, given where its parent type sits. Entry-level keys are left to checkEntry. */
function checkItem(item: Y.Item, parent: Location, locator: Locator, problems: Problems): void {
  if (parent.at === 'deleted') return;
  if (parent.at === 'misplaced') {
    problems.addLocation(parent);
    return;
  }
  const { content, parentSub } = item;
  if (parent.at === 'root' || parent.at === 'entry') {
    if (parentSub === null)
      problems.add(
        parent.path,
        parent.at === 'root' ? 'holds entries by key, not a list' : 'holds fields by key, not a list',
      );
    return;
  }
  if (content instanceof Y.ContentType) {
    problems.addLocation(locator.locate(content.type));
    return;
  }
  const where = parentSub === null ? parent.path : `${parent.path}@${clip(parentSub)}`;
  if (parent.field === 'dependsOn') {
    if (parentSub !== null || !(content instanceof Y.ContentAny)) {
      problems.add(where, `holds milestone ids, found ${describe(content)}`);
      return;
    }
    for (const id of content.arr) {
      if (typeof id !== 'string' || !MilestoneId.safeParse(id).success)
        problems.add(where, 'holds milestone ids, found something else');
      else if (id === parent.entryId) problems.add(where, 'a milestone cannot depend on itself');
    }
    return;
  }
  if (parent.field === 'plainText') {
    if (parentSub !== null || !(content instanceof Y.ContentString))
      problems.add(where, `holds plain text only, found ${describe(content)}`);
    return;
  }
  // rich text: text with marks inside text nodes, attribute values on elements
  if (parent.kind === 'xmlText') {
    if (parentSub !== null) problems.add(where, 'text nodes have no attributes');
    else if (content instanceof Y.ContentFormat) {
      if (content.key.length > MAX_KEY_LENGTH) problems.add(where, 'a formatting mark name is too long');
      else if (!isSafeMark(content.key, content.value))
        problems.add(where, 'a link may only go to an http:, https: or mailto: address');
      else if (holdsHalfPair(content.value))
        problems.add(where, 'a formatting mark holds half a surrogate pair: send well-formed Unicode');
    } else if (!(content instanceof Y.ContentString))
      problems.add(where, `holds text and marks, found ${describe(content)}`);
    return;
  }
  if (parent.kind === 'xmlElement' && parentSub !== null) {
    if (parentSub.length > MAX_KEY_LENGTH) problems.add(where, 'an attribute name is too long');
    else if (!(content instanceof Y.ContentAny) || content.arr.length !== 1)
      problems.add(where, `an attribute holds one value, found ${describe(content)}`);
    return;
  }
  problems.add(where, `holds elements and text, found ${describe(content)}`);
}

/**
 * An entry as it is now: key, type, known keys with valid values, required keys, caps. With
 * `keys`, only those of its keys are checked (the others were valid and did not change).
 */
function checkEntry(
  root: Place & { at: 'root' },
  id: string,
  locator: Locator,
  problems: Problems,
  keys: ReadonlySet<string> | null = null,
  isNew: (item: Y.Item) => boolean = () => false,
): void {
  const item = root.type._map.get(id);
  if (!item || item.deleted) return; // deleted: always fine
  const path = `${root.path}/${clip(id)}`;
  if (!(item.content instanceof Y.ContentType)) {
    problems.add(path, `an entry must be a Y.Map, found ${describe(item.content)}`);
    return;
  }
  const location = locator.locate(item.content.type);
  if (location.at !== 'entry') {
    problems.addLocation(location);
    return;
  }
  const spec = ENTRY_SPECS[root.root];
  const entries = keys
    ? [...keys].flatMap((key) => {
        const value = location.type._map.get(key);
        return value ? [[key, value] as const] : [];
      })
    : location.type._map;
  for (const [key, value] of entries) {
    if (problems.full) return;
    if (value.deleted) continue;
    const field = spec.fields[key];
    if (!field) {
      problems.add(`${path}/${clip(key)}`, 'unknown key');
      continue;
    }
    const { content } = value;
    // a plain value, or a legacy one where the field's type now holds text (a title)
    const schema =
      field.kind === 'value'
        ? field.schema
        : field.kind === 'plainText' && content instanceof Y.ContentAny
          ? field.legacy
          : undefined;
    if (schema) {
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
        problems.add(`${path}/${clip(key)}`, `expected a plain value, found ${describe(content)}`);
        continue;
      }
      const parsed = schema.safeParse(content.arr[0]);
      if (!parsed.success)
        problems.add(`${path}/${clip(key)}`, parsed.error.issues[0]?.message ?? 'invalid value');
      continue;
    }
    if (!(content instanceof Y.ContentType)) {
      problems.add(`${path}/${clip(key)}`, `expected a nested type, found ${describe(content)}`);
      continue;
    }
    const nested = locator.locate(content.type);
    if (nested.at === 'misplaced') problems.addLocation(nested);
    else if (field.kind === 'dependsOn' && content.type._length > LIMITS.dependencies)
      problems.add(`${path}/${clip(key)}`, `more than ${LIMITS.dependencies} dependencies`);
    else if (field.kind === 'plainText' && content.type._length > field.max)
      problems.add(`${path}/${clip(key)}`, `longer than ${field.max} characters`);
    else if (field.kind === 'plainText' && field.legacy && isNew(value)) {
      // A text made by this transaction holds what its author wrote, untouched by anyone's
      // concurrent edit: it must be a title a writer writes (only merges may leave it otherwise).
      const parsed = field.legacy.safeParse((content.type as Y.Text).toString());
      if (!parsed.success)
        problems.add(`${path}/${clip(key)}`, parsed.error.issues[0]?.message ?? 'invalid value');
    }
  }
  for (const key of spec.required) {
    const value = location.type._map.get(key);
    if (!value || value.deleted) problems.add(`${path}/${clip(key)}`, 'required');
  }
}

/** Calls `f` on every struct added by the transaction (possibly merged with older content). */
function forEachNewStruct(doc: Y.Doc, tr: Y.Transaction, f: (struct: Y.Item | Y.GC) => void): void {
  const after = tr.afterState.size > 0 ? tr.afterState : currentState(doc);
  for (const [client, clock] of after) {
    const from = tr.beforeState.get(client) ?? 0;
    if (clock <= from) continue;
    const structs = doc.store.clients.get(client);
    if (!structs || structs.length === 0) continue;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= clock) break;
      f(struct);
    }
  }
}

function currentState(doc: Y.Doc): Map<number, number> {
  const state = new Map<number, number>();
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1];
    if (last) state.set(client, last.id.clock + last.length);
  }
  return state;
}

function failClosed(error: unknown): Problem[] {
  return [
    { path: '', message: `could not validate: ${error instanceof Error ? error.message : String(error)}` },
  ];
}

/** Problems with what one transaction changed; empty when the change is valid. */
export function validateTransaction(doc: Y.Doc, transaction: Y.Transaction): Problem[] {
  try {
    const problems = new Problems();
    const locator = createLocator(doc);
    const isNew = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
    // A handful of roots: a misplaced one with content refuses whatever the transaction was.
    for (const type of doc.share.values())
      if (type._start !== null || type._map.size > 0) problems.addLocation(locator.locate(type));
    forEachNewStruct(doc, transaction, (struct) => {
      if (problems.full || !(struct instanceof Y.Item) || struct.deleted) return;
      const parent = struct.parent instanceof Y.AbstractType ? locator.locate(struct.parent) : null;
      if (parent) checkItem(struct, parent, locator, problems);
      else problems.add('(detached)', 'content without a parent');
    });
    // Entries the transaction touched, keyed by root, then checked: whole if the entry itself
    // or content nested in it changed, else only the keys that changed (a rename: three).
    const touched = new Map<Place & { at: 'root' }, Map<string, Set<string> | null>>();
    const touch = (root: Place & { at: 'root' }, id: string, keys: Set<string | null> | null) => {
      const ids = touched.get(root) ?? new Map<string, Set<string> | null>();
      touched.set(root, ids);
      const known = ids.get(id);
      if (known === null) return;
      if (keys === null || keys.has(null)) ids.set(id, null);
      else ids.set(id, new Set([...(known ?? []), ...(keys as Set<string>)]));
    };
    const roots = new Map<RootName, Place & { at: 'root' }>();
    for (const [type, keys] of transaction.changed) {
      const location = locator.locate(type);
      if (location.at === 'misplaced') problems.addLocation(location);
      if (location.at === 'root') {
        roots.set(location.root, location);
        for (const key of keys) if (key !== null) touch(location, key, null);
      } else if (location.at === 'entry' || location.at === 'field') {
        const root = roots.get(location.root) ?? locator.locate(doc.share.get(location.root)!);
        if (root.at === 'root') {
          roots.set(location.root, root);
          touch(root, location.entryId, location.at === 'entry' ? keys : new Set([location.key]));
        }
      }
    }
    for (const [root, ids] of touched)
      for (const [id, keys] of ids) checkEntry(root, id, locator, problems, keys, isNew);
    return problems.list;
  } catch (error) {
    return failClosed(error);
  }
}

/** Every live item of a type: its list content, then its keyed content. */
function* liveItems(type: YType): Generator<Y.Item> {
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) yield item;
  for (const item of type._map.values()) if (!item.deleted) yield item;
}

/** Problems anywhere in the document (on load and in tests). */
export function validateDoc(doc: Y.Doc): Problem[] {
  try {
    const problems = new Problems();
    const locator = createLocator(doc);
    // Walk explicitly (no recursion): each type is visited once, and only once it is located.
    const stack: YType[] = [];
    for (const type of doc.share.values()) {
      const location = locator.locate(type);
      const empty = type._start === null && type._map.size === 0;
      if (location.at === 'misplaced' && !empty) problems.addLocation(location);
      if (location.at !== 'root') continue;
      for (const id of type._map.keys()) checkEntry(location, id, locator, problems);
      stack.push(type);
    }
    while (stack.length > 0 && !problems.full) {
      const type = stack.pop()!;
      const location = locator.locate(type);
      for (const item of liveItems(type)) {
        checkItem(item, location, locator, problems);
        if (item.content instanceof Y.ContentType && locator.locate(item.content.type).at !== 'misplaced')
          stack.push(item.content.type);
      }
    }
    return problems.list;
  } catch (error) {
    return failClosed(error);
  }
}

/**
 * Applies `update` to `shadow` (a copy used only to check) and returns the problems of every
 * transaction that caused (the update's own and any Yjs follows it with). Throws only when Yjs
 * cannot decode the update.
 * Pending structs (an update whose dependencies `shadow` lacks) are the caller's to check.
 */
export function applyAndValidate(shadow: Y.Doc, update: Uint8Array, origin: unknown = 'remote'): Problem[] {
  const problems: Problem[] = [];
  const collect = (transaction: Y.Transaction) => {
    problems.push(...validateTransaction(shadow, transaction));
  };
  shadow.on('afterTransaction', collect);
  try {
    shadow.transact(() => Y.applyUpdate(shadow, update), origin);
  } finally {
    shadow.off('afterTransaction', collect);
  }
  return problems;
}
