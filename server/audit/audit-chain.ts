/**
 * The audit chain's hashed form (docs/audit.md, "The hashed form"): each entry's hash is
 *
 *   hex(sha256(prevHash ‖ JCS(entry)))
 *
 * where prevHash is the previous entry's hash as 64 hex characters (64 zeros for the first),
 * JCS is RFC 8785 (sorted keys by UTF-16 code units, ECMAScript number form) and `entry` is the
 * object of the eleven fields of `AuditEntry` with `at` in ms since the epoch. JCS is defined
 * over well-formed Unicode only, so every string of an entry, keys included, is made well
 * formed (a lone surrogate becomes U+FFFD) before it is hashed and stored: what is stored is
 * then exactly what was hashed, whichever column type keeps it.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  actorOrganisationId: string | null;
  projectId: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | string;
  field: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

type WellFormable = string & { toWellFormed(): string };

/**
 * A JSON value with every string well formed, keys included; dates as ISO strings, undefined
 * keys dropped and non-finite numbers as null (what the value reads back as from JSON).
 */
export function wellFormedJson(value: unknown): unknown {
  return value === undefined ? null : wellFormedDeep(JSON.parse(JSON.stringify(value) ?? 'null'));
}

function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a key "__proto__" (JSON.parse makes it an own key) stays a key.
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, wellFormed(k), {
      value: wellFormedDeep(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function wellFormed(s: string): string {
  return (s as WellFormable).toWellFormed();
}

const orNull = (s: string | null | undefined) => (s === null || s === undefined ? null : wellFormed(s));

/** The entry as it is hashed and stored: every string well formed, before/after as JSON. */
export function normaliseEntry(entry: AuditEntry): AuditEntry {
  return {
    at: new Date(entry.at.getTime()),
    actorId: orNull(entry.actorId),
    actorOrganisationId: orNull(entry.actorOrganisationId),
    projectId: orNull(entry.projectId),
    entity: wellFormed(entry.entity),
    entityId: wellFormed(entry.entityId),
    action: wellFormed(entry.action),
    field: orNull(entry.field),
    before: wellFormedJson(entry.before),
    after: wellFormedJson(entry.after),
    reason: orNull(entry.reason),
  };
}

/** RFC 8785 for well-formed input (JSON.stringify gives ECMAScript numbers and JCS's escapes). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object).sort();
  const obj = value as Record<string, unknown>;
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Exactly the eleven hashed fields, whatever else the object carries. */
export function hashedForm(entry: AuditEntry): Record<string, unknown> {
  return {
    at: entry.at.getTime(),
    actorId: entry.actorId ?? null,
    actorOrganisationId: entry.actorOrganisationId ?? null,
    projectId: entry.projectId ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    field: entry.field ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  };
}

export function chainHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson(hashedForm(entry)))
    .digest('hex');
}
