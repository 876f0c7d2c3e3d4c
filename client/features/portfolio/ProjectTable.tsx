import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { PortfolioProject } from '../../../shared/schemas/projects.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { OnHold } from '../../components/OnHold.tsx';
import { StageBadge } from '../../components/StageBadge.tsx';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { MilestoneHealth } from './MilestoneHealth.tsx';
import { NextGate } from './NextGate.tsx';
import { ReadinessRadar } from './ReadinessRadar.tsx';

const SKELETON_ROWS = 6;
const COLUMNS = 6;

/**
 * The projects as a table. On narrow screens the other columns fold into lines under the title
 * (CSS shows one or the other, so each is read once).
 */
export function ProjectTable(props: {
  projects: readonly PortfolioProject[];
  loading: boolean;
  caption: string;
}) {
  const { t } = useI18n();
  const col = () => t().portfolio.columns;
  const extra = () => t().portfolioExtra.columns;
  return (
    <div class="table-wrap">
      <table class="projects" aria-busy={props.loading ? 'true' : 'false'}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="col-title">
              {col().title}
            </th>
            <th scope="col" class="col-stage wide-only">
              {col().stage}
            </th>
            <th scope="col" class="col-readiness wide-only">
              {extra().readiness}
            </th>
            <th scope="col" class="col-health wide-only">
              {extra().health}
            </th>
            <th scope="col" class="col-lead wide-only">
              {col().lead}
            </th>
            <th scope="col" class="col-role wide-only">
              {col().role}
            </th>
          </tr>
        </thead>
        <tbody>
          <Show when={!props.loading} fallback={<SkeletonRows />}>
            <For each={props.projects}>{(project) => <ProjectRow project={project} />}</For>
          </Show>
        </tbody>
      </table>
    </div>
  );
}

export function useRoleLabel() {
  const { t } = useI18n();
  return (project: PortfolioProject) =>
    project.myRole ? t().roles[project.myRole] : t().roles.clusterManager;
}

function ProjectRow(props: { project: PortfolioProject }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const roleLabel = useRoleLabel();
  const trackName = () => frameworks[1].trackName(props.project.track, locale());
  const role = () => (
    <span class="role" classList={{ 'role-manager': props.project.myRole === null }}>
      {roleLabel(props.project)}
    </span>
  );
  return (
    <tr classList={{ 'row-overdue': props.project.health.overdue > 0 }}>
      <th scope="row" class="col-title">
        <A href={`/projects/${encodeURIComponent(props.project.id)}`} class="project-link">
          {props.project.title}
        </A>
        <span class="row-track wide-only">
          {trackName()} · <Updated at={props.project.updatedAt} />
        </span>
        <span class="row-meta narrow-only">
          <span class="row-meta-line">
            <StageBadge track={props.project.track} stage={props.project.stage} />
            <LevelBadge track={props.project.track} level={props.project.level} />
            {role()}
          </span>
          <span class="row-meta-line">
            <NextGate track={props.project.track} stage={props.project.stage} />
            <OnHold until={props.project.onHoldUntil} />
          </span>
          <span class="row-meta-line row-meta-maturity">
            <ReadinessRadar readiness={props.project.readiness} size={36} />
            <MilestoneHealth health={props.project.health} />
          </span>
          <span class="row-meta-line">
            {props.project.leadOrganisation.name} · {trackName()}
          </span>
        </span>
      </th>
      <td class="col-stage wide-only">
        <StageBadge track={props.project.track} stage={props.project.stage} />
        <LevelBadge track={props.project.track} level={props.project.level} />
        <NextGate track={props.project.track} stage={props.project.stage} />
      </td>
      <td class="col-readiness wide-only">
        <ReadinessRadar readiness={props.project.readiness} size={40} />
      </td>
      <td class="col-health wide-only">
        <MilestoneHealth health={props.project.health} />
      </td>
      <td class="col-lead wide-only">
        <span class="block">{props.project.leadOrganisation.name}</span>
        <span class="org-kind-small">{t().organisationKinds[props.project.leadOrganisation.kind]}</span>
      </td>
      <td class="col-role wide-only">{role()}</td>
    </tr>
  );
}

/** "Updated 3 days ago", the full date and time on hover. */
export function Updated(props: { at: string }) {
  const { t, locale } = useI18n();
  return (
    <time datetime={props.at} title={formatDateTime(locale(), props.at)}>
      {t().portfolioExtra.updated(formatRelative(locale(), props.at, new Date(), t().time.justNow))}
    </time>
  );
}

function SkeletonRows() {
  return (
    <For each={Array.from({ length: SKELETON_ROWS }, (_, i) => i)}>
      {(i) => (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: placeholder rows hold nothing to read or focus; the table's aria-busy says it is loading
        <tr class="skeleton-row" aria-hidden="true">
          <td class="col-title">
            <span class="skeleton" style={{ width: `${55 + ((i * 17) % 35)}%` }} />
          </td>
          <For each={Array.from({ length: COLUMNS - 1 }, (_, j) => j)}>
            {(j) => (
              <td class="wide-only">
                <span class="skeleton" style={{ width: `${50 + (((i + j) * 13) % 40)}%` }} />
              </td>
            )}
          </For>
        </tr>
      )}
    </For>
  );
}
