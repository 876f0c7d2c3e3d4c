import { describe, expect, it } from 'vitest';
import { diffStates, momentProblem } from '../../server/history/history.rules.ts';
import type { Milestone } from '../../shared/doc/shape.ts';

const milestone = (id: string, patch: Partial<Milestone> = {}): Milestone => ({
  id,
  title: `Milestone ${id}`,
  description: '',
  owner: null,
  due: null,
  status: 'planned',
  stage: 1,
  dimension: null,
  dependsOn: [],
  order: 'a0',
  createdBy: null,
  createdAt: null,
  updatedBy: null,
  updatedAt: null,
  ...patch,
});

describe('diffStates', () => {
  it('names added, removed and changed milestones with each changed field', () => {
    const then = {
      milestones: [milestone('a'), milestone('b', { dependsOn: ['a'] }), milestone('gone')],
      readiness: { technology: { level: 3, evidence: 'x', updatedBy: null, updatedAt: null } },
      criteria: { c1: { checked: false, evidence: '', checkedBy: null, checkedAt: null } },
    };
    const now = {
      milestones: [
        milestone('a', { status: 'done', order: 'a5', updatedAt: 5 }),
        milestone('b', { dependsOn: ['a'] }),
        milestone('new'),
      ],
      readiness: {
        technology: { level: 3, evidence: 'more', updatedBy: null, updatedAt: null },
        team: { level: 2, evidence: '', updatedBy: null, updatedAt: null },
      },
      criteria: { c1: { checked: true, evidence: '', checkedBy: null, checkedAt: null } },
    };
    const diff = diffStates(then, now);
    expect(diff.milestones.added.map((m) => m.id)).toEqual(['new']);
    expect(diff.milestones.removed.map((m) => m.id)).toEqual(['gone']);
    // order and bookkeeping fields are not changes a reader cares about
    expect(diff.milestones.changed).toEqual([
      { id: 'a', title: 'Milestone a', changes: [{ field: 'status', before: 'planned', after: 'done' }] },
    ]);
    expect(diff.readiness).toEqual([
      { dimension: 'technology', before: 3, after: 3, evidenceChanged: true },
      { dimension: 'team', before: null, after: 2, evidenceChanged: false },
    ]);
    expect(diff.criteria).toEqual([{ id: 'c1', before: false, after: true, evidenceChanged: false }]);
  });

  it('finds nothing between a state and itself', () => {
    const s = { milestones: [milestone('a')], readiness: {}, criteria: {} };
    expect(diffStates(s, s)).toEqual({
      milestones: { added: [], removed: [], changed: [] },
      readiness: [],
      criteria: [],
    });
  });
});

describe('momentProblem', () => {
  it('refuses moments before the project existed and in the future, accepts its whole life', () => {
    expect(momentProblem(5, 10, 20)).toMatch(/did not exist yet/);
    expect(momentProblem(21, 10, 20)).toMatch(/future/);
    for (const at of [10, 15, 20]) expect(momentProblem(at, 10, 20)).toBeNull();
  });
});
