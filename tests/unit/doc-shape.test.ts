/**
 * The project document's shape: its name, the order keys of its entries, and how its entries
 * are read back, raw entries that a peer might write included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createMilestone,
  docName,
  isOrderKey,
  keyBetween,
  keysBetween,
  parseDocName,
  readProjectDoc,
} from '../../shared/doc/index.ts';

describe('document names', () => {
  it('are project:<id> and nothing else', () => {
    expect(docName('3f2c-AB')).toBe('project:3f2c-AB');
    expect(parseDocName('project:3f2c-AB')).toBe('3f2c-AB');
    for (const bad of [
      'project:',
      'project:../x',
      'project:a b',
      'other:abc',
      `project:${'a'.repeat(65)}`,
      42,
      null,
    ])
      expect(parseDocName(bad)).toBeNull();
    expect(() => docName('a/b')).toThrow(/not a valid project id/);
  });
});

describe('order keys', () => {
  it('keyBetween lands strictly between its bounds and stays well-formed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 200 }), (steps) => {
        const keys: string[] = [];
        for (const [at, edge] of steps) {
          const i = keys.length ? at % (keys.length + 1) : 0;
          const a = edge ? null : (keys[i - 1] ?? null);
          const b = edge ? (keys[0] ?? null) : (keys[i] ?? null);
          const k = keyBetween(a, b);
          expect(isOrderKey(k)).toBe(true);
          if (a !== null) expect(a < k).toBe(true);
          if (b !== null) expect(k < b).toBe(true);
          keys.splice(edge ? 0 : i, 0, k);
        }
        expect([...keys].sort()).toEqual(keys);
      }),
    );
  });

  it('appending stays short, and keysBetween spreads evenly', () => {
    let last: string | null = null;
    for (let i = 0; i < 10_000; i++) last = keyBetween(last, null);
    expect(last!.length).toBeLessThanOrEqual(4);
    const keys = keysBetween('a0', 'a1', 50);
    expect(keys).toHaveLength(50);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.every((k) => 'a0' < k && k < 'a1' && k.length <= 5)).toBe(true);
    expect(() => keyBetween('b', 'a')).toThrow(/not an order key/);
    expect(() => keyBetween('a1', 'a0')).toThrow(/out of order/);
  });
});

describe('readers', () => {
  /** An entry written raw, as a peer that skipped the writers (and the server's checks) might. */
  const rawEntry = (doc: Y.Doc, root: string, key: string, fields: Record<string, unknown>) => {
    const entry = new Y.Map<unknown>();
    doc.getMap(root).set(key, entry);
    for (const [k, v] of Object.entries(fields)) entry.set(k, v);
    return entry;
  };

  it('read an invalid optional key as its default, and leave out an entry without its required keys', () => {
    const doc = new Y.Doc();
    const ok = createMilestone(doc, { title: 'Kept', due: '2027-02-01' }, 'u-lead');
    rawEntry(doc, 'milestones', 'odd', {
      title: 'Odd values',
      status: 'done',
      owner: 42,
      due: '2027-13-45',
      stage: 9,
      dimension: 'astrology',
      order: 'not an order key!',
      createdBy: '',
      createdAt: -1,
      updatedAt: 1.5,
    });
    rawEntry(doc, 'milestones', 'blank', { title: '   ', status: 'planned', order: 'a0' });
    rawEntry(doc, 'milestones', 'no-status', { title: 'No status', order: 'a1' });
    rawEntry(doc, 'milestones', 'bad status', { title: 'Bad status', status: 'finished', order: 'a2' });
    rawEntry(doc, 'readiness', 'regulatory', { level: 4, updatedBy: 7, updatedAt: 'yesterday' });
    rawEntry(doc, 'readiness', 'clinical', { level: 12 });
    rawEntry(doc, 'readiness', 'astrology', { level: 3 });
    rawEntry(doc, 'criteria', 'c-1', { checked: true, evidence: 5, checkedBy: 'u-pm', checkedAt: -3 });
    rawEntry(doc, 'criteria', 'c-2', { checked: 'yes' });

    const data = readProjectDoc(doc);
    expect(data.milestones.map((m) => m.id)).toEqual(['odd', ok]);
    expect(data.milestones[0]).toEqual({
      id: 'odd',
      title: 'Odd values',
      description: '',
      owner: null,
      due: null,
      status: 'done',
      stage: 0,
      dimension: null,
      dependsOn: [],
      order: '',
      createdBy: null,
      createdAt: null,
      updatedBy: null,
      updatedAt: null,
    });
    expect(data.milestones[1]).toMatchObject({ title: 'Kept', due: '2027-02-01', createdBy: 'u-lead' });
    expect(data.readiness).toEqual({
      regulatory: { level: 4, evidence: '', updatedBy: null, updatedAt: null },
    });
    expect(data.criteria).toEqual({
      'c-1': { checked: true, evidence: '', checkedBy: 'u-pm', checkedAt: null },
    });
  });
});
