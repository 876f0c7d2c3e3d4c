/**
 * Validation beyond one edit: a whole document (validateDoc), random raw edits that must never
 * make it throw, and a cost that follows the size of the change, not of the document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Problem,
  readProjectDoc,
  seedProjectDoc,
  updateMilestone,
  validateDoc,
} from '../../shared/doc/index.ts';
import { makeShadow, milestone, paths, project, rawEdit } from './doc-validate.fixtures.ts';

describe('validateDoc', () => {
  it('passes on a seeded document and names every problem of a corrupted one', () => {
    const doc = new Y.Doc();
    seedProjectDoc(doc, {
      milestones: [
        { key: 'a', title: 'Freedom to operate', status: 'done', stage: 3, dimension: 'ip', createdBy: 'u' },
        {
          key: 'b',
          title: 'CTA submission',
          description: 'Dossier\nsent',
          dependsOnKeys: ['a'],
          createdBy: 'u',
        },
      ],
      readiness: { ip: { level: 6, evidence: 'FTO clear', updatedBy: 'u' } },
    });
    expect(validateDoc(doc)).toEqual([]);
    const [m] = readProjectDoc(doc).milestones;
    doc.getMap<Y.Map<unknown>>('milestones').get(m!.id)!.set('status', 'late');
    doc.getMap('evil').set('x', 1);
    expect(paths(validateDoc(doc)).sort()).toEqual(['evil', `milestones/${m!.id}/status`]);
  });
});

describe('validateTransaction never throws', () => {
  it('on random raw edits, and what it accepts stays valid as a whole', () => {
    const base = project();
    const rootName = fc.constantFrom('milestones', 'readiness', 'criteria', 'evil');
    const key = fc.constantFrom(
      base.id,
      'technology',
      'title',
      'status',
      'level',
      'evidence',
      'dependsOn',
      'description',
      'x',
    );
    const value = fc.oneof(
      fc.constantFrom('planned', 'late', 'technology', base.id, null, true, 4, 12, -1, '2026-01-01'),
      fc.string({ maxLength: 4 }),
      fc.integer(),
    );
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        root: rootName,
        path: fc.array(key, { maxLength: 3 }),
        value,
      }),
      fc.record({
        kind: fc.constant('nest' as const),
        root: rootName,
        path: fc.array(key, { maxLength: 3 }),
        type: fc.nat(4),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        root: rootName,
        path: fc.array(key, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        root: rootName,
        path: fc.array(key, { maxLength: 3 }),
        value,
      }),
    );
    const makeType = (n: number) =>
      [
        () => new Y.Map(),
        () => new Y.Array(),
        () => new Y.Text('t'),
        () => new Y.XmlFragment(),
        () => new Y.XmlText('x'),
      ][n]!();
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const update = rawEdit(base.doc, (raw) => {
          for (const o of ops) {
            try {
              let target: unknown = raw.getMap(o.root);
              const path = o.kind === 'delete' ? o.path.slice(0, -1) : o.path;
              for (const k of path) target = target instanceof Y.Map ? target.get(k) : undefined;
              const last = o.kind === 'delete' ? o.path[o.path.length - 1]! : 'x';
              if (target instanceof Y.Map) {
                if (o.kind === 'set') target.set(o.path.length ? last : base.id, o.value);
                else if (o.kind === 'nest')
                  target.set(o.path[o.path.length - 1] ?? base.id, makeType(o.type));
                else if (o.kind === 'delete') target.delete(last);
              } else if (target instanceof Y.Array && o.kind === 'insert') target.push([o.value]);
              else if (target instanceof Y.Text && o.kind === 'insert') target.insert(0, String(o.value));
            } catch {
              // a raw edit Yjs itself refuses is simply not part of the update
            }
          }
        });
        const { check, shadow } = makeShadow(base.doc);
        let problems: Problem[] = [];
        expect(() => {
          problems = check(update);
        }).not.toThrow();
        expect(Array.isArray(problems)).toBe(true);
        if (problems.length === 0) expect(validateDoc(shadow)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateTransaction cost', () => {
  it('follows the size of the change, not of the document', () => {
    const big = new Y.Doc();
    seedProjectDoc(big, {
      milestones: Array.from({ length: 300 }, (_, i) => ({
        title: `Milestone ${i}`,
        description: `${'Long description paragraph. '.repeat(40)}\n`.repeat(3),
        createdBy: 'u',
        dependsOnIndexes: i > 0 ? [i - 1] : [],
      })),
      readiness: { technology: { level: 3, evidence: 'e'.repeat(5000), updatedBy: 'u' } },
    });
    expect(Y.encodeStateAsUpdate(big).byteLength).toBeGreaterThan(1_000_000);
    const small = project().doc;
    const timePerEdit = (doc: Y.Doc) => {
      const ids = readProjectDoc(doc).milestones.map((m) => m.id);
      const updates: Uint8Array[] = [];
      const writer = new Y.Doc();
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
      writer.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 300; i++) {
        updateMilestone(writer, ids[i % ids.length]!, { title: `Edited ${i}` }, 'u');
        const description = milestone(writer, ids[0]!).get('description') as Y.XmlFragment;
        ((description.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x');
      }
      const { check } = makeShadow(doc);
      const started = performance.now();
      for (const u of updates) expect(check(u)).toEqual([]);
      return (performance.now() - started) / updates.length;
    };
    timePerEdit(small); // warm up
    const smallMs = timePerEdit(small);
    const bigMs = timePerEdit(big);
    // A walk of the big document would cost thousands of times more than the small one.
    expect(bigMs).toBeLessThan(Math.max(smallMs * 20, 1));
  });
});
