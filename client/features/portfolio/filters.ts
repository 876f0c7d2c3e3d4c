/**
 * The portfolio's filters and their place in the URL (`?q=&track=&stage=&mine=1`), so that a
 * filtered view can be bookmarked, shared and restored by the back button. Pure functions.
 */
import type { ProjectSummary } from '../../../shared/api.ts';
import { STAGE_COUNT } from '../../domain.ts';

export interface PortfolioFilters {
  q: string;
  track: string | null;
  stage: number | null;
  mine: boolean;
}

export type FilterParams = Partial<Record<'q' | 'track' | 'stage' | 'mine', string | string[]>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseFilters(params: FilterParams): PortfolioFilters {
  const stage = Number(first(params.stage));
  const hasStage = first(params.stage) !== undefined && Number.isInteger(stage);
  return {
    q: first(params.q) ?? '',
    track: first(params.track) || null,
    stage: hasStage && stage >= 0 && stage < STAGE_COUNT ? stage : null,
    mine: first(params.mine) === '1' || first(params.mine) === 'true',
  };
}

/** What to merge into the URL's query: `undefined` removes a parameter. */
export function toParams(
  filters: PortfolioFilters,
): Record<'q' | 'track' | 'stage' | 'mine', string | undefined> {
  return {
    q: filters.q || undefined,
    track: filters.track ?? undefined,
    stage: filters.stage === null ? undefined : String(filters.stage),
    mine: filters.mine ? '1' : undefined,
  };
}

export const noFilters: PortfolioFilters = { q: '', track: null, stage: null, mine: false };

export function hasFilters(filters: PortfolioFilters): boolean {
  return filters.q.trim() !== '' || filters.track !== null || filters.stage !== null || filters.mine;
}

/** Lower case without accents, so that "securite" finds "sécurité" and the reverse. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function applyFilters(
  projects: readonly ProjectSummary[],
  filters: PortfolioFilters,
): ProjectSummary[] {
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  return projects.filter((p) => {
    if (filters.track !== null && p.track !== filters.track) return false;
    if (filters.stage !== null && p.stage !== filters.stage) return false;
    if (filters.mine && p.myRole === null) return false;
    if (words.length === 0) return true;
    const title = fold(p.title);
    return words.every((w) => title.includes(w));
  });
}
