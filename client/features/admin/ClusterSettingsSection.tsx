import { createResource, createSignal, For, Show } from 'solid-js';
import type { ClusterSettings } from '../../../shared/schemas/settings.ts';
import { request } from '../../api.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { LoadFailed, Loading } from '../../components/LoadStates.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';

const settingsApi = {
  read: () => request<ClusterSettings>('GET', '/api/settings'),
  write: (body: Partial<ClusterSettings>) => request<ClusterSettings>('PUT', '/api/settings', body),
};

/**
 * /admin/settings: who may start a project, and whether two-factor authentication is required
 * of managers and signers. The session's own rights follow at once.
 */
export function ClusterSettingsSection() {
  const { t } = useI18n();
  const { session, connectivity } = useApp();
  const c = () => t().projectSettings.cluster;
  useDocumentTitle(() => c().heading);
  const [settings, { mutate, refetch }] = createResource(settingsApi.read);
  const [choice, setChoice] = createSignal<ClusterSettings['projectCreation'] | null>(null);
  const [twoFactor, setTwoFactor] = createSignal<ClusterSettings['twoFactor'] | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal('');
  const current = () => choice() ?? (settings.error ? undefined : settings.latest?.projectCreation);
  const currentTwoFactor = () => twoFactor() ?? (settings.error ? undefined : settings.latest?.twoFactor);

  async function save(ev: SubmitEvent) {
    ev.preventDefault();
    const value = current();
    const twoFactorValue = currentTwoFactor();
    if (!value || !twoFactorValue) return;
    setBusy(true);
    setMessage('');
    setError('');
    try {
      mutate(await settingsApi.write({ projectCreation: value, twoFactor: twoFactorValue }));
      setChoice(null);
      setTwoFactor(null);
      setMessage(c().saved);
      void session[1].load();
    } catch (err) {
      setError(describeError(err, t()));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div class="page-head">
        <h1 class="page-title">{c().heading}</h1>
      </div>
      <Show
        when={!settings.error}
        fallback={<LoadFailed title={c().loadFailed} error={settings.error} onRetry={() => void refetch()} />}
      >
        <Show when={settings.latest} fallback={<Loading label={c().loading} />}>
          <form class="card card-roomy" onSubmit={save}>
            <fieldset class="cluster-setting">
              <legend>{c().whoStarts}</legend>
              <For each={['managers', 'leads'] as const}>
                {(value) => (
                  <div class="cluster-setting-option">
                    <label class="checkbox">
                      <input
                        type="radio"
                        name="projectCreation"
                        value={value}
                        checked={current() === value}
                        aria-describedby={value === 'leads' ? 'cluster-leads-hint' : undefined}
                        onChange={() => setChoice(value)}
                      />
                      {c()[value]}
                    </label>
                    <Show when={value === 'leads'}>
                      <p id="cluster-leads-hint" class="muted small">
                        {c().leadsHint}
                      </p>
                    </Show>
                  </div>
                )}
              </For>
            </fieldset>
            <fieldset class="cluster-setting">
              <legend>{c().twoFactor}</legend>
              <For each={['optional', 'required_for_managers_and_signers'] as const}>
                {(value) => (
                  <div class="cluster-setting-option">
                    <label class="checkbox">
                      <input
                        type="radio"
                        name="twoFactor"
                        value={value}
                        checked={currentTwoFactor() === value}
                        aria-describedby={value === 'optional' ? undefined : 'cluster-two-factor-hint'}
                        onChange={() => setTwoFactor(value)}
                      />
                      {value === 'optional' ? c().twoFactorOptional : c().twoFactorRequired}
                    </label>
                    <Show when={value !== 'optional'}>
                      <p id="cluster-two-factor-hint" class="muted small">
                        {c().twoFactorHint}
                      </p>
                    </Show>
                  </div>
                )}
              </For>
            </fieldset>
            <div class="form-error-slot" role="alert">
              <Show when={error()}>
                <p class="form-error">{error()}</p>
              </Show>
            </div>
            <div class="admin-links">
              <button
                type="submit"
                class="button button-primary"
                disabled={busy() || !connectivity[0].online}
              >
                {busy() ? c().saving : c().save}
              </button>
              <span class="muted small" role="status">
                {message()}
              </span>
            </div>
          </form>
        </Show>
      </Show>
    </>
  );
}
