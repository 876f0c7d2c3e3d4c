import { A } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { NOTIFICATION_TYPES } from '../../../shared/vocabularies.ts';
import { useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import {
  type NotificationPreferences,
  type NotificationType,
  notificationsApi,
} from './notifications-api.ts';
import './notifications.css';

/** Which notifications I receive, one switch per type, and the digest e-mail; saved as they change. */
export function PreferencesPage() {
  const { t } = useI18n();
  useDocumentTitle(() => t().notifications.preferences.pageTitle);
  const [prefs, { refetch, mutate }] = createResource(notificationsApi.preferences);
  const [saving, setSaving] = createSignal<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const loaded = () => (prefs.error ? undefined : prefs.latest);

  async function save(change: { types?: Partial<Record<NotificationType, boolean>>; digestEmail?: boolean }) {
    const before = loaded();
    if (!before) return;
    mutate({
      ...before,
      types: { ...before.types, ...change.types } as NotificationPreferences['types'],
      digestEmail: change.digestEmail ?? before.digestEmail,
    });
    setSaving('saving');
    try {
      mutate(await notificationsApi.updatePreferences(change));
      setSaving('saved');
    } catch {
      mutate(before);
      setSaving('failed');
    }
  }

  return (
    <Shell width="narrow">
      <div class="nt-page">
        <A href="/" class="back-link">
          ← {t().header.portfolio}
        </A>
        <div class="page-head">
          <h1 class="page-title">{t().notifications.preferences.title}</h1>
        </div>
        <p class="nt-page-intro">{t().notifications.preferences.intro}</p>
        <Switch>
          <Match when={prefs.error}>
            <LoadFailed
              title={t().notifications.preferences.errorTitle}
              error={prefs.error}
              onRetry={() => void refetch()}
            />
          </Match>
          <Match when={loaded()}>
            {(p) => (
              <form class="panel nt-prefs" onSubmit={(e) => e.preventDefault()}>
                <fieldset>
                  <legend>{t().notifications.preferences.inApp}</legend>
                  <ul class="nt-prefs-list">
                    <For each={NOTIFICATION_TYPES}>
                      {(type) => (
                        <li>
                          <label class="checkbox">
                            <input
                              type="checkbox"
                              checked={p().types[type]}
                              onChange={(e) => void save({ types: { [type]: e.currentTarget.checked } })}
                            />
                            {t().notifications.preferences.types[type]}
                          </label>
                        </li>
                      )}
                    </For>
                  </ul>
                </fieldset>
                <fieldset style={{ 'margin-top': '18px' }}>
                  <legend>{t().notifications.preferences.digest}</legend>
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      checked={p().emailAvailable && p().digestEmail}
                      disabled={!p().emailAvailable}
                      aria-describedby={p().emailAvailable ? undefined : 'nt-digest-unavailable'}
                      onChange={(e) => void save({ digestEmail: e.currentTarget.checked })}
                    />
                    {t().notifications.preferences.digestEmail}
                  </label>
                  <Show when={!p().emailAvailable}>
                    <p id="nt-digest-unavailable" class="muted small">
                      {t().notifications.preferences.digestUnavailable}{' '}
                      <A href="/notifications/digest" class="text-link">
                        {t().notifications.digestLink}
                      </A>
                    </p>
                  </Show>
                </fieldset>
                <p
                  class="nt-save-state"
                  classList={{ 'nt-save-failed': saving() === 'failed' }}
                  role="status"
                  aria-live="polite"
                >
                  {saving() === 'saving'
                    ? t().notifications.preferences.saving
                    : saving() === 'saved'
                      ? t().notifications.preferences.saved
                      : saving() === 'failed'
                        ? t().notifications.preferences.saveFailed
                        : ''}
                </p>
              </form>
            )}
          </Match>
          <Match when={prefs.loading}>
            <Loading label={t().notifications.preferences.loading} />
          </Match>
        </Switch>
      </div>
    </Shell>
  );
}
