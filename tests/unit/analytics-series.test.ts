import { describe, expect, it } from 'vitest';
import {
  median,
  milestoneSlip,
  outcomesByQuarter,
  readinessProgression,
  stageDurations,
} from '../../server/analytics/analytics-series.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const now = day('2026-12-07');
const project = (id: string, created: string, archived = false) => ({
  id,
  title: id,
  track: 'therapeutics',
  createdAt: day(created),
  archived,
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones; none for no values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('time in each stage', () => {
  it('ends a stay when the project enters another stage or is archived, and keeps the current one apart', () => {
    const rows = stageDurations(
      [project('a', '2026-01-01'), project('b', '2026-01-01', true)],
      [
        { projectId: 'a', at: day('2026-01-01'), stage: 0 },
        { projectId: 'a', at: day('2026-01-31'), stage: 1 },
        { projectId: 'b', at: day('2026-01-01'), stage: 0 },
        { projectId: 'b', at: day('2026-03-02'), stage: 1 },
        { projectId: 'b', at: day('2026-03-12'), archived: true },
      ],
      now,
    );
    const stage = (s: number) => rows.find((r) => r.stage === s)!;
    expect(stage(0)).toMatchObject({ completed: 2, medianDays: 45, current: 0 });
    // b's stay in stage 1 ended with its archiving; a is still there
    expect(stage(1)).toMatchObject({ completed: 1, medianDays: 10, current: 1 });
    expect(stage(1).currentMedianDays).toBe(310);
    expect(stage(2)).toMatchObject({ completed: 0, medianDays: null, current: 0 });
  });

  it('does not end a stay on a stage change that names the same stage (a Hold)', () => {
    const rows = stageDurations(
      [project('a', '2026-01-01')],
      [
        { projectId: 'a', at: day('2026-01-01'), stage: 2 },
        { projectId: 'a', at: day('2026-02-01'), stage: 2 },
      ],
      now,
    );
    expect(rows.find((r) => r.stage === 2)).toMatchObject({ completed: 0, current: 1 });
  });
});

describe('gate outcomes by quarter', () => {
  it('lists every quarter from the first decision to now, empty ones too', () => {
    const { totals, byQuarter } = outcomesByQuarter(
      [
        { outcome: 'go', at: day('2026-02-10') },
        { outcome: 'hold', at: day('2026-02-20') },
        { outcome: 'kill', at: day('2026-11-01') },
      ],
      now,
    );
    expect(byQuarter.map((q) => q.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(byQuarter[0]!.counts).toMatchObject({ go: 1, hold: 1 });
    expect(byQuarter[1]!.counts).toEqual({ go: 0, conditional_go: 0, hold: 0, recycle: 0, kill: 0 });
    expect(totals).toEqual({ go: 1, conditional_go: 0, hold: 1, recycle: 0, kill: 1 });
  });
});

describe('milestones slipping', () => {
  it('splits on time, late, overdue and upcoming by the due day, leaving out a done one of unknown date', () => {
    const m = (id: string, due: string, done: boolean, doneAt: string | null = null) => ({
      id,
      projectId: 'a',
      title: id,
      due,
      done,
      doneAt: doneAt ? day(doneAt) : null,
    });
    const slip = milestoneSlip(
      [
        m('on-time', '2026-10-10', true, '2026-10-10'),
        m('late', '2026-10-10', true, '2026-10-17'),
        m('overdue', '2026-11-27', false),
        m('upcoming', '2027-01-15', false),
        m('unknown', '2026-10-10', true),
      ],
      new Map([['a', 'Project A']]),
      now,
    );
    expect(slip).toMatchObject({ doneOnTime: 1, doneLate: 1, overdue: 1, upcoming: 1, medianSlipDays: 8.5 });
    expect(slip.worst.map((w) => [w.milestoneId, w.slipDays])).toEqual([
      ['overdue', 10],
      ['late', 7],
    ]);
    expect(slip.byMonth.find((b) => b.month === '2026-10')).toMatchObject({ onTime: 1, late: 1 });
    expect(slip.byMonth.at(-1)!.month).toBe('2027-06');
  });
});

describe('readiness across the portfolio', () => {
  it('averages each dimension at each month end, from the level known before its first change', () => {
    const { points } = readinessProgression(
      [project('a', '2026-10-01'), project('b', '2026-10-01')],
      [
        { projectId: 'a', dimension: 'ip', at: day('2026-11-15'), before: 2, after: 4 },
        { projectId: 'b', dimension: 'ip', at: day('2026-11-20'), before: null, after: 6 },
      ],
      [{ projectId: 'b', dimension: 'team', level: 3 }],
      new Map(),
      now,
    );
    expect(points.map((p) => p.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(points[0]).toMatchObject({ projects: 2, means: { ip: 2, team: 3 } });
    expect(points[1]!.means.ip).toBe(5);
  });

  it('leaves a project out from the month it was archived', () => {
    const { points } = readinessProgression(
      [project('a', '2026-10-01'), project('b', '2026-10-01', true)],
      [],
      [
        { projectId: 'a', dimension: 'ip', level: 2 },
        { projectId: 'b', dimension: 'ip', level: 6 },
      ],
      new Map([['b', day('2026-11-10')]]),
      now,
    );
    expect(points.map((p) => p.means.ip)).toEqual([4, 2, 2]);
  });
});
