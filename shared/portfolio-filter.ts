/**
 * The portfolio's filters as one rule, used by the portfolio on screen and by its CSV export,
 * so that an export holds exactly the rows the list showed. Pure, and free of zod so that the
 * client bundles it cheaply.
 */

import type { OrganisationKind } from './domain.ts';
import type { ProjectSummary } from './schemas/projects.ts';

export interface PortfolioFilters {
  q: string;
  track: string | null;
  stage: number | null;
  /** the lead organisation's kind */
  kind: OrganisationKind | null;
  mine: boolean;
}

/** Lower case without accents, so that "securite" finds "sécurité" and the reverse. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function applyFilters<P extends ProjectSummary>(
  projects: readonly P[],
  filters: PortfolioFilters,
): P[] {
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  return projects.filter((p) => {
    if (filters.track !== null && p.track !== filters.track) return false;
    if (filters.stage !== null && p.stage !== filters.stage) return false;
    if (filters.kind !== null && p.leadOrganisation.kind !== filters.kind) return false;
    if (filters.mine && p.myRole === null) return false;
    if (words.length === 0) return true;
    const title = fold(p.title);
    return words.every((w) => title.includes(w));
  });
}
