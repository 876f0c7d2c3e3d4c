/** The people administration's pure rules: who matches a search, the last manager, each person's home. */
import { describe, expect, it } from 'vitest';
import {
  checkKeepsAManagerAfterWithdrawal,
  checkMayBecomeManager,
  matchesPerson,
  sortPeople,
  statusMatches,
} from '../../server/people/people.rules.ts';
import { homeFor } from '../../shared/home.ts';

const helene = {
  name: 'Hélène Marchand',
  email: 'manager@demo.jalon',
  organisations: [{ id: 'o1', name: 'Université Paris-Saclay' }],
};

describe('searching people', () => {
  it.each([
    ['helene', true],
    ['HÉLÈNE marchand', true],
    ['universite saclay', true],
    ['manager@demo', true],
    ['helene sanofi', false],
    ['', true],
  ])('"%s" finds Hélène: %s', (q, found) => {
    expect(matchesPerson(helene, q)).toBe(found);
  });

  it('filters by status', () => {
    expect(statusMatches({ deactivatedAt: null }, 'active')).toBe(true);
    expect(statusMatches({ deactivatedAt: '2026-01-01T00:00:00Z' }, 'active')).toBe(false);
    expect(statusMatches({ deactivatedAt: '2026-01-01T00:00:00Z' }, 'deactivated')).toBe(true);
    expect(statusMatches({ deactivatedAt: null }, 'all')).toBe(true);
  });

  it('lists active SSO accounts not seen for 90 days or never, and nobody else', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const seen = (lastSignInAt: string | null, sso = true, deactivatedAt: string | null = null) =>
      statusMatches({ deactivatedAt, sso, lastSignInAt }, 'sso_unseen', now);
    expect(seen(null)).toBe(true);
    expect(seen('2026-03-03T11:59:59Z')).toBe(true);
    expect(seen('2026-03-03T12:00:01Z')).toBe(false);
    expect(seen(null, false)).toBe(false);
    expect(seen(null, true, '2026-05-01T00:00:00Z')).toBe(false);
  });

  it('sorts by name without regard to accents', () => {
    const sorted = sortPeople([
      { name: 'Hugo', email: 'b' },
      { name: 'Élise', email: 'a' },
      { name: 'Emma', email: 'c' },
    ]);
    expect(sorted.map((p) => p.name)).toEqual(['Élise', 'Emma', 'Hugo']);
  });
});

describe('cluster-manager rights', () => {
  it('the last active manager keeps them; a deactivated one or one of several may lose them', () => {
    expect(() => checkKeepsAManagerAfterWithdrawal(1, true)).toThrow(/last cluster manager/);
    expect(() => checkKeepsAManagerAfterWithdrawal(2, true)).not.toThrow();
    expect(() => checkKeepsAManagerAfterWithdrawal(1, false)).not.toThrow();
  });

  it('go to active accounts only', () => {
    expect(() => checkMayBecomeManager({ deactivatedAt: new Date(), erasedAt: null })).toThrow();
    expect(() => checkMayBecomeManager({ deactivatedAt: new Date(), erasedAt: new Date() })).toThrow();
    expect(() => checkMayBecomeManager({ deactivatedAt: null, erasedAt: null })).not.toThrow();
  });
});

describe('where a person lands', () => {
  const none = { projects: 0, clusterManager: false, handlesServices: false, mentor: false };
  it.each([
    [{ ...none, clusterManager: true }, 'portfolio'],
    [{ ...none, projects: 2, handlesServices: true }, 'portfolio'],
    [{ ...none, handlesServices: true, mentor: true }, 'queue'],
    [{ ...none, mentor: true }, 'mentor_requests'],
    [none, 'nothing_yet'],
  ])('%o lands on %s', (work, home) => {
    expect(homeFor(work)).toBe(home);
  });
});
