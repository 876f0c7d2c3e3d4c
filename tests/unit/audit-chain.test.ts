import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  normaliseEntry,
} from '../../server/audit/audit-chain.ts';
import { checkpointText, loadSigningKey, signatureHolds } from '../../server/audit/signing-key.ts';

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

  it('hashes as it always did, so existing chains still verify', () => {
    const pinned = { ...entry, before: { é: 1, b: [1.5, -0, 1e21, 'x\n'] } };
    expect(chainHash(GENESIS_HASH, pinned)).toBe(
      'c338e2281ceb84ee1cd0f54e9a955db61ad19fd7488f1e9add2f96de1e563183',
    );
  });

  it('is RFC 8785: keys by UTF-16 code units, ECMAScript numbers, minimal escapes', () => {
    // RFC 8785 §3.2.3's example: U+1F600 (code units D83D DE00) sorts before U+FB33.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ufb33': 6, '\ud83d\ude00': 3, '\u00f6': 4, '1': 5 })).toBe(
      '{"\\r":2,"1":5,"ö":4,"€":1,"😀":3,"\ufb33":6}',
    );
    expect(canonicalJson([1e21, 1e-7, -0, 0.1 + 0.2, 'a\u0000\u001f"\\/'])).toBe(
      '[1e+21,1e-7,0,0.30000000000000004,"a\\u0000\\u001f\\"\\\\/"]',
    );
  });

  it('makes every string of an entry well formed before it is hashed and stored', () => {
    const odd = normaliseEntry({
      ...entry,
      reason: 'a\ud800b',
      entityId: '\udc00',
      before: { 'k\ud800': ['\udfff', 1, null], __proto__x: undefined },
      after: undefined,
    });
    expect(odd).toMatchObject({
      reason: 'a\ufffdb',
      entityId: '\ufffd',
      before: { 'k\ufffd': ['\ufffd', 1, null] },
      after: null,
    });
    expect(normaliseEntry(odd)).toEqual(odd);
  });

  it('signs a checkpoint as documented, and the signature holds only for that text', () => {
    const key = loadSigningKey(Buffer.alloc(32, 7));
    const claim = { seq: 42, hash: 'ab'.repeat(32), at: 1_780_000_000_000 };
    expect(checkpointText(claim)).toBe(`jalon-audit-checkpoint/1\n42\n${'ab'.repeat(32)}\n1780000000000`);
    const signature = key.sign(claim);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(key.publicKey.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(signatureHolds(key.publicKey, { ...claim, signature })).toBe(true);
    expect(signatureHolds(key.publicKey, { ...claim, seq: 43, signature })).toBe(false);
    expect(signatureHolds(key.publicKey, { ...claim, signature: 'short' })).toBe(false);
  });
});
