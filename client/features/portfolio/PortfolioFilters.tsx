import { For, Show } from 'solid-js';
import type { OrganisationKind } from '../../../shared/domain.ts';
import type { Framework } from '../../../shared/schemas/frameworks.ts';
import { useI18n } from '../../app-context.tsx';
import { SearchIcon } from '../../components/SearchIcon.tsx';
import { useStageName } from '../../components/StageBadge.tsx';
import { STAGE_INDEXES } from '../../domain.ts';
import { formatNumber } from '../../i18n/format.ts';
import { type PortfolioFilters as Filters, hasFilters } from './filters.ts';

/** Title filter, track, stage, lead organisation kind and (for cluster managers) "my projects only". */
export function PortfolioFilters(props: {
  filters: Filters;
  tracks: readonly Framework[];
  /** the kinds of organisation that lead at least one project */
  kinds: readonly OrganisationKind[];
  showMine: boolean;
  disabled?: boolean;
  onChange: (change: Partial<Filters>) => void;
  onClear: () => void;
  searchRef: (el: HTMLInputElement) => void;
}) {
  const { t, locale } = useI18n();
  const stageName = useStageName();
  const f = () => t().portfolio.filters;

  return (
    <search class="filters" aria-label={f().label}>
      <div class="search-box">
        <label for="portfolio-search" class="visually-hidden">
          {f().search}
        </label>
        <SearchIcon />
        <input
          ref={props.searchRef}
          id="portfolio-search"
          type="search"
          autocomplete="off"
          placeholder={f().searchPlaceholder}
          aria-keyshortcuts="/"
          aria-describedby="portfolio-search-hint"
          value={props.filters.q}
          disabled={props.disabled}
          onInput={(e) => props.onChange({ q: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && e.currentTarget.value) {
              e.preventDefault();
              props.onChange({ q: '' });
            }
          }}
        />
        <span class="search-kbd" aria-hidden="true">
          /
        </span>
        <span id="portfolio-search-hint" class="visually-hidden">
          {f().searchShortcut}
        </span>
      </div>

      <label for="portfolio-track" class="visually-hidden">
        {f().track}
      </label>
      <select
        id="portfolio-track"
        class="select"
        disabled={props.disabled}
        onChange={(e) => props.onChange({ track: e.currentTarget.value || null })}
      >
        <option value="" selected={props.filters.track === null}>
          {f().allTracks}
        </option>
        <For each={props.tracks}>
          {(track) => (
            <option value={track.id} selected={props.filters.track === track.id}>
              {track.name[locale()]}
            </option>
          )}
        </For>
      </select>

      <label for="portfolio-stage" class="visually-hidden">
        {f().stage}
      </label>
      <select
        id="portfolio-stage"
        class="select"
        disabled={props.disabled}
        onChange={(e) =>
          props.onChange({ stage: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })
        }
      >
        <option value="" selected={props.filters.stage === null}>
          {f().allStages}
        </option>
        <For each={STAGE_INDEXES}>
          {(i) => (
            <option value={i} selected={props.filters.stage === i}>
              {t().portfolio.stageLabel(formatNumber(locale(), i), stageName(props.filters.track, i))}
            </option>
          )}
        </For>
      </select>

      <label for="portfolio-kind" class="visually-hidden">
        {t().portfolioExtra.kind.label}
      </label>
      <select
        id="portfolio-kind"
        class="select select-kind"
        disabled={props.disabled}
        onChange={(e) => props.onChange({ kind: (e.currentTarget.value || null) as OrganisationKind | null })}
      >
        <option value="" selected={props.filters.kind === null}>
          {t().portfolioExtra.kind.all}
        </option>
        <For each={props.kinds}>
          {(kind) => (
            <option value={kind} selected={props.filters.kind === kind}>
              {t().organisationKinds[kind]}
            </option>
          )}
        </For>
      </select>

      <Show when={props.showMine}>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={props.filters.mine}
            disabled={props.disabled}
            onChange={(e) => props.onChange({ mine: e.currentTarget.checked })}
          />
          <span>{f().mine}</span>
        </label>
      </Show>

      <Show when={hasFilters(props.filters)}>
        <button type="button" class="button button-ghost button-small" onClick={() => props.onClear()}>
          {f().clear}
        </button>
      </Show>
    </search>
  );
}
