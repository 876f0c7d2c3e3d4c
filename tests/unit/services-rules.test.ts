import { describe, expect, it } from 'vitest';
import { foldText, matchesDirectory } from '../../server/organisations/directory.rules.ts';
import { median, milestoneEffect } from '../../server/service-requests/service-requests.rules.ts';
import { answersSchema, canMove, type RequestForm, requestStatuses } from '../../shared/services.ts';

describe('the service request state machine', () => {
  const allowed = new Set([
    'submitted>in_review',
    'in_review>accepted',
    'in_review>declined',
    'accepted>scheduled',
    'scheduled>delivered',
  ]);
  for (const from of requestStatuses)
    for (const to of requestStatuses)
      it(`${allowed.has(`${from}>${to}`) ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canMove(from, to)).toBe(allowed.has(`${from}>${to}`));
      });

  it('dates the tracking milestone when scheduled and closes it when delivered', () => {
    expect(milestoneEffect('scheduled', '2027-01-18')).toEqual({ due: '2027-01-18', status: 'in_progress' });
    expect(milestoneEffect('delivered', '2027-01-18')).toEqual({ status: 'done' });
    expect(milestoneEffect('in_review', null)).toBeNull();
  });

  it('takes the median of an odd or even count, and none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('a request form as data', () => {
  const form: RequestForm = [
    { key: 'purpose', type: 'textarea', label: { en: 'Purpose', fr: 'Finalité' }, required: true },
    { key: 'batches', type: 'number', label: { en: 'Batches', fr: 'Lots' }, required: true, min: 1, max: 12 },
    { key: 'start', type: 'date', label: { en: 'Start', fr: 'Début' }, required: false },
    {
      key: 'categories',
      type: 'multiselect',
      label: { en: 'Categories', fr: 'Catégories' },
      required: true,
      options: [
        { value: 'a', label: { en: 'A', fr: 'A' } },
        { value: 'b', label: { en: 'B', fr: 'B' } },
      ],
    },
    {
      key: 'no_patient_data',
      type: 'confirm',
      label: { en: 'I confirm', fr: 'Je confirme' },
      required: true,
    },
  ];
  const schema = answersSchema(form);
  const good = { purpose: 'Prevalence', batches: 2, categories: ['a'], no_patient_data: true };

  it('accepts complete answers, and a blank optional field', () => {
    expect(schema.safeParse(good).success).toBe(true);
    expect(schema.safeParse({ ...good, start: '' }).success).toBe(true);
  });

  it('names each wrong or missing field', () => {
    const result = schema.safeParse({
      purpose: '  ',
      batches: 13,
      start: 'soon',
      categories: ['c'],
      no_patient_data: false,
      extra: 1,
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys : [String(i.path[0])],
    );
    expect(fields.sort()).toEqual(['batches', 'categories', 'extra', 'no_patient_data', 'purpose', 'start']);
  });
});

describe('the directory search', () => {
  const org = {
    id: '1',
    slug: 'x',
    name: 'Hôpital de Bicêtre-Sud',
    kind: 'hospital' as const,
    founder: false,
    parentId: null,
    description: { en: 'Digestive oncology.', fr: 'Oncologie digestive.' },
    focusAreas: ['cell_therapy'],
    website: null,
  };
  it('folds accents and case', () => {
    expect(foldText('Thérapie CELLULAIRE')).toBe('therapie cellulaire');
  });
  it('matches names, descriptions and focus labels in both languages', () => {
    for (const q of ['bicetre', 'digestive', 'thérapie cellulaire', 'cell therapy', 'oncologie digestive'])
      expect(matchesDirectory(org, { q })).toBe(true);
    expect(matchesDirectory(org, { q: 'imaging' })).toBe(false);
    expect(matchesDirectory(org, { category: 'hospitals', focus: 'cell_therapy' })).toBe(true);
    expect(matchesDirectory(org, { category: 'founders' })).toBe(false);
    expect(matchesDirectory(org, { category: 'industry' })).toBe(false);
  });
});
