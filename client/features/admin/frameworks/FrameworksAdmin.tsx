import { A } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import { canInCluster } from '../../../../shared/permissions.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadedPage } from '../../../components/LoadedPage.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { CopyFramework } from './CopyFramework.tsx';
import { DimensionEditor } from './DimensionEditor.tsx';
import { FrameworkEditor } from './FrameworkEditor.tsx';
import { type AdminFrameworks, loadAdminFrameworks } from './frameworks-admin-api.ts';
import { TrackPage } from './TrackPage.tsx';
import './frameworks-admin.css';

/**
 * Administration › Frameworks, for cluster managers: the tracks (/admin/frameworks), one track
 * (/admin/frameworks/:lineage, `?version=` for an older one), its editor (…/edit), its copy
 * (…/copy) and a readiness dimension's texts (/admin/frameworks/dimensions/:id). Every page
 * reads the same two calls: the catalogue's texts and the tracks' histories.
 */
export function FrameworksAdmin(props: { rest: string }) {
  const { session } = useApp();
  const { t } = useI18n();
  const a = () => t().frameworksAdmin;
  const parts = () => props.rest.split('/').filter(Boolean);
  const [data, { refetch }] = createResource(loadAdminFrameworks);
  return (
    <Show
      when={canInCluster(session[0].me, 'framework.manage')}
      fallback={<StatePanel title={a().managersOnly} body={a().managersOnlyBody} icon="lock" level={1} />}
    >
      <LoadedPage
        resource={data}
        onRetry={() => void refetch()}
        notFound={{ title: a().notFoundTitle, body: a().notFoundBody }}
        errorTitle={a().loadError}
        loading={a().loading}
      >
        {(loaded) => (
          <Switch fallback={<TrackList data={loaded()} />}>
            <Match when={parts()[0] === 'dimensions' && parts()[1]}>
              {(id) => <DimensionEditor data={loaded()} id={id()} onSaved={() => refetch()} />}
            </Match>
            <Match when={parts()[0] && parts()[1] === 'edit' && parts()[0]}>
              {(lineage) => <FrameworkEditor data={loaded()} lineage={lineage()} onSaved={() => refetch()} />}
            </Match>
            <Match when={parts()[0] && parts()[1] === 'copy' && parts()[0]}>
              {(lineage) => <CopyFramework data={loaded()} lineage={lineage()} onSaved={() => refetch()} />}
            </Match>
            <Match when={parts()[0]}>{(lineage) => <TrackPage data={loaded()} lineage={lineage()} />}</Match>
          </Switch>
        )}
      </LoadedPage>
    </Show>
  );
}

function TrackList(props: { data: AdminFrameworks }) {
  const { t, locale } = useI18n();
  const a = () => t().frameworksAdmin;
  const n = (x: number) => formatNumber(locale(), x);
  useDocumentTitle(() => a().pageTitle);
  return (
    <>
      <div class="page-head">
        <h1 class="page-title">{a().title}</h1>
      </div>
      <p class="page-intro fw-intro">{a().intro}</p>
      <Show
        when={props.data.tracks.length > 0}
        fallback={<StatePanel title={a().noneTitle} body={a().noneBody} icon="empty" />}
      >
        <ul class="fw-track-list">
          <For each={props.data.tracks}>
            {(track) => {
              const current = () => track.versions[0]!;
              const total = () => track.versions.reduce((sum, v) => sum + v.projectCount, 0);
              return (
                <li class="card fw-track">
                  <div class="fw-track-head">
                    <A href={`/admin/frameworks/${track.lineage}`} class="fw-track-name">
                      {current().name[locale()]}
                    </A>
                    <span class="tag">{a().versionOf(n(current().version))}</span>
                  </div>
                  <p class="muted small">
                    {a().versions(track.versions.length, n(track.versions.length))} ·{' '}
                    {a().projects(total(), n(total()))}
                  </p>
                  <ul class="fw-track-counts small">
                    <For each={track.versions}>
                      {(v) => (
                        <li>
                          {a().projectsOn(a().projects(v.projectCount, n(v.projectCount)), n(v.version))}
                        </li>
                      )}
                    </For>
                  </ul>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <section class="fw-section" aria-labelledby="fw-dimensions-title">
        <h2 id="fw-dimensions-title" class="fw-section-title">
          {a().dimensions}
        </h2>
        <p class="muted fw-note">{a().dimensionsNote}</p>
        <ul class="card fw-dimension-list">
          <For each={props.data.catalogue.dimensions}>
            {(d) => (
              <li class="fw-dimension-row">
                <div>
                  <span class="fw-dimension-name">{d.name[locale()]}</span>
                  <p class="muted small">{d.description[locale()]}</p>
                </div>
                <A
                  href={`/admin/frameworks/dimensions/${d.id}`}
                  class="button button-small"
                  aria-label={a().editDimension(d.name[locale()])}
                >
                  {a().edit}
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </>
  );
}
