/** The activity feed's sentences, in both languages, from audit events as the server stores them. */
import { describe, expect, it } from 'vitest';
import { type ActivityNames, describeEvent } from '../../client/features/activity/describe.ts';
import { en } from '../../client/i18n/en.ts';
import { fr } from '../../client/i18n/fr.ts';
import type { ActivityEvent } from '../../shared/activity.ts';

const names = (t: typeof en.activity, locale: 'en' | 'fr'): ActivityNames => ({
  t,
  milestoneTitle: (id) => ({ m1: 'GLP tox' })[id] ?? null,
  memberName: (id) => ({ u1: 'Karim Benali' })[id] ?? null,
  dimensionName: (id) => ({ technology: locale === 'en' ? 'Technology' : 'Technologie' })[id] ?? id,
  criterionText: (id) => ({ c1: 'Tox reports are final' })[id] ?? id,
  statusName: (s) => (locale === 'en' ? en : fr).room.statuses[s as 'done'] ?? s,
  roleName: (r) => ((locale === 'en' ? en : fr).roles[r as 'lead'] ?? r).toLowerCase(),
  outcomeName: (o) => (locale === 'en' ? en : fr).gates.outcomes[o as 'go'] ?? o,
  stageName: (i) => `stage ${i}`,
  formatDate: (iso) => iso,
  formatNumber: (n) => String(n),
});

const event = (over: Partial<ActivityEvent>): ActivityEvent => ({
  seq: 1,
  at: '2026-11-29T14:02:00.000Z',
  actor: { id: 'u0', name: 'Claire Dubois' },
  entity: 'milestone',
  entityId: 'm1',
  action: 'update',
  field: null,
  before: null,
  after: null,
  reason: null,
  ...over,
});

describe('activity sentences', () => {
  const e = names(en.activity, 'en');
  it('tells a milestone status move with the milestone’s title and the statuses’ names', () => {
    expect(describeEvent(event({ field: 'status', before: 'planned', after: 'done' }), e)).toBe(
      'moved GLP tox from Planned to Done',
    );
    expect(
      describeEvent(event({ field: 'status', before: 'planned', after: 'done' }), names(fr.activity, 'fr')),
    ).toBe('a fait passer GLP tox de Prévu à Terminé');
  });

  it('names a deleted milestone by the title it had', () => {
    expect(
      describeEvent(event({ entityId: 'gone', action: 'delete', before: { title: 'Old assay' } }), e),
    ).toBe('deleted the milestone Old assay');
  });

  it('tells due dates set, moved and removed, and owners by name', () => {
    expect(describeEvent(event({ field: 'due', before: null, after: '2027-01-10' }), e)).toBe(
      'set the due date of GLP tox to 2027-01-10',
    );
    expect(describeEvent(event({ field: 'due', before: '2027-01-10', after: '2027-02-01' }), e)).toBe(
      'changed the due date of GLP tox from 2027-01-10 to 2027-02-01',
    );
    expect(describeEvent(event({ field: 'due', before: '2027-01-10', after: null }), e)).toBe(
      'removed the due date of GLP tox',
    );
    expect(describeEvent(event({ field: 'owner', after: 'u1' }), e)).toBe('gave GLP tox to Karim Benali');
  });

  it('tells readiness raised or lowered, and criteria checked', () => {
    expect(
      describeEvent(
        event({ entity: 'readiness', entityId: 'technology', field: 'level', before: 4, after: 6 }),
        e,
      ),
    ).toBe('raised Technology from level 4 to 6');
    expect(
      describeEvent(
        event({ entity: 'readiness', entityId: 'technology', field: 'level', before: 6, after: 5 }),
        e,
      ),
    ).toBe('lowered Technology from level 6 to 5');
    expect(
      describeEvent(
        event({ entity: 'criterion', entityId: 'c1', field: 'checked', before: false, after: true }),
        e,
      ),
    ).toBe('checked the gate criterion “Tox reports are final”');
  });

  it('tells gate decisions, stage moves and members', () => {
    expect(
      describeEvent(event({ entity: 'gate_decision', action: 'create', after: { outcome: 'go' } }), e),
    ).toBe('signed the gate decision: Go');
    const refused = event({ entity: 'gate_signature', action: 'refused', reason: 'wrong password' });
    expect(describeEvent(refused, e)).toBe('tried to sign the gate decision with a wrong password');
    expect(describeEvent(refused, names(fr.activity, 'fr'))).toMatch(/mot de passe erroné/);
    expect(describeEvent(event({ entity: 'project', field: 'stage', before: 3, after: 4 }), e)).toBe(
      'moved the project from stage 3 to stage 4',
    );
    expect(
      describeEvent(
        event({ entity: 'member', entityId: 'p1:u1', action: 'create', field: 'role', after: 'mentor' }),
        e,
      ),
    ).toBe('added Karim Benali as mentor');
  });

  it('never shows a comment’s body, only where it was made', () => {
    const text = describeEvent(
      event({ entity: 'comment', action: 'create', after: { milestoneId: 'm1', body: 'Secret team note' } }),
      e,
    );
    expect(text).toBe('commented on GLP tox');
  });

  it('says something plain for an event it does not know', () => {
    expect(describeEvent(event({ entity: 'something_new' }), e)).toBe('made a change');
  });
});
