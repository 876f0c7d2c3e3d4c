/**
 * The audit chain: each entry's hash is sha256(prevHash ‖ canonical entry). Canonical means
 * JSON with sorted keys, so the same entry always hashes the same way on every node.
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

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object).sort();
  const obj = value as Record<string, unknown>;
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function chainHash(prevHash: string, entry: AuditEntry): string {
  const canonical = canonicalJson({ ...entry, at: entry.at.getTime() });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
