import { A, Navigate, useParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { canInCluster } from '../../../shared/permissions.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { ADMIN_SECTIONS, DEFAULT_SECTION } from './sections.ts';
import './admin.css';

/**
 * /admin: the programme office's administration, a side list of sections (sections.ts) and the
 * chosen one. Anyone else reads why they cannot be here; the server refuses them anyway.
 */
export function AdminPage() {
  const { session } = useApp();
  const { t } = useI18n();
  const params = useParams<{ rest?: string }>();
  useDocumentTitle(() => t().admin.pageTitle);
  const parts = () => (params.rest ?? '').split('/').filter(Boolean);
  const section = () => ADMIN_SECTIONS.find((s) => s.id === parts()[0]);
  const allowed = () => canInCluster(session[0].me, 'people.view');

  return (
    <Show when={parts().length > 0} fallback={<Navigate href={`/admin/${DEFAULT_SECTION}`} />}>
      <Show when={section()} fallback={<NotFoundPage />}>
        {(current) => (
          <Shell>
            <Show
              when={allowed()}
              fallback={
                <StatePanel
                  level={1}
                  icon="lock"
                  title={t().admin.notAllowedTitle}
                  body={t().admin.notAllowedBody}
                >
                  <A href="/" class="button button-primary">
                    {t().notFound.home}
                  </A>
                </StatePanel>
              }
            >
              <div class="admin">
                <nav class="admin-nav" aria-label={t().admin.sectionsLabel}>
                  <p class="admin-nav-title">{t().admin.title}</p>
                  <ul class="admin-nav-list">
                    <For each={ADMIN_SECTIONS}>
                      {(s) => (
                        <li>
                          <A href={`/admin/${s.id}`} class="admin-nav-link">
                            {s.label(t())}
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </nav>
                <div class="admin-main">
                  <Suspense fallback={<Loading label={t().app.loading} />}>
                    <Dynamic component={current().component} rest={parts().slice(1).join('/')} />
                  </Suspense>
                </div>
              </div>
            </Show>
          </Shell>
        )}
      </Show>
    </Show>
  );
}
