/**
 * validateTransaction, edit by edit, as the server checks each update: the writers' edits pass,
 * and every kind of bad update is refused with the path of what is wrong.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyAndValidate,
  createMilestone,
  deleteMilestone,
  type Problem,
  readProjectDoc,
  setCriterionCheck,
  setReadinessEvidence,
  setReadinessLevel,
  updateMilestone,
  validateDoc,
  validateTransaction,
} from '../../shared/doc/index.ts';
import { makeShadow, milestone, paths, project, rawEdit } from './doc-validate.fixtures.ts';

describe('validateTransaction on valid edits', () => {
  it('finds nothing wrong with what the writers and an editor do', () => {
    const { doc, id, other } = project();
    const { check } = makeShadow(doc);
    const edits: ((d: Y.Doc) => void)[] = [
      (d) =>
        createMilestone(d, { title: 'New', description: 'a\nb', due: '2026-01-31', dependsOn: [id] }, 'u2'),
      (d) => updateMilestone(d, id, { status: 'done', owner: null, dimension: 'ip' }, 'u2'),
      (d) => setReadinessLevel(d, 'team', 7, 'u2'),
      (d) => setReadinessEvidence(d, 'technology', 'In vivo data, two species', 'u2'),
      (d) =>
        setCriterionCheck(d, 'therapeutics:t-g2-glp-tox-plan', { checked: true, evidence: 'doc-42' }, 'u2'),
      (d) => deleteMilestone(d, other),
      (d) => d.getMap('readiness').delete('technology'),
      // what a rich-text editor does: marks, attributes, nested blocks, deletions
      (d) => {
        const fragment = milestone(d, id).get('description') as Y.XmlFragment;
        const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.format(0, 3, { bold: true });
        text.insert(6, ' signed', { link: { href: 'https://example.org' } });
        const list = new Y.XmlElement('bulletList');
        const item = new Y.XmlElement('listItem');
        const p = new Y.XmlElement('paragraph');
        p.setAttribute('textAlign', 'left');
        p.insert(0, [new Y.XmlText('point')]);
        item.insert(0, [p]);
        list.insert(0, [item]);
        fragment.insert(1, [list]);
      },
      (d) => (milestone(d, id).get('description') as Y.XmlFragment).delete(0, 1),
    ];
    for (const edit of edits) {
      const update = rawEdit(doc, edit);
      expect(check(update)).toEqual([]);
      Y.applyUpdate(doc, update);
    }
    expect(validateDoc(doc)).toEqual([]);
  });

  it('accepts concurrent valid updates in any arrival order', () => {
    const { doc, id } = project();
    const a = rawEdit(doc, (d) => updateMilestone(d, id, { title: 'GLP tox (final)' }, 'a'));
    const b = rawEdit(doc, (d) => deleteMilestone(d, id));
    const c = rawEdit(doc, (d) => updateMilestone(d, id, { status: 'at_risk' }, 'c'));
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ]) {
      const { check, shadow } = makeShadow(doc);
      for (const update of order) expect(check(update)).toEqual([]);
      expect(readProjectDoc(shadow).milestones.some((m) => m.id === id)).toBe(false);
    }
  });
});

describe('validateTransaction refuses bad updates', () => {
  const { doc, id } = project();
  const cases: [string, (raw: Y.Doc) => void, string, RegExp?][] = [
    [
      'an unknown status',
      (r) => milestone(r, id).set('status', 'late'),
      `milestones/${id}/status`,
      /Invalid option/,
    ],
    [
      'a level of 12',
      (r) => r.getMap<Y.Map<unknown>>('readiness').get('technology')!.set('level', 12),
      'readiness/technology/level',
    ],
    ['a stage of 9', (r) => milestone(r, id).set('stage', 9), `milestones/${id}/stage`],
    [
      'a 500-char title',
      (r) => milestone(r, id).set('title', 'x'.repeat(500)),
      `milestones/${id}/title`,
      /300/,
    ],
    ['a blank title', (r) => milestone(r, id).set('title', '  '), `milestones/${id}/title`, /blank/],
    ['due "tomorrow"', (r) => milestone(r, id).set('due', 'tomorrow'), `milestones/${id}/due`, /YYYY-MM-DD/],
    [
      'a timestamp that is not a number',
      (r) => milestone(r, id).set('updatedAt', '2026'),
      `milestones/${id}/updatedAt`,
    ],
    ['a bad order key', (r) => milestone(r, id).set('order', '!!'), `milestones/${id}/order`],
    [
      'a non-string dependency',
      (r) => (milestone(r, id).get('dependsOn') as Y.Array<unknown>).push([42]),
      `milestones/${id}/dependsOn`,
      /milestone ids/,
    ],
    [
      'a self-dependency',
      (r) => (milestone(r, id).get('dependsOn') as Y.Array<unknown>).push([id]),
      `milestones/${id}/dependsOn`,
      /itself/,
    ],
    [
      'a nested type inside dependsOn',
      (r) => (milestone(r, id).get('dependsOn') as Y.Array<unknown>).push([new Y.Map()]),
      `milestones/${id}/dependsOn`,
    ],
    [
      'too many dependencies',
      (r) =>
        (milestone(r, id).get('dependsOn') as Y.Array<unknown>).push(
          Array.from({ length: 201 }, (_, i) => `m${i}`),
        ),
      `milestones/${id}/dependsOn`,
      /200/,
    ],
    ['a new top-level type', (r) => r.getMap('evil').set('x', 1), 'evil', /unknown top-level type/],
    ['a root written as text', (r) => r.getText('milestones').insert(0, 'x'), 'milestones', /not a list/],
    ['a root written as a list', (r) => r.getArray('readiness').push([1]), 'readiness', /not a list/],
    [
      'an unknown key',
      (r) => milestone(r, id).set('colour', 'red'),
      `milestones/${id}/colour`,
      /unknown key/,
    ],
    [
      'a Y.Map where a string is expected',
      (r) => milestone(r, id).set('title', new Y.Map()),
      `milestones/${id}/title`,
      /expected a Y.Text, found a Y.Map/,
    ],
    [
      'a string where rich text is expected',
      (r) => milestone(r, id).set('description', 'text'),
      `milestones/${id}/description`,
      /nested type/,
    ],
    [
      'a Y.Text where rich text is expected',
      (r) => milestone(r, id).set('description', new Y.Text('x')),
      `milestones/${id}/description`,
      /XmlFragment/,
    ],
    [
      'an entry that is not a map',
      (r) => r.getMap('milestones').set('m-2', 'hello'),
      'milestones/m-2',
      /must be a Y.Map/,
    ],
    [
      'an entry that is a Y.Text',
      (r) => r.getMap('criteria').set('c-1', new Y.Text('x')),
      'criteria/c-1',
      /must be a Y.Map/,
    ],
    [
      'an unknown dimension',
      (r) => r.getMap('readiness').set('astrology', new Y.Map([['level', 3]])),
      'readiness/astrology',
      /not a valid key/,
    ],
    [
      'a milestone without a title',
      (r) => r.getMap('milestones').set('m-3', new Y.Map<unknown>([['status', 'planned']])),
      'milestones/m-3/title',
      /required/,
    ],
    [
      'a deleted required key',
      (r) => milestone(r, id).delete('status'),
      `milestones/${id}/status`,
      /required/,
    ],
    [
      'formatting in readiness evidence',
      (r) =>
        (r.getMap<Y.Map<unknown>>('readiness').get('technology')!.get('evidence') as Y.Text).insert(0, 'x', {
          bold: true,
        }),
      'readiness/technology/evidence',
      /plain text/,
    ],
    [
      'an embed in readiness evidence',
      (r) =>
        (r.getMap<Y.Map<unknown>>('readiness').get('technology')!.get('evidence') as Y.Text).insertEmbed(0, {
          image: 'x',
        }),
      'readiness/technology/evidence',
      /embed/,
    ],
    [
      'criterion evidence of 3000 chars',
      (r) =>
        r
          .getMap<Y.Map<unknown>>('criteria')
          .get('therapeutics:t-g2-glp-tox-plan')!
          .set('evidence', 'e'.repeat(3000)),
      'criteria/therapeutics:t-g2-glp-tox-plan/evidence',
    ],
    [
      'a Y.Map inside a description',
      (r) => (milestone(r, id).get('description') as Y.XmlFragment).insert(0, [new Y.Map() as never]),
      `milestones/${id}/description`,
      /elements and text/,
    ],
    [
      'an XmlHook inside a description',
      (r) => (milestone(r, id).get('description') as Y.XmlFragment).insert(0, [new Y.XmlHook('h') as never]),
      `milestones/${id}/description`,
    ],
    [
      'a bad element name',
      (r) => (milestone(r, id).get('description') as Y.XmlFragment).insert(0, [new Y.XmlElement('<script>')]),
      `milestones/${id}/description`,
      /element name/,
    ],
    [
      'half a surrogate pair in a formatting mark (marks travel as JSON, which keeps it)',
      (r) => {
        const fragment = milestone(r, id).get('description') as Y.XmlFragment;
        ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, {
          comment: { note: 'a\ud800' },
        });
      },
      `milestones/${id}/description/paragraph/text`,
      /half a surrogate pair/,
    ],
    [
      'a subdocument',
      (r) => milestone(r, id).set('dependsOn', new Y.Doc() as never),
      `milestones/${id}/dependsOn`,
      /subdocument/,
    ],
  ];

  it.each(cases)('%s', (_, edit, path, message) => {
    const { check, shadow } = makeShadow(doc);
    const problems = check(rawEdit(doc, edit));
    expect(paths(problems)).toContain(path);
    if (message) expect(problems.find((p) => p.path === path)!.message).toMatch(message);
    // the full walk agrees with the incremental check
    expect(validateDoc(shadow).length).toBeGreaterThan(0);
  });

  it('still refuses when Yjs follows the update with a formatting cleanup of its own', () => {
    const update = rawEdit(doc, (r) => {
      milestone(r, id).set('status', 'late');
      const paragraph = (milestone(r, id).get('description') as Y.XmlFragment).get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, 'bold', { bold: true });
    });
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc));
    const perTransaction: Problem[][] = [];
    shadow.on('afterTransaction', (tr: Y.Transaction) =>
      perTransaction.push(validateTransaction(shadow, tr)),
    );
    const problems = applyAndValidate(shadow, update);
    expect(paths(problems)).toEqual([`milestones/${id}/status`]);
    // keeping only the last transaction's answer would have let this update through
    expect(perTransaction.length).toBeGreaterThan(1);
    expect(perTransaction.at(-1)).toEqual([]);
  });

  it('refuses attacker-deep nesting quickly, without recursion', () => {
    const update = rawEdit(doc, (r) => {
      let node: Y.XmlFragment = milestone(r, id).get('description') as Y.XmlFragment;
      for (let i = 0; i < 2000; i++) {
        const child = new Y.XmlElement('div');
        node.insert(0, [child]);
        node = child;
      }
    });
    const { check, shadow } = makeShadow(doc);
    const started = performance.now();
    const problems = check(update);
    expect(problems.some((p) => /deeper than/.test(p.message))).toBe(true);
    expect(validateDoc(shadow).some((p) => /deeper than/.test(p.message))).toBe(true);
    expect(readProjectDoc(shadow).milestones.length).toBe(2); // reading the result does not blow up either
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
