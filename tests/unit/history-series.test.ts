import { describe, expect, it } from 'vitest';
import { readinessLines, stageLines } from '../../client/features/history/series.ts';

describe('chart lines from history series', () => {
  it('draws one line per scored dimension, held until now', () => {
    const lines = readinessLines(
      {
        projectId: 'p',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-10T00:00:00.000Z',
        points: [
          { at: '2026-01-01T00:00:00.000Z', levels: { technology: 3 } },
          { at: '2026-01-05T00:00:00.000Z', levels: { technology: 4, team: 2 } },
        ],
      },
      (id) => id.toUpperCase(),
    );
    expect(lines.map((l) => [l.label, l.points.map((p) => p.y)])).toEqual([
      ['TECHNOLOGY', [3, 4, 4]],
      ['TEAM', [2, 2]],
    ]);
    expect(lines[1]!.points.map((p) => new Date(p.x).toISOString().slice(0, 10))).toEqual([
      '2026-01-05',
      '2026-01-10',
    ]);
  });

  it('stacks one band per stage, and no band without points', () => {
    const lines = stageLines(
      {
        stageCount: 6,
        to: '2026-02-01T00:00:00.000Z',
        points: [
          { at: '2026-01-01T00:00:00.000Z', stages: [2, 1, 0, 0, 0, 0], archived: 0 },
          { at: '2026-01-15T00:00:00.000Z', stages: [1, 2, 0, 0, 0, 0], archived: 0 },
        ],
      },
      (i) => `S${i}`,
    );
    expect(lines).toHaveLength(6);
    expect(lines[0]!.points.map((p) => p.y)).toEqual([2, 1, 1]);
    expect(lines[1]!.points.map((p) => p.y)).toEqual([1, 2, 2]);
    expect(
      stageLines({ stageCount: 6, to: '2026-02-01T00:00:00.000Z', points: [] }, String)[0]!.points,
    ).toEqual([]);
  });
});
