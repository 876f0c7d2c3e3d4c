/**
 * The document's writers: milestones (create, update, delete, move) and maturation (readiness,
 * gate criteria), each read back as plain data.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createMilestone,
  deleteMilestone,
  milestoneDescription,
  moveMilestone,
  readinessEvidence,
  readProjectDoc,
  setCriterionCheck,
  setMilestoneDependencies,
  setReadinessEvidence,
  setReadinessLevel,
  updateMilestone,
  validateDoc,
} from '../../shared/doc/index.ts';

const titles = (doc: Y.Doc) => readProjectDoc(doc).milestones.map((m) => m.title);
const snapshot = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

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
