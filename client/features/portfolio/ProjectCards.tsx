import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { PortfolioProject } from '../../../shared/schemas/projects.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { OnHold } from '../../components/OnHold.tsx';
import { StageBadge } from '../../components/StageBadge.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { MilestoneHealth } from './MilestoneHealth.tsx';
import { NextGate } from './NextGate.tsx';
import { Updated, useRoleLabel } from './ProjectTable.tsx';
import { ReadinessRadar } from './ReadinessRadar.tsx';

const SKELETON_CARDS = 6;

/** The projects as cards: the same facts as the table, with room for a larger radar. */
export function ProjectCards(props: {
  projects: readonly PortfolioProject[];
  loading: boolean;
  caption: string;
}) {
  return (
    <Show when={!props.loading} fallback={<SkeletonCards />}>
      <ul class="project-cards" aria-label={props.caption}>
        <For each={props.projects}>
          {(project) => (
            <li>
              <ProjectCard project={project} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function ProjectCard(props: { project: PortfolioProject }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const roleLabel = useRoleLabel();
  const trackName = () => frameworks[1].trackName(props.project.track, locale());
  return (
    <article
      class="card card-compact project-card"
      classList={{ 'card-overdue': props.project.health.overdue > 0 }}
    >
      <header class="project-card-head">
        <h2 class="project-card-title">
          <A href={`/projects/${encodeURIComponent(props.project.id)}`} class="project-link card-link">
            {props.project.title}
          </A>
        </h2>
        <p class="project-card-org">
          {props.project.leadOrganisation.name}
          <span class="org-kind-small"> · {t().organisationKinds[props.project.leadOrganisation.kind]}</span>
        </p>
      </header>
      <div class="project-card-stage">
        <StageBadge track={props.project.track} stage={props.project.stage} />
        <LevelBadge track={props.project.track} level={props.project.level} />
        <NextGate track={props.project.track} stage={props.project.stage} />
        <OnHold until={props.project.onHoldUntil} />
      </div>
      <ReadinessRadar readiness={props.project.readiness} size={72} showSummary />
      <MilestoneHealth health={props.project.health} />
      <footer class="project-card-foot">
        <span class="role" classList={{ 'role-manager': props.project.myRole === null }}>
          {roleLabel(props.project)}
        </span>
        <span class="project-card-facts">
          {trackName()} · <Updated at={props.project.updatedAt} />
        </span>
      </footer>
    </article>
  );
}

function SkeletonCards() {
  return (
    <ul class="project-cards" aria-hidden="true">
      <For each={Array.from({ length: SKELETON_CARDS }, (_, i) => i)}>
        {(i) => (
          <li>
            <div class="card card-compact project-card project-card-skeleton">
              <span class="skeleton" style={{ width: `${60 + ((i * 13) % 30)}%`, height: '14px' }} />
              <span class="skeleton" style={{ width: '45%' }} />
              <span class="skeleton" style={{ width: '60%' }} />
              <span class="skeleton skeleton-round" />
              <span class="skeleton" style={{ width: '70%' }} />
            </div>
          </li>
        )}
      </For>
    </ul>
  );
}
