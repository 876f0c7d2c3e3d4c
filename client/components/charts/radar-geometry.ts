/**
 * The geometry of a readiness radar (levels 1–9 on the nine dimensions), shared by the
 * portfolio's small radar and the labelled one of the readiness tab and the report. Pure
 * functions, tested in tests/unit/client-collab-portfolio.test.ts.
 */

export const RADAR_MAX = 9;

/**
 * The radar's polygon: one vertex per dimension, clockwise from the top, at `level / 9` of
 * `radius` from the centre (an unscored dimension sits at the centre).
 */
export function radarPoints(levels: readonly (number | null)[], centre: number, radius: number): string {
  return levels
    .map((level, i) => {
      const [x, y] = radarVertex(i, levels.length, centre, (radius * (level ?? 0)) / RADAR_MAX);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

export function radarVertex(i: number, count: number, centre: number, distance: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(count, 1);
  return [centre + distance * Math.cos(angle), centre + distance * Math.sin(angle)];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A long dimension name on two lines ("Intellectual / property"), balanced, so it fits beside the radar. */
export function wrapLabel(label: string, max = 12): string[] {
  if (label.length <= max) return [label];
  const words = label.split(' ');
  let best: string[] = [label];
  let widest = label.length;
  for (let i = 1; i < words.length; i++) {
    const candidate = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const width = Math.max(...candidate.map((x) => x.length));
    if (width < widest) {
      best = candidate;
      widest = width;
    }
  }
  return best;
}
