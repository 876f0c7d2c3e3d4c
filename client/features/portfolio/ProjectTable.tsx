import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { ProjectSummary } from '../../../shared/api.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { StageBadge } from '../../components/StageBadge.tsx';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';

const SKELETON_ROWS = 6;

/**
 * The projects as a table. On narrow screens the other columns fold into two lines under the
 * title (CSS shows one or the other, so each is read once).
 */
export function ProjectTable(props: {
  projects: readonly ProjectSummary[];
  loading: boolean;
  caption: string;
}) {
  const { t } = useI18n();
  return (
    <div class="table-wrap">
      <table class="projects" aria-busy={props.loading ? 'true' : 'false'}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="col-title">
              {t().portfolio.columns.title}
            </th>
            <th scope="col" class="col-track wide-only">
              {t().portfolio.columns.track}
            </th>
            <th scope="col" class="col-stage wide-only">
              {t().portfolio.columns.stage}
            </th>
            <th scope="col" class="col-lead wide-only">
              {t().portfolio.columns.lead}
            </th>
            <th scope="col" class="col-role wide-only">
              {t().portfolio.columns.role}
            </th>
            <th scope="col" class="col-updated wide-only">
              {t().portfolio.columns.updated}
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

function ProjectRow(props: { project: ProjectSummary }) {
  const { frameworks } = useApp();
  const { t, locale } = useI18n();
  const trackName = () => frameworks[1].trackName(props.project.track, locale());
  const role = () => {
    const r = props.project.myRole;
    return r ? t().roles[r] : t().roles.clusterManager;
  };
  const updated = () => (
    <time datetime={props.project.updatedAt} title={formatDateTime(locale(), props.project.updatedAt)}>
      {formatRelative(locale(), props.project.updatedAt, new Date(), t().time.justNow)}
    </time>
  );
  return (
    <tr>
      <th scope="row" class="col-title">
        <A href={`/projects/${encodeURIComponent(props.project.id)}`} class="project-link">
          {props.project.title}
        </A>
        <span class="row-meta narrow-only">
          <span class="row-meta-line">
            <StageBadge track={props.project.track} stage={props.project.stage} />
            <span class="role" classList={{ 'role-manager': props.project.myRole === null }}>
              {role()}
            </span>
          </span>
          <span class="row-meta-line">
            {props.project.leadOrganisation.name} · {trackName()}
          </span>
        </span>
      </th>
      <td class="col-track wide-only">{trackName()}</td>
      <td class="col-stage wide-only">
        <StageBadge track={props.project.track} stage={props.project.stage} />
      </td>
      <td class="col-lead wide-only">{props.project.leadOrganisation.name}</td>
      <td class="col-role wide-only">
        <span class="role" classList={{ 'role-manager': props.project.myRole === null }}>
          {role()}
        </span>
      </td>
      <td class="col-updated wide-only">{updated()}</td>
    </tr>
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
          <td class="wide-only">
            <span class="skeleton" style={{ width: '70%' }} />
          </td>
          <td class="wide-only">
            <span class="skeleton" style={{ width: '80%' }} />
          </td>
          <td class="wide-only">
            <span class="skeleton" style={{ width: '75%' }} />
          </td>
          <td class="wide-only">
            <span class="skeleton" style={{ width: '60%' }} />
          </td>
          <td class="wide-only">
            <span class="skeleton" style={{ width: '50%' }} />
          </td>
        </tr>
      )}
    </For>
  );
}
