/**
 * Where a Yjs type sits in the project document's shape (shape.ts): a root, an entry under a
 * root, a field's nested type (dependsOn, evidence, description) or a node inside a description.
 * A type that sits anywhere else is `Misplaced`, with the path and the reason.
 *
 * Locating walks parent links upward only, iteratively, at most MAX_CHAIN steps, and memoises
 * each answer for the lifetime of one validation, so checking n new items costs O(n) however the
 * attacker nests them. Whether a key is a valid entry key depends on the key alone: that verdict
 * is kept across validations (a bounded cache), since every write to an entry asks it again.
 */
import * as Y from 'yjs';
import { ENTRY_SPECS, type FieldSpec, isRootName, LIMITS, type RootName } from './shape.ts';

/** Any shared type, as the document holds them (avoids spelling `any`). */
export type YType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

export type TypeKind =
  | 'untyped' // a root Yjs created lazily from an update: interpreted as a Y.Map
  | 'map'
  | 'array'
  | 'text'
  | 'xmlText'
  | 'xmlElement'
  | 'xmlFragment'
  | 'xmlHook'
  | 'other';

export function kindOf(type: YType): TypeKind {
  // subclasses first: XmlHook extends Map, XmlText extends Text, XmlElement extends XmlFragment
  if (type instanceof Y.XmlHook) return 'xmlHook';
  if (type instanceof Y.XmlText) return 'xmlText';
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.XmlElement) return 'xmlElement';
  if (type instanceof Y.XmlFragment) return 'xmlFragment';
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.Array) return 'array';
  return type.constructor === Y.AbstractType ? 'untyped' : 'other';
}

const KIND_NAMES: Record<TypeKind, string> = {
  untyped: 'a type of unknown kind',
  map: 'a Y.Map',
  array: 'a Y.Array',
  text: 'a Y.Text',
  xmlText: 'a Y.XmlText',
  xmlElement: 'a Y.XmlElement',
  xmlFragment: 'a Y.XmlFragment',
  xmlHook: 'a Y.XmlHook',
  other: 'an unknown type',
};
export const kindName = (kind: TypeKind): string => KIND_NAMES[kind];

export type NestedField = Exclude<FieldSpec['kind'], 'value'>;
const NESTED_KIND: Record<NestedField, TypeKind> = {
  dependsOn: 'array',
  plainText: 'text',
  richText: 'xmlFragment',
};

export type Place =
  | { at: 'root'; path: string; root: RootName; type: YType }
  | { at: 'entry'; path: string; root: RootName; entryId: string; type: Y.Map<unknown> }
  | {
      at: 'field';
      path: string;
      root: RootName;
      entryId: string;
      field: NestedField;
      /** the entry's key that holds the field */
      key: string;
      kind: TypeKind;
      /** 0 for the field's own type; +1 per element inside a description */
      depth: number;
    };
export interface Misplaced {
  at: 'misplaced';
  path: string;
  message: string;
}
/** `deleted`: inside deleted content, which no reader sees. */
export type Location = Place | Misplaced | { at: 'deleted' };

const NODE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const MAX_CHAIN = LIMITS.descriptionDepth + 8;

const misplaced = (path: string, message: string): Misplaced => ({ at: 'misplaced', path, message });

/** A key as it may appear in a path or message: attacker-chosen keys can be megabytes long. */
export const clip = (key: string): string => (key.length > 80 ? `${key.slice(0, 80)}…` : key);

export interface Locator {
  locate(type: YType): Location;
}

/** Entry keys found valid or not, by root: a pure function of the two, asked for every write. */
const KEY_VERDICTS = new Map<RootName, Map<string, boolean>>();
const MAX_KEY_VERDICTS = 4096;

function isEntryKey(root: RootName, key: string): boolean {
  let verdicts = KEY_VERDICTS.get(root);
  if (!verdicts) {
    verdicts = new Map();
    KEY_VERDICTS.set(root, verdicts);
  }
  let valid = verdicts.get(key);
  if (valid === undefined) {
    valid = ENTRY_SPECS[root].key.safeParse(key).success;
    if (verdicts.size >= MAX_KEY_VERDICTS) verdicts.clear();
    verdicts.set(key, valid);
  }
  return valid;
}

export function createLocator(doc: Y.Doc): Locator {
  return new DocLocator(doc);
}

/** A class, not closures: a locator is made for every transaction validated. */
class DocLocator implements Locator {
  private readonly rootNames = new Map<YType, string>();
  private readonly memo = new Map<YType, Location>();

