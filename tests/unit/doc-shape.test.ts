import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projects as demoProjects } from '../../server/db/seed/cluster.data.ts';
import {
  createMilestone,
  deleteMilestone,
  docName,
  isOrderKey,
  keyBetween,
  keysBetween,
  milestoneDescription,
  moveMilestone,
  parseDocName,
  readinessEvidence,
  readProjectDoc,
  seedProjectDoc,
  setCriterionCheck,
  setMilestoneDependencies,
  setReadinessEvidence,
  setReadinessLevel,
  updateMilestone,
  validateDoc,
} from '../../shared/doc/index.ts';

const titles = (doc: Y.Doc) => readProjectDoc(doc).milestones.map((m) => m.title);
const snapshot = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

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

describe('milestone writers', () => {
  it('create a full milestone with defaults, readable as plain data, in creation order', () => {
    const doc = new Y.Doc();
    const a = createMilestone(doc, { title: '  GLP toxicology report  ', stage: 3 }, 'u-lead');
    const b = createMilestone(
      doc,
      {
        title: 'Pre-CTA meeting',
        description: 'Book the slot.\n\nSend the briefing book.',
        owner: 'u-res',
        due: '2026-03-31',
        status: 'at_risk',
        dimension: 'regulatory',
        dependsOn: [a],
      },
      'u-lead',
    );
    const { milestones } = readProjectDoc(doc);
    expect(milestones.map((m) => m.id)).toEqual([a, b]);
    expect(milestones[0]).toMatchObject({
      title: 'GLP toxicology report',
      description: '',
      owner: null,
      due: null,
      status: 'planned',
      stage: 3,
      dimension: null,
      dependsOn: [],
      createdBy: 'u-lead',
      updatedBy: 'u-lead',
    });
    expect(milestones[1]).toMatchObject({
      description: 'Book the slot.\n\nSend the briefing book.',
      dependsOn: [a],
    });
    // the description is rich text: one paragraph element per line, for the editor
    const fragment = milestoneDescription(doc, b)!;
    expect(fragment.toArray().map((p) => (p as Y.XmlElement).nodeName)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(validateDoc(doc)).toEqual([]);
  });

  it.each([
    [{ title: 'x', status: 'late' }, /status: Invalid option/],
    [{ title: 'x', stage: 9 }, /stage/],
    [{ title: 'x', stage: 1.5 }, /stage/],
    [{ title: 'x'.repeat(301) }, /title: must be at most 300 characters/],
    [{ title: '   ' }, /title: must not be blank/],
    [{ title: 'x', due: 'tomorrow' }, /due: must be a date YYYY-MM-DD/],
    [{ title: 'x', due: '2026-02-30' }, /due/],
    [{ title: 'x', dimension: 'astrology' }, /dimension/],
    [{ title: 'x', colour: 'red' }, /Unrecognized key/],
    [{ title: 'x', dependsOn: ['no-such-milestone'] }, /no milestone "no-such-milestone"/],
    [{ title: 'x', dependsOn: [42] }, /dependsOn/],
  ])('createMilestone refuses %j and leaves the document unchanged', (input, message) => {
    const doc = new Y.Doc();
    createMilestone(doc, { title: 'existing' }, 'u');
    const before = snapshot(doc);
    expect(() => createMilestone(doc, input as never, 'u')).toThrow(message);
    expect(snapshot(doc)).toEqual(before);
  });

  it('updateMilestone changes only the given fields and refuses bad patches whole', () => {
    const doc = new Y.Doc();
    const id = createMilestone(doc, { title: 'Vector batch', description: 'old' }, 'u1');
    updateMilestone(doc, id, { status: 'blocked', description: 'CDMO slot slipped\nby two months' }, 'u2');
    expect(readProjectDoc(doc).milestones[0]).toMatchObject({
      title: 'Vector batch',
      status: 'blocked',
      description: 'CDMO slot slipped\nby two months',
      createdBy: 'u1',
      updatedBy: 'u2',
    });
    const before = snapshot(doc);
    expect(() => updateMilestone(doc, id, { status: 'done', stage: 12 }, 'u2')).toThrow(/stage/);
    expect(() => updateMilestone(doc, id, { order: 'a1' } as never, 'u2')).toThrow(/Unrecognized key/);
    expect(() => updateMilestone(doc, 'missing', { status: 'done' }, 'u2')).toThrow(/No milestone "missing"/);
    expect(() => updateMilestone(doc, id, { status: 'done' }, '')).toThrow(/actor/);
    expect(() => setMilestoneDependencies(doc, id, [id], 'u2')).toThrow(/cannot depend on itself/);
    expect(snapshot(doc)).toEqual(before);
    // a patch that changes nothing writes nothing
    updateMilestone(doc, id, { status: 'blocked' }, 'u3');
    expect(snapshot(doc)).toEqual(before);
  });

  it('deleteMilestone also drops it from the others’ dependencies', () => {
    const doc = new Y.Doc();
    const a = createMilestone(doc, { title: 'A' }, 'u');
    const b = createMilestone(doc, { title: 'B', dependsOn: [a] }, 'u');
    const c = createMilestone(doc, { title: 'C' }, 'u');
    setMilestoneDependencies(doc, c, [a, b, a], 'u');
    expect(readProjectDoc(doc).milestones[2]!.dependsOn).toEqual([a, b]);
    expect(deleteMilestone(doc, a)).toBe(true);
    expect(deleteMilestone(doc, a)).toBe(false);
    const { milestones } = readProjectDoc(doc);
    expect(milestones.map((m) => [m.title, m.dependsOn])).toEqual([
      ['B', []],
      ['C', [b]],
    ]);
    expect(validateDoc(doc)).toEqual([]);
  });

  it('moveMilestone places after, before, between and last, and survives tied keys', () => {
    const doc = new Y.Doc();
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((title) => createMilestone(doc, { title }, 'u')) as [
      string,
      string,
      string,
      string,
    ];
    moveMilestone(doc, d, { after: a }, 'u');
    expect(titles(doc)).toEqual(['A', 'D', 'B', 'C']);
    moveMilestone(doc, a, { before: c }, 'u');
    expect(titles(doc)).toEqual(['D', 'B', 'A', 'C']);
    moveMilestone(doc, c, { after: d, before: b }, 'u');
    expect(titles(doc)).toEqual(['D', 'C', 'B', 'A']);
    moveMilestone(doc, d, {}, 'u');
    expect(titles(doc)).toEqual(['C', 'B', 'A', 'D']);
    expect(() => moveMilestone(doc, a, { after: b, before: c }, 'u')).toThrow(/does not come before/);
    expect(() => moveMilestone(doc, a, { after: a }, 'u')).toThrow(/next to itself/);
    // two clients once chose the same key for B and A: moving between them still works
    const ms = doc.getMap<Y.Map<unknown>>('milestones');
    ms.get(a)!.set('order', ms.get(b)!.get('order'));
    const [first, second] = readProjectDoc(doc)
      .milestones.slice(1, 3)
      .map((m) => m.id) as [string, string];
    moveMilestone(doc, d, { after: first, before: second }, 'u');
    expect(readProjectDoc(doc).milestones.map((m) => m.id)).toEqual([c, first, d, second]);
    expect(validateDoc(doc)).toEqual([]);
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

describe('maturation writers', () => {
  it('score readiness, then replace its evidence keeping a concurrent edit elsewhere', () => {
    const doc = new Y.Doc();
    expect(() => setReadinessEvidence(doc, 'manufacturing', 'x', 'u')).toThrow(/no level yet/);
    setReadinessLevel(doc, 'manufacturing', 4, 'u');
    setReadinessEvidence(doc, 'manufacturing', 'Process runs at full scale.', 'u');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    readinessEvidence(other, 'manufacturing')!.insert(0, 'Update: ');
    setReadinessEvidence(doc, 'manufacturing', 'Process runs at full scale in development.', 'u');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readProjectDoc(doc).readiness.manufacturing).toMatchObject({
      level: 4,
      evidence: 'Update: Process runs at full scale in development.',
    });
    expect(readProjectDoc(other)).toEqual(readProjectDoc(doc));

    const before = snapshot(doc);
    expect(() => setReadinessLevel(doc, 'manufacturing', 12, 'u')).toThrow(/readiness level/);
    expect(() => setReadinessLevel(doc, 'manufacturing', 0, 'u')).toThrow(/readiness level/);
    expect(() => setReadinessLevel(doc, 'astrology' as never, 3, 'u')).toThrow(/readiness dimension/);
    expect(() => setReadinessEvidence(doc, 'manufacturing', 'x'.repeat(10_001), 'u')).toThrow(
      /10000 characters/,
    );
    expect(snapshot(doc)).toEqual(before);
  });

  it('check gate criteria: who and when change only with the check', () => {
    const doc = new Y.Doc();
    setCriterionCheck(
      doc,
      'therapeutics:t-g2-glp-tox-plan',
      { checked: true, evidence: 'https://x/plan' },
      'u1',
    );
    const first = readProjectDoc(doc).criteria['therapeutics:t-g2-glp-tox-plan']!;
    expect(first).toMatchObject({ checked: true, evidence: 'https://x/plan', checkedBy: 'u1' });
    setCriterionCheck(
      doc,
      'therapeutics:t-g2-glp-tox-plan',
      { checked: true, evidence: 'https://x/v2' },
      'u2',
    );
    expect(readProjectDoc(doc).criteria['therapeutics:t-g2-glp-tox-plan']).toMatchObject({
      evidence: 'https://x/v2',
      checkedBy: 'u1',
      checkedAt: first.checkedAt,
    });
    setCriterionCheck(doc, 'therapeutics:t-g2-glp-tox-plan', { checked: false }, 'u2');
    expect(readProjectDoc(doc).criteria['therapeutics:t-g2-glp-tox-plan']).toEqual({
      checked: false,
      evidence: 'https://x/v2',
      checkedBy: null,
      checkedAt: null,
    });
    const before = snapshot(doc);
    expect(() => setCriterionCheck(doc, 'bad id', { checked: true }, 'u')).toThrow(/criterion id/);
    expect(() => setCriterionCheck(doc, 'x', { checked: true, evidence: 'e'.repeat(2001) }, 'u')).toThrow(
      /2000/,
    );
    expect(() => setCriterionCheck(doc, 'x', { checked: 'yes' } as never, 'u')).toThrow(/checked/);
    expect(snapshot(doc)).toEqual(before);
    expect(validateDoc(doc)).toEqual([]);
  });
});

describe('seedProjectDoc', () => {
  it('seeds every demo project into a valid document, keeping order and dependencies', () => {
    for (const p of demoProjects) {
      const doc = new Y.Doc();
      const ids = seedProjectDoc(doc, {
        milestones: p.milestones.map((m) => ({
          key: m.key,
          title: m.title,
          description: m.description,
          owner: `user-${m.owner}`,
          due: '2026-06-30',
          status: m.status,
          stage: m.stage,
          dimension: m.dimension,
          dependsOnKeys: m.dependsOn,
          createdBy: 'user-lead',
        })),
        readiness: Object.fromEntries(
          Object.entries(p.readiness).map(([dim, r]) => [
            dim,
            { level: r.level, evidence: r.evidence, updatedBy: 'u' },
          ]),
        ),
      });
      expect(validateDoc(doc)).toEqual([]);
      const data = readProjectDoc(doc);
      expect(data.milestones.map((m) => m.title)).toEqual(p.milestones.map((m) => m.title));
      for (const m of p.milestones) {
        const read = data.milestones.find((x) => x.id === ids.get(m.key))!;
        expect(read.dependsOn).toEqual(m.dependsOn.map((k) => ids.get(k)));
        expect(read.description).toBe(m.description);
      }
      expect(Object.keys(data.readiness).sort()).toEqual(Object.keys(p.readiness).sort());
    }
  });

  it('resolves dependencies by index, seeds criteria, and refuses bad or repeated seeding', () => {
    const doc = new Y.Doc();
    const ids = seedProjectDoc(doc, {
      milestones: [
        { title: 'first', createdBy: 'u' },
        { title: 'second', createdBy: 'u', dependsOnIndexes: [0] },
      ],
      criteria: { 'device:d-g0-need': { checked: true, evidence: 'ref', checkedBy: 'u' } },
    });
    expect(readProjectDoc(doc).milestones[1]!.dependsOn).toEqual([ids.get('0')]);
    expect(readProjectDoc(doc).criteria['device:d-g0-need']).toMatchObject({ checked: true, checkedBy: 'u' });
    expect(() => seedProjectDoc(doc, { milestones: [] })).toThrow(/already has content/);
    const empty = new Y.Doc();
    expect(() =>
      seedProjectDoc(empty, { milestones: [{ title: 'x', createdBy: 'u', dependsOnKeys: ['nope'] }] }),
    ).toThrow(/unknown key "nope"/);
    expect(() =>
      seedProjectDoc(empty, { milestones: [{ title: 'x', createdBy: 'u', dependsOnIndexes: [0] }] }),
    ).toThrow(/depends on itself/);
    expect(() => seedProjectDoc(empty, { readiness: { team: { level: 10, updatedBy: 'u' } } })).toThrow(
      /readiness/,
    );
    expect(snapshot(empty)).toEqual(snapshot(new Y.Doc()));
  });
});
