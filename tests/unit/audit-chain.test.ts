import { describe, expect, it } from 'vitest';
import { type AuditEntry, canonicalJson, chainHash, GENESIS_HASH } from '../../server/audit/audit-chain.ts';

const entry: AuditEntry = {
  at: new Date('2026-11-29T10:00:00Z'),
  actorId: 'u1',
  actorOrganisationId: 'o1',
  projectId: 'p1',
  entity: 'project',
  entityId: 'p1',
  action: 'update',
  field: 'title',
  before: 'Old',
  after: 'New',
  reason: null,
};

describe('audit chain', () => {
  it('serialises with sorted keys, whatever the insertion order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
  });

  it('chains each hash to the previous one', () => {
    const first = chainHash(GENESIS_HASH, entry);
    const second = chainHash(first, { ...entry, after: 'Newer' });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
    expect(chainHash(GENESIS_HASH, entry)).toBe(first);
  });

  it('changes when any field of the entry changes', () => {
    const h = chainHash(GENESIS_HASH, entry);
    expect(chainHash(GENESIS_HASH, { ...entry, before: 'Old ' })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...entry, at: new Date(entry.at.getTime() + 1) })).not.toBe(h);
    expect(chainHash('1'.repeat(64), entry)).not.toBe(h);
  });
});
