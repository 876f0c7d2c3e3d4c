/**
 * The portfolio's filters and their place in the URL (`?q=&track=&stage=&kind=&mine=1`), so
 * that a filtered view can be bookmarked, shared and restored by the back button. Pure functions.
 */
import type { OrganisationKind } from '../../../shared/domain.ts';
import type { PortfolioFilters } from '../../../shared/portfolio-filter.ts';
import { organisationKinds } from '../../../shared/vocabularies.ts';
import { STAGE_COUNT } from '../../domain.ts';

export type { PortfolioFilters } from '../../../shared/portfolio-filter.ts';

type FilterKey = 'q' | 'track' | 'stage' | 'kind' | 'mine';
export type FilterParams = Partial<Record<FilterKey, string | string[]>>;

/** The kinds, in the order the filters offer them. */
export const ORGANISATION_KINDS = organisationKinds;

function isKind(value: string | undefined): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value ?? '');
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseFilters(params: FilterParams): PortfolioFilters {
  const stage = Number(first(params.stage));
  const hasStage = first(params.stage) !== undefined && Number.isInteger(stage);
  const kind = first(params.kind);
  return {
    q: first(params.q) ?? '',
    track: first(params.track) || null,
    stage: hasStage && stage >= 0 && stage < STAGE_COUNT ? stage : null,
    kind: isKind(kind) ? kind : null,
    mine: first(params.mine) === '1' || first(params.mine) === 'true',
  };
}

/** What to merge into the URL's query: `undefined` removes a parameter. */
export function toParams(filters: PortfolioFilters): Record<FilterKey, string | undefined> {
  return {
    q: filters.q || undefined,
    track: filters.track ?? undefined,
    stage: filters.stage === null ? undefined : String(filters.stage),
    kind: filters.kind ?? undefined,
    mine: filters.mine ? '1' : undefined,
  };
}

export const noFilters: PortfolioFilters = { q: '', track: null, stage: null, kind: null, mine: false };

export function hasFilters(filters: PortfolioFilters): boolean {
  return (
    filters.q.trim() !== '' ||
    filters.track !== null ||
    filters.stage !== null ||
    filters.kind !== null ||
    filters.mine
  );
}

export { applyFilters, fold } from '../../../shared/portfolio-filter.ts';
