import { createMemo, createUniqueId, For, Show } from 'solid-js';
import type { OrganisationKind } from '../../../shared/domain.ts';
import type { PortfolioProject } from '../../../shared/schemas/projects.ts';
import { useI18n } from '../../app-context.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { ORGANISATION_KINDS } from './filters.ts';
import { kindCounts, stageFunnel } from './maturity.ts';

/**
 * For cluster managers: the whole portfolio by stage (a funnel) and by lead organisation kind.
 * Semantic bars: each row is a toggle button named by the stage (or kind) and its count, so the
 * chart reads as a list and filters the table below; the bars themselves are decoration.
 */
export function PortfolioOverview(props: {
  projects: readonly PortfolioProject[];
  stage: number | null;
  kind: OrganisationKind | null;
  onStage: (stage: number | null) => void;
  onKind: (kind: OrganisationKind | null) => void;
}) {
  const { t, locale } = useI18n();
  const o = () => t().portfolioExtra.overview;
  const id = createUniqueId();
  const funnel = createMemo(() => stageFunnel(props.projects));
  const kinds = createMemo(() => kindCounts(props.projects, ORGANISATION_KINDS));
  const maxStage = () => Math.max(1, ...funnel().map((s) => s.count));
  const maxKind = () => Math.max(1, ...kinds().map((k) => k.count));
  const n = (x: number) => formatNumber(locale(), x);
  const stageName = (i: number) => t().stages[i as keyof ReturnType<typeof t>['stages']];

  return (
    <div class="overview">
      <figure class="chart" aria-labelledby={`${id}-funnel`}>
        <figcaption>
          <h3 id={`${id}-funnel`} class="chart-title">
            {o().funnelTitle}
          </h3>
          <p class="chart-help">{o().funnelHelp}</p>
        </figcaption>
        <ol class="bars bars-funnel">
          <For each={funnel()}>
            {(row) => (
              <li>
                <button
                  type="button"
                  class="bar-row"
                  aria-pressed={props.stage === row.stage}
                  aria-label={o().barLabel(
                    t().portfolio.stageLabel(n(row.stage), stageName(row.stage)),
                    o().projects(row.count, n(row.count)),
                  )}
                  onClick={() => props.onStage(props.stage === row.stage ? null : row.stage)}
                >
                  <span class="bar-label">
                    {t().portfolio.stageLabel(n(row.stage), stageName(row.stage))}
                  </span>{' '}
                  <span class="bar-track" aria-hidden="true">
                    <span
                      class="bar bar-stage"
                      classList={{ 'bar-empty': row.count === 0 }}
                      style={{ width: `${(row.count / maxStage()) * 100}%`, '--stage': row.stage }}
                    />
                  </span>
                  <span class="bar-value">{n(row.count)}</span>
                </button>
              </li>
            )}
          </For>
        </ol>
      </figure>

      <figure class="chart" aria-labelledby={`${id}-kinds`}>
        <figcaption>
          <h3 id={`${id}-kinds`} class="chart-title">
            {o().kindTitle}
          </h3>
          <p class="chart-help">{o().kindHelp}</p>
        </figcaption>
        <Show when={kinds().length > 0}>
          <ul class="bars">
            <For each={kinds()}>
              {(row) => (
                <li>
                  <button
                    type="button"
                    class="bar-row"
                    aria-pressed={props.kind === row.kind}
                    aria-label={o().barLabel(
                      t().organisationKinds[row.kind],
                      o().projects(row.count, n(row.count)),
                    )}
                    onClick={() => props.onKind(props.kind === row.kind ? null : row.kind)}
                  >
                    <span class="bar-label">{t().organisationKinds[row.kind]}</span>{' '}
                    <span class="bar-track" aria-hidden="true">
                      <span class="bar bar-kind" style={{ width: `${(row.count / maxKind()) * 100}%` }} />
                    </span>
                    <span class="bar-value">{n(row.count)}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </figure>
    </div>
  );
}
