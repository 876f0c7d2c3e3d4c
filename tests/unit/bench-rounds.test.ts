import { describe, expect, it } from 'vitest';
import { median, medianFigures, roundRatios } from '../bench/rounds.ts';
import { renderTable } from '../bench/table.ts';

describe('the bench figures over several rounds', () => {
  it('reports each numeric figure as its median, whatever the order of the rounds', () => {
    const figures = medianFigures([
      { cpuPer1000: 1.5, fanoutP99: 9.1, updates: 2400 },
      { cpuPer1000: 1.2, fanoutP99: 5.2, updates: 2400 },
      { cpuPer1000: 1.3, fanoutP99: 30.4, updates: 2399 },
    ]);
    expect(figures).toEqual({ cpuPer1000: 1.3, fanoutP99: 9.1, updates: 2400 });
  });

  it('takes the two middle rounds’ mean for an even count, and skips rounds without the figure', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianFigures([{ ackP99: null }, { ackP99: 10 }, { ackP99: 20 }]).ackP99).toBe(15);
  });

  it('keeps a figure that is not a number as the last round has it', () => {
    expect(medianFigures([{ ackP99: null }, { ackP99: null }]).ackP99).toBeNull();
    expect(medianFigures([{ note: 'a' }, { note: 'b' }]).note).toBe('b');
  });

  it('refuses no rounds at all', () => {
    expect(() => medianFigures([])).toThrow(/at least one round/);
  });

  it('gives the ratio of each round both servers completed', () => {
    const jalon = [{ cpuPer1000: 1.4 }, { cpuPer1000: 1.2 }, { cpuPer1000: 1.0 }];
    const hocuspocus = [{ cpuPer1000: 0.7 }, { cpuPer1000: null }];
    expect(roundRatios(jalon, hocuspocus, 'cpuPer1000')).toEqual([2]);
    // A round that failed keeps its place: round 3 still pairs with round 3.
    expect(roundRatios(jalon, [null, null, { cpuPer1000: 0.5 }], 'cpuPer1000')).toEqual([2]);
  });
});

describe('the bench table with rounds', () => {
  it('shows each round beside the medians, with the range of the rounds’ ratios', () => {
    const jalon = [
      { cpuPer1000: 1.4, fanoutP99: 6 },
      { cpuPer1000: 1.2, fanoutP99: 8 },
    ];
    const hocuspocus = [
      { cpuPer1000: 0.7, fanoutP99: 6 },
      { cpuPer1000: 0.8, fanoutP99: 4 },
    ];
    const table = renderTable({
      team: {
        jalon: medianFigures(jalon),
        hocuspocus: medianFigures(hocuspocus),
        rounds: { jalon, hocuspocus },
      },
    });
    expect(table).toMatch(/\| team: server CPU per 1,000 updates \(s\) +\| +1\.3 \| +0\.75 \| +1\.73 \|/);
    expect(table).toMatch(
      /\| team: server CPU per 1,000 updates \(s\), each round +\| +1\.4 \/ 1\.2 \| +0\.7 \/ 0\.8 \| +1\.50–2\.00 \|/,
    );
    expect(table).toMatch(
      /\| team: fan-out p99 \(ms\), each round +\| +6 \/ 8 \| +6 \/ 4 \| +1\.00–2\.00 \|/,
    );
  });

  it('has no round rows for a scenario run once', () => {
    const table = renderTable({ team: { jalon: { cpuPer1000: 1 }, hocuspocus: { cpuPer1000: 1 } } });
    expect(table).not.toMatch(/each round/);
  });
});
