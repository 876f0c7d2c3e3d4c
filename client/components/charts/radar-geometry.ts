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

/**
 * A long dimension name on several lines of at most `max` characters ("Marché et / modèle /
 * économique"), so that it fits beside the radar; a single long word keeps its line.
 */
export function wrapLabel(label: string, max = 12): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
