/**
 * The portfolio's derivations (health, readiness radar, stage funnel, organisation kinds), its
 * filters in the URL, and the projects store's live refetch (debounced) against a fake socket.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { radarPoints } from '../../client/components/charts/radar-geometry.ts';
import { applyFilters, parseFilters, toParams } from '../../client/features/portfolio/filters.ts';
import {
  doneShare,
  healthTone,
  kindCounts,
  readinessSummary,
  stageFunnel,
} from '../../client/features/portfolio/maturity.ts';
import { readOverviewOpen, readView } from '../../client/features/portfolio/view-preference.ts';
import {
  createProjectsStore,
  type ProjectEvents,
  REFRESH_DEBOUNCE_MS,
  toPortfolioProject,
} from '../../client/stores/projects.ts';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import type { PortfolioProject, ProjectSummary } from '../../shared/schemas/projects.ts';

const health = (over: Partial<PortfolioProject['health']> = {}) => ({
  total: 5,
  done: 2,
  overdue: 0,
  atRisk: 0,
  blocked: 0,
  doneThisMonth: 1,
  ...over,
});

function project(over: Partial<PortfolioProject> = {}): PortfolioProject {
  return {
    id: 'p1',
    title: 'Sécurité du vecteur',
    summary: '',
    track: 'therapeutics',
    stage: 2,
    leadOrganisation: { id: 'o1', name: 'Veltricell', kind: 'startup' },
    myRole: 'lead',
    listedInDirectory: false,
    archived: false,
    onHoldUntil: null,
    updatedAt: '2026-11-01T10:00:00.000Z',
    health: health(),
    readiness: {},
    level: null,
    ...over,
  };
}

describe('milestone health', () => {
  it('puts overdue first, then at risk or blocked, then on track; no milestones is its own case', () => {
    expect(healthTone(health({ overdue: 1, atRisk: 2 }))).toBe('overdue');
    expect(healthTone(health({ blocked: 1 }))).toBe('attention');
    expect(healthTone(health({ atRisk: 1 }))).toBe('attention');
    expect(healthTone(health())).toBe('on_track');
    expect(healthTone(health({ total: 0, done: 0 }))).toBe('empty');
    expect(doneShare(health({ total: 4, done: 1 }))).toBe(0.25);
    expect(doneShare(health({ total: 0, done: 0 }))).toBe(0);
  });
});

describe('readiness radar', () => {
  const dims = ['technology', 'clinical_need', 'business', 'ip'];

  it('averages the scored levels and names the weakest, in the catalogue order', () => {
    const s = readinessSummary({ technology: 6, business: 3, ip: 3, bogus: 12 }, dims);
    expect(s.levels).toEqual([
      { id: 'technology', level: 6 },
      { id: 'clinical_need', level: null },
      { id: 'business', level: 3 },
      { id: 'ip', level: 3 },
    ]);
    expect(s.average).toBe(4);
    expect(s.lowest).toEqual({ id: 'business', level: 3 });
    expect(readinessSummary({}, dims)).toMatchObject({ average: null, lowest: null });
  });

  it('draws one vertex per dimension, clockwise from the top, at level/9 of the radius', () => {
    expect(radarPoints([9, 9, 9, 9], 10, 9)).toBe('10,1 19,10 10,19 1,10');
    expect(radarPoints([null, 0, 9, 9], 10, 9)).toBe('10,10 10,10 10,19 1,10');
  });
});

describe('manager charts', () => {
  it('counts projects at every stage, empty stages included', () => {
    expect(stageFunnel([project({ stage: 0 }), project({ stage: 3 }), project({ stage: 3 })])).toEqual([
      { stage: 0, count: 1 },
      { stage: 1, count: 0 },
      { stage: 2, count: 0 },
      { stage: 3, count: 2 },
      { stage: 4, count: 0 },
      { stage: 5, count: 0 },
    ]);
  });

  it('counts projects by lead organisation kind, most first, ties in the given order', () => {
    const lead = (kind: PortfolioProject['leadOrganisation']['kind']) =>
      project({ leadOrganisation: { id: kind, name: kind, kind } });
    expect(
      kindCounts(
        [lead('startup'), lead('hospital'), lead('startup'), lead('academic')],
        ['hospital', 'academic', 'startup'],
      ),
    ).toEqual([
      { kind: 'startup', count: 2 },
      { kind: 'hospital', count: 1 },
      { kind: 'academic', count: 1 },
    ]);
  });
});

describe('filters', () => {
  it('reads and writes the organisation kind in the URL, ignoring unknown kinds', () => {
    expect(parseFilters({ kind: 'hospital', stage: '3' })).toMatchObject({ kind: 'hospital', stage: 3 });
    expect(parseFilters({ kind: 'castle' }).kind).toBeNull();
    expect(toParams({ q: '', track: null, stage: null, kind: 'pharma', mine: false }).kind).toBe('pharma');
  });

  it('filters by lead organisation kind and by accent-free title words', () => {
    const list = [
      project({ id: 'a', title: 'Sécurité du vecteur' }),
      project({ id: 'b', leadOrganisation: { id: 'h', name: 'CHU', kind: 'hospital' } }),
    ];
    expect(applyFilters(list, parseFilters({ kind: 'hospital' })).map((p) => p.id)).toEqual(['b']);
    expect(applyFilters(list, parseFilters({ q: 'securite' })).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('view preference', () => {
  it('defaults to the table and remembers cards; the overview follows the screen until chosen', () => {
    expect(readView({ getItem: () => null })).toBe('table');
    expect(readView({ getItem: () => 'cards' })).toBe('cards');
    expect(readOverviewOpen({ getItem: () => null }, true)).toBe(true);
    expect(readOverviewOpen({ getItem: () => null }, false)).toBe(false);
    expect(readOverviewOpen({ getItem: () => 'shown' }, false)).toBe(true);
    expect(readOverviewOpen({ getItem: () => 'hidden' }, true)).toBe(false);
  });
});

class FakeSocket {
  listeners = new Map<string, Set<() => void>>();
  on(event: string, fn: () => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(fn);
  }
  off(event: string, fn: () => void) {
    this.listeners.get(event)?.delete(fn);
  }
  emit(event: string) {
    for (const fn of this.listeners.get(event) ?? []) fn();
  }
}

describe('projects store, live', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fills in the maturation columns for a bare summary', () => {
    const { health: _h, readiness: _r, ...bare } = project();
    const filled = toPortfolioProject(bare as ProjectSummary);
    expect(filled.health.total).toBe(0);
    expect(filled.readiness).toEqual({});
  });

  it('refetches once after a burst of project:changed, and after a reconnection; stops on unsubscribe', async () => {
    let stage = 1;
    const projects = vi.fn(async () => ({ projects: [project({ stage })] }));
    const [state, actions] = createProjectsStore({ projects });
    await actions.load();
    expect(state.projects[0]!.stage).toBe(1);

    const socket = new FakeSocket();
    const stop = actions.listen(socket as unknown as ProjectEvents);
    stage = 2;
    for (let i = 0; i < 5; i += 1) {
      socket.emit(APP_EVENTS.projectChanged);
      await vi.advanceTimersByTimeAsync(REFRESH_DEBOUNCE_MS / 2);
    }
    expect(projects).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(REFRESH_DEBOUNCE_MS);
    expect(projects).toHaveBeenCalledTimes(2);
    expect(state.projects[0]!.stage).toBe(2);

    socket.emit('connect');
    await vi.advanceTimersByTimeAsync(0);
    expect(projects).toHaveBeenCalledTimes(3);

    stop();
    socket.emit(APP_EVENTS.projectChanged);
    await vi.advanceTimersByTimeAsync(REFRESH_DEBOUNCE_MS * 2);
    expect(projects).toHaveBeenCalledTimes(3);
  });

  it('a change announced during a load is fetched after it: the last answer is the latest', async () => {
    let resolveFirst!: () => void;
    let call = 0;
    const projects = vi.fn(() => {
      call += 1;
      const stage = call;
      return call === 1
        ? new Promise<{ projects: PortfolioProject[] }>((res) => {
            resolveFirst = () => res({ projects: [project({ stage })] });
          })
        : Promise.resolve({ projects: [project({ stage })] });
    });
    const [state, actions] = createProjectsStore({ projects });
    const first = actions.load();
    const second = actions.load();
    resolveFirst();
    await Promise.all([first, second]);
    expect(projects).toHaveBeenCalledTimes(2);
    expect(state.projects[0]!.stage).toBe(2);
  });

  it('keeps the list, marked stale, when a refresh fails', async () => {
    const projects = vi
      .fn()
      .mockResolvedValueOnce({ projects: [project()] })
      .mockRejectedValueOnce(new Error('offline'));
    const [state, actions] = createProjectsStore({ projects });
    await actions.load();
    await actions.load();
    expect(state.status).toBe('ready');
    expect(state.stale).toBe(true);
    expect(state.projects).toHaveLength(1);
  });
});
