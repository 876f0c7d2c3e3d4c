import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyAndValidate,
  createMilestone,
  deleteMilestone,
  moveMilestone,
  readProjectDoc,
  setCriterionCheck,
  setMilestoneDependencies,
  setReadinessEvidence,
  setReadinessLevel,
  updateMilestone,
  validateDoc,
} from '../../shared/doc/index.ts';
import type { DimensionId, MilestoneStatus } from '../../shared/domain.ts';

/** Live relay: every local update of one doc is applied to the other at once. */
function relay(a: Y.Doc, b: Y.Doc) {
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, u, a));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, u, b));
}

/** Offline peers meeting again: each sends what the other lacks. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const pair = () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  return { a, b };
};

describe('two documents exchanging updates converge', () => {
  it('when both create milestones while relayed live', () => {
    const { a, b } = pair();
    relay(a, b);
    const x = createMilestone(a, { title: 'FTO analysis' }, 'ua');
    const y = createMilestone(b, { title: 'GLP tox', dependsOn: [x] }, 'ub');
    expect(readProjectDoc(a)).toEqual(readProjectDoc(b));
    expect(readProjectDoc(a).milestones.find((m) => m.id === y)!.dependsOn).toEqual([x]);
  });

  it('when both create milestones offline, then sync', () => {
    const { a, b } = pair();
    createMilestone(a, { title: 'from A' }, 'ua');
    createMilestone(b, { title: 'from B' }, 'ub');
    sync(a, b);
    expect(readProjectDoc(a)).toEqual(readProjectDoc(b));
    expect(
      readProjectDoc(a)
        .milestones.map((m) => m.title)
        .sort(),
    ).toEqual(['from A', 'from B']);
  });

  it('when both edit different fields of the same milestone: both edits survive', () => {
    const { a, b } = pair();
    const id = createMilestone(a, { title: 'Vector batch', description: 'CDMO slot' }, 'ua');
    sync(a, b);
    updateMilestone(a, id, { status: 'blocked', due: '2026-05-01' }, 'ua');
    updateMilestone(b, id, { title: 'GMP vector batch', owner: 'ub' }, 'ub');
    setMilestoneDependencies(b, id, [], 'ub');
    sync(a, b);
    expect(readProjectDoc(a)).toEqual(readProjectDoc(b));
    expect(readProjectDoc(a).milestones[0]).toMatchObject({
      title: 'GMP vector batch',
      status: 'blocked',
      due: '2026-05-01',
      owner: 'ub',
    });
  });

  it('when one deletes a milestone while the other edits it: it stays deleted', () => {
    const { a, b } = pair();
    const id = createMilestone(a, { title: 'Pre-CTA meeting' }, 'ua');
    const keep = createMilestone(a, { title: 'CTA dossier', dependsOn: [id] }, 'ua');
    sync(a, b);
    deleteMilestone(a, id);
    updateMilestone(b, id, { status: 'done', description: 'Minutes filed' }, 'ub');
    setMilestoneDependencies(b, keep, [id], 'ub');
    sync(a, b);
    const data = readProjectDoc(a);
    expect(data).toEqual(readProjectDoc(b));
    expect(data.milestones.map((m) => m.id)).toEqual([keep]);
    // a dependency on a milestone deleted concurrently is dropped by readers
    expect(data.milestones[0]!.dependsOn).toEqual([]);
    expect(validateDoc(a)).toEqual([]);
  });

  it('when both set the same readiness level: one value wins on both', () => {
    const { a, b } = pair();
    setReadinessLevel(a, 'regulatory', 4, 'ua');
    sync(a, b);
    setReadinessLevel(a, 'regulatory', 5, 'ua');
    setReadinessLevel(b, 'regulatory', 6, 'ub');
    setReadinessLevel(a, 'funding', 2, 'ua');
    setReadinessLevel(b, 'funding', 3, 'ub'); // concurrent creation of the same entry
    sync(a, b);
    const ra = readProjectDoc(a).readiness;
    expect(ra).toEqual(readProjectDoc(b).readiness);
    expect([5, 6]).toContain(ra.regulatory!.level);
    expect([2, 3]).toContain(ra.funding!.level);
  });
});

// ── property: random writer operations, random sync points ─────────────────────────────

type Op =
  | { kind: 'create'; title: string; status: MilestoneStatus; dep: number }
  | { kind: 'update'; target: number; status: MilestoneStatus; title: string; stage: number }
  | { kind: 'describe'; target: number; text: string }
  | { kind: 'delete'; target: number }
  | { kind: 'move'; target: number; after: number }
  | { kind: 'depend'; target: number; on: number[] }
  | { kind: 'level'; dimension: DimensionId; level: number }
  | { kind: 'evidence'; dimension: DimensionId; text: string }
  | { kind: 'check'; criterion: string; checked: boolean; evidence: string };

const status = fc.constantFrom<MilestoneStatus>('planned', 'in_progress', 'at_risk', 'blocked', 'done');
const dimension = fc.constantFrom<DimensionId>('technology', 'regulatory', 'manufacturing');
const text = fc.string({ maxLength: 12 });
const title = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim().length > 0);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), title, status, dep: fc.nat() }),
  fc.record({ kind: fc.constant('update' as const), target: fc.nat(), status, title, stage: fc.nat(5) }),
  fc.record({
    kind: fc.constant('describe' as const),
    target: fc.nat(),
    text: fc.array(text, { maxLength: 3 }).map((l) => l.join('\n')),
  }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), target: fc.nat(), after: fc.nat() }),
  fc.record({
    kind: fc.constant('depend' as const),
    target: fc.nat(),
    on: fc.array(fc.nat(), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('level' as const), dimension, level: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('evidence' as const), dimension, text }),
  fc.record({
    kind: fc.constant('check' as const),
    criterion: fc.constantFrom('t:a', 't:b'),
    checked: fc.boolean(),
    evidence: text,
  }),
);

function apply(doc: Y.Doc, o: Op, actor: string): void {
  const ids = readProjectDoc(doc).milestones.map((m) => m.id);
  const pick = (n: number) => ids[n % ids.length]!;
  const some = ids.length > 0;
  switch (o.kind) {
    case 'create':
      createMilestone(doc, { title: o.title, status: o.status, dependsOn: some ? [pick(o.dep)] : [] }, actor);
      return;
    case 'update':
      if (some)
        updateMilestone(doc, pick(o.target), { status: o.status, title: o.title, stage: o.stage }, actor);
      return;
    case 'describe':
      if (some) updateMilestone(doc, pick(o.target), { description: o.text }, actor);
      return;
    case 'delete':
      if (some) deleteMilestone(doc, pick(o.target));
      return;
    case 'move':
      if (ids.length > 1 && pick(o.target) !== pick(o.after))
        moveMilestone(doc, pick(o.target), { after: pick(o.after) }, actor);
      return;
    case 'depend':
      if (some)
        setMilestoneDependencies(
          doc,
          pick(o.target),
          o.on.map(pick).filter((d) => d !== pick(o.target)),
          actor,
        );
      return;
    case 'level':
      setReadinessLevel(doc, o.dimension, o.level, actor);
      return;
    case 'evidence':
      if (readProjectDoc(doc).readiness[o.dimension]) setReadinessEvidence(doc, o.dimension, o.text, actor);
      return;
    case 'check':
      setCriterionCheck(doc, o.criterion, { checked: o.checked, evidence: o.evidence }, actor);
      return;
  }
}

describe('random writer operations on two documents', () => {
  it('converge at every sync, pass validateDoc, and every update passes the server’s check', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), op, fc.boolean()), { maxLength: 40 }), (steps) => {
        const { a, b } = pair();
        // the server: a shadow that every update from either side must pass
        const server = new Y.Doc();
        const refused: string[] = [];
        const forward = (u: Uint8Array) => {
          for (const p of applyAndValidate(server, u)) refused.push(`${p.path}: ${p.message}`);
        };
        a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && forward(u));
        b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && forward(u));
        for (const [onA, o, syncNow] of steps) {
          apply(onA ? a : b, o, onA ? 'ua' : 'ub');
          if (syncNow) {
            Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'sync');
            Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'sync');
            expect(readProjectDoc(a)).toEqual(readProjectDoc(b));
          }
        }
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'sync');
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'sync');
        expect(readProjectDoc(a)).toEqual(readProjectDoc(b));
        expect(readProjectDoc(server)).toEqual(readProjectDoc(a));
        expect(refused).toEqual([]);
        expect(server.store.pendingStructs).toBeNull();
        expect(validateDoc(a)).toEqual([]);
        expect(validateDoc(server)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