  constructor(doc: Y.Doc) {
    for (const [name, type] of doc.share) this.rootNames.set(type, name);
  }

  private locateRoot(type: YType): Location {
    const name = this.rootNames.get(type);
    if (name === undefined) return misplaced('(detached)', 'a type outside this document');
    if (!isRootName(name))
      return misplaced(
        clip(name),
        `unknown top-level type "${clip(name)}": the only roots are milestones, readiness, criteria`,
      );
    const kind = kindOf(type);
    if (kind !== 'map' && kind !== 'untyped')
      return misplaced(name, `must be a Y.Map, found ${kindName(kind)}`);
    return { at: 'root', path: name, root: name, type };
  }

  /** Where `type` sits, given where its parent sits. */
  private below(parent: Location, type: YType, key: string | null): Location {
    if (parent.at === 'deleted' || parent.at === 'misplaced') return parent;
    const kind = kindOf(type);
    if (parent.at === 'root') {
      const path = `${parent.path}/${clip(key ?? '(list)')}`;
      if (key === null) return misplaced(parent.path, 'holds entries by key, not a list');
      if (!isEntryKey(parent.root, key)) return misplaced(path, 'not a valid key here');
      if (kind !== 'map' || !(type instanceof Y.Map))
        return misplaced(path, `an entry must be a Y.Map, found ${kindName(kind)}`);
      return { at: 'entry', path, root: parent.root, entryId: key, type };
    }
    if (parent.at === 'entry') {
      if (key === null) return misplaced(parent.path, 'holds fields by key, not a list');
      const path = `${parent.path}/${clip(key)}`;
      const spec = ENTRY_SPECS[parent.root].fields[key];
      if (!spec) return misplaced(path, 'unknown key');
      if (spec.kind === 'value') return misplaced(path, `expected a plain value, found ${kindName(kind)}`);
      if (kind !== NESTED_KIND[spec.kind])
        return misplaced(path, `expected ${kindName(NESTED_KIND[spec.kind])}, found ${kindName(kind)}`);
      return {
        at: 'field',
        path,
        root: parent.root,
        entryId: parent.entryId,
        field: spec.kind,
        key,
        kind,
        depth: 0,
      };
    }
    const inside = parent.kind === 'xmlFragment' || parent.kind === 'xmlElement';
    if (parent.field !== 'richText' || !inside)
      return misplaced(parent.path, `holds no nested types, found ${kindName(kind)}`);
    if (key !== null)
      return misplaced(
        `${parent.path}@${clip(key)}`,
        `attributes hold plain values, found ${kindName(kind)}`,
      );
    if (kind !== 'xmlElement' && kind !== 'xmlText')
      return misplaced(parent.path, `rich text holds elements and text, found ${kindName(kind)}`);
    if (parent.depth + 1 > LIMITS.descriptionDepth)
      return misplaced(parent.path, `rich text nested deeper than ${LIMITS.descriptionDepth} levels`);
    const name = type instanceof Y.XmlElement ? type.nodeName : 'text';
    if (!NODE_NAME.test(name))
      return misplaced(parent.path, 'an element name must be 1–64 letters, digits, "_" or "-"');
    return { ...parent, path: `${parent.path}/${name}`, kind, depth: parent.depth + 1 };
  }

  locate(type: YType): Location {
    const memo = this.memo;
    const known = memo.get(type);
    if (known) return known;
    // Walk up to a known ancestor or the root, iteratively and at most MAX_CHAIN steps.
    const chain: YType[] = [];
    let top: Location | undefined;
    for (let t: YType = type; ; ) {
      const cached = memo.get(t);
      if (cached) {
        top = cached;
        break;
      }
      chain.push(t);
      const item = t._item;
      if (item === null) {
        top = this.locateRoot(t);
        memo.set(t, top);
        chain.pop();
        break;
      }
      if (item.deleted) {
        top = { at: 'deleted' };
        break;
      }
      if (!(item.parent instanceof Y.AbstractType)) {
        top = misplaced('(detached)', 'a type without a parent');
        break;
      }
      if (chain.length > MAX_CHAIN) {
        top = misplaced('(deep)', `nested deeper than ${MAX_CHAIN} levels`);
        break;
      }
      t = item.parent;
    }
    let location = top;
    for (let i = chain.length - 1; i >= 0; i--) {
      const t = chain[i]!;
      location =
        location.at === 'deleted' || location.at === 'misplaced'
          ? location
          : this.below(location, t, t._item?.parentSub ?? null);
      memo.set(t, location);
    }
    return location;
  }
}
