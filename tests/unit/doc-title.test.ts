/**
 * Milestone titles as Y.Text (shape.ts): typed character by character, concurrent edits merge;
 * the server's validation refuses what no writer writes (formatting, embeds, nested types, a new
 * title that is blank or too long, past the cap) but accepts what merges of valid edits make;
 * legacy string titles are read as they are and become text on their first edit.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BLANK_TITLE,
  createMilestone,
  LIMITS,
  makeTitleText,
  milestoneTitle,
  readMilestoneById,
  readProjectDoc,
  typeMilestoneTitle,
  updateMilestone,
  validateDoc,
} from '../../shared/doc/index.ts';
import { makeShadow, milestone, paths, project, rawEdit } from './doc-validate.fixtures.ts';

/** Two replicas of `doc`, each with its own client id, as two browsers have. */
function replicas(doc: Y.Doc): [Y.Doc, Y.Doc] {
  const copy = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
    return d;
  };
  return [copy(), copy()];
}

/** The update `edit` makes on `replica`. */
function edited(replica: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(replica);
  edit(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

/** A document whose milestone's title is a legacy string, as every document stored before. */
function legacyProject(title = 'GLP toxicology') {
  const { doc, id } = project();
  milestone(doc, id).set('title', title);
  return { doc, id };
}

describe('titles are text that people type into together', () => {
  it('writes a new title as a Y.Text and reads it back', () => {
    const { doc, id } = project();
    expect(milestone(doc, id).get('title')).toBeInstanceOf(Y.Text);
    expect(readMilestoneById(doc, id)?.title).toBe('GLP toxicology');
    expect(validateDoc(doc)).toEqual([]);
  });

  it('keeps both concurrent edits: one appends, the other prepends, in either arrival order', () => {
    const { doc, id } = project();
    const [a, b] = replicas(doc);
    // keystroke by keystroke, as the title field writes them
    const ua: Uint8Array[] = [];
    let typed = 'GLP toxicology';
    for (const key of ' (phase I)') {
      typed += key;
      const value = typed;
      ua.push(edited(a, (d) => typeMilestoneTitle(d, id, value, 'a')));
    }
    const ub = edited(b, (d) => typeMilestoneTitle(d, id, '[CMC] GLP toxicology', 'b'));
    for (const order of [
      [...ua, ub],
      [ub, ...ua],
    ]) {
      const { check, shadow } = makeShadow(doc);
      for (const update of order) expect(check(update)).toEqual([]);
      expect(readMilestoneById(shadow, id)?.title).toBe('[CMC] GLP toxicology (phase I)');
    }
  });

  it('reads a legacy string title as it is, and the first edit makes it text in one transaction', () => {
    const { doc, id } = legacyProject();
    expect(validateDoc(doc)).toEqual([]);
    expect(readProjectDoc(doc).milestones.find((m) => m.id === id)?.title).toBe('GLP toxicology');
    expect(milestoneTitle(doc, id)).toBeNull();

    const { check, shadow } = makeShadow(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const update = edited(doc, (d) => typeMilestoneTitle(d, id, 'GLP toxicology report', 'u2'));
    expect(transactions).toBe(1);
    expect(milestoneTitle(doc, id)?.toString()).toBe('GLP toxicology report');
    expect(check(update)).toEqual([]);
    expect(readMilestoneById(shadow, id)).toMatchObject({ title: 'GLP toxicology report', updatedBy: 'u2' });
  });

  it('turns a legacy title into text with the same words before anyone types, changing nothing else', () => {
    const { doc, id } = legacyProject();
    const before = readMilestoneById(doc, id);
    const { check } = makeShadow(doc);
    const update = edited(doc, (d) => expect(makeTitleText(d, id)).toBe(true));
    expect(check(update)).toEqual([]);
    expect(readMilestoneById(doc, id)).toEqual(before);
    expect(makeTitleText(doc, id)).toBe(false);
    // updateMilestone converts too
    const other = legacyProject('Old words');
    updateMilestone(other.doc, other.id, { title: 'New words' }, 'u2');
    expect(milestoneTitle(other.doc, other.id)?.toString()).toBe('New words');
  });

  it('refuses, when typing, a blank title, a line break and growing past 300 characters', () => {
    const { doc, id } = project();
    expect(() => typeMilestoneTitle(doc, id, '   ', 'u')).toThrow(/blank/);
    expect(() => typeMilestoneTitle(doc, id, 'two\nlines', 'u')).toThrow(/one line/);
    expect(() => typeMilestoneTitle(doc, id, 'x'.repeat(301), 'u')).toThrow(/300/);
    expect(readMilestoneById(doc, id)?.title).toBe('GLP toxicology');
  });
});

describe('what merges of valid title edits make', () => {
  it('two people deleting half each: both updates are accepted; the title reads as BLANK_TITLE and can be typed again', () => {
    const { doc, id } = project();
    const [a, b] = replicas(doc);
    const ua = edited(a, (d) => typeMilestoneTitle(d, id, 'toxicology', 'a'));
    const ub = edited(b, (d) => typeMilestoneTitle(d, id, 'GLP ', 'b'));
    const { check, shadow } = makeShadow(doc);
    expect(check(ua)).toEqual([]);
    expect(check(ub)).toEqual([]);
    expect(milestoneTitle(shadow, id)?.toString()).toBe('');
    expect(readMilestoneById(shadow, id)?.title).toBe(BLANK_TITLE);
    expect(validateDoc(shadow)).toEqual([]);
    const retyped = rawEdit(shadow, (d) => typeMilestoneTitle(d, id, 'GLP tox', 'a'));
    expect(check(retyped)).toEqual([]);
    expect(readMilestoneById(shadow, id)?.title).toBe('GLP tox');
  });

  it('two rewrites merged past 300 characters: accepted, read clipped to 300, and may be shortened', () => {
    const { doc, id } = project();
    const [a, b] = replicas(doc);
    const ua = edited(a, (d) => typeMilestoneTitle(d, id, `GLP toxicology ${'a'.repeat(280)}`, 'a'));
    const ub = edited(b, (d) => typeMilestoneTitle(d, id, `${'b'.repeat(280)} GLP toxicology`, 'b'));
    const { check, shadow } = makeShadow(doc);
    expect(check(ua)).toEqual([]);
    expect(check(ub)).toEqual([]);
    const text = milestoneTitle(shadow, id)!;
    expect(text.length).toBeGreaterThan(LIMITS.title);
    const read = readMilestoneById(shadow, id)!.title;
    expect(read.length).toBeLessThanOrEqual(LIMITS.title);
    expect(text.toString().replace(/\s+/g, ' ').startsWith(read)).toBe(true);
    // the person who sees it too long deletes some of it: allowed, though still over 300
    const shorter = text.toString().slice(0, text.length - 10);
    const update = rawEdit(shadow, (d) => typeMilestoneTitle(d, id, shorter, 'a'));
    expect(check(update)).toEqual([]);
    // but not made longer
    expect(() => typeMilestoneTitle(shadow, id, `${text.toString()}!`, 'a')).toThrow(/300/);
  });

  it('reads a title trimmed at its ends, its inner characters as written', () => {
    const { doc, id } = project();
    updateMilestone(doc, id, { title: ' GLP  tox ' }, 'u');
    expect(readMilestoneById(doc, id)?.title).toBe('GLP  tox');
  });
});

describe('validation of a title Y.Text (the server, per update)', () => {
  const { doc, id } = project();
  const title = (raw: Y.Doc) => milestone(raw, id).get('title') as Y.Text;
  const cases: [string, (raw: Y.Doc) => void, RegExp][] = [
    ['formatting', (r) => title(r).format(0, 3, { bold: true }), /plain text only, found a formatting mark/],
    ['text inserted with formatting', (r) => title(r).insert(0, 'x', { bold: true }), /plain text only/],
    ['an embed', (r) => title(r).insertEmbed(0, { image: 'x' }), /plain text only, found an embed/],
    ['a nested type', (r) => title(r).insertEmbed(0, new Y.Map() as never), /holds no nested types/],
    ['a Y.XmlText title', (r) => milestone(r, id).set('title', new Y.XmlText('x')), /expected a Y.Text/],
    ['a new blank title', (r) => milestone(r, id).set('title', new Y.Text('  ')), /blank/],
    ['a new 301-char title', (r) => milestone(r, id).set('title', new Y.Text('x'.repeat(301))), /300/],
    [
      'a title grown past the cap',
      (r) => title(r).insert(0, 'x'.repeat(LIMITS.titleText)),
      new RegExp(`longer than ${LIMITS.titleText}`),
    ],
  ];
  for (const [what, edit, message] of cases)
    it(`refuses ${what}`, () => {
      const { check } = makeShadow(doc);
      const problems = check(rawEdit(doc, edit));
      expect(paths(problems).some((p) => p.startsWith(`milestones/${id}/title`))).toBe(true);
      expect(problems.map((p) => p.message).join('; ')).toMatch(message);
    });

  it('accepts a new milestone created by another client with a Y.Text title, and one with a legacy string', () => {
    const { check } = makeShadow(doc);
    expect(check(rawEdit(doc, (d) => createMilestone(d, { title: 'Potency' }, 'u2')))).toEqual([]);
    expect(
      check(
        rawEdit(doc, (d) => {
          const m = new Y.Map<unknown>();
          d.getMap('milestones').set('legacy-1', m);
          m.set('title', 'Written by an older client');
          m.set('status', 'planned');
        }),
      ),
    ).toEqual([]);
  });
});
