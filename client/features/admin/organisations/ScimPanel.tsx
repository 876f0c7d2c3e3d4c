import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { ScimStatus } from '../../../../shared/schemas/scim.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { describeError } from '../../../errors.ts';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { scimApi } from './admin-organisations-api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

type Confirming = 'rotate' | 'revoke' | null;

/**
 * Automatic removal (SCIM): the address and token the organisation's identity provider uses to
 * deactivate its people in Jalon. A token is shown once, when issued; rotating replaces it at once,
 * revoking turns automatic removal off.
 */
export function ScimPanel(props: { organisationId: string; organisationName: string }) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const s = () => t().adminOrganisations.scim;
  const [status, { refetch, mutate }] = createResource(() => props.organisationId, scimApi.status);
  const [token, setToken] = createSignal('');
  const [confirming, setConfirming] = createSignal<Confirming>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const offline = () => !connectivity[0].online;
  const when = (iso: string) => formatDateTime(locale(), iso);

  async function run(action: 'enable' | 'rotate' | 'revoke') {
    setBusy(true);
    setError('');
    try {
      const next = await scimApi[action](props.organisationId);
      const { token: issued, ...rest } = next as ScimStatus & { token?: string };
      mutate(rest);
      setToken(issued ?? '');
      setConfirming(null);
    } catch (err) {
      setError(`${s().refused} ${describeError(err, t())}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      class="card card-roomy org-admin-section"
      aria-labelledby="org-scim-title"
      aria-busy={status.loading}
    >
      <h2 id="org-scim-title" class="panel-title">
        {s().title}
      </h2>
      <p class="muted">{s().intro}</p>
      <Switch>
        <Match when={status.error && !status.loading}>
          <p class="form-error" role="alert">
            {s().loadFailed} {describeError(status.error, t())}
          </p>
          <button type="button" class="button button-small" onClick={() => void refetch()}>
            {s().retry}
          </button>
        </Match>
        <Match when={!status.latest}>
          <p class="muted" role="status">
            {s().loading}
          </p>
        </Match>
        <Match when={status.latest}>
          {(current) => (
            <>
              <Show when={token()}>
                <ScimSecret token={token()} onDone={() => setToken('')} />
              </Show>
              <CopyField id="org-scim-url" label={s().baseUrl} value={current().baseUrl} />
              <Show when={error() && confirming() === null}>
                <p class="form-error" role="alert">
                  {error()}
                </p>
              </Show>
              <Show
                when={current().credential}
                fallback={
                  <>
                    <p>{s().off}</p>
                    <button
                      type="button"
                      class="button button-primary"
                      disabled={busy() || offline()}
                      onClick={() => void run('enable')}
                    >
                      {busy() ? s().enabling : s().enable}
                    </button>
                  </>
                }
              >
                {(credential) => (
                  <>
                    <p>{s().on}</p>
                    <dl class="org-scim-facts">
                      <dt>{s().lastUsed}</dt>
                      <dd>{current().lastUsedAt ? when(current().lastUsedAt as string) : s().neverUsed}</dd>
                      <dt>{s().issued}</dt>
                      <dd>{when(credential().createdAt)}</dd>
                      <dt>{s().expires}</dt>
                      <dd>{when(credential().expiresAt)}</dd>
                      <dt>{s().provisioned}</dt>
                      <dd>
                        {s().provisionedCount(
                          formatNumber(locale(), current().provisioned.total),
                          formatNumber(locale(), current().provisioned.active),
                        )}
                      </dd>
                    </dl>
                    <div class="org-scim-actions">
                      <button
                        type="button"
                        class="button"
                        disabled={busy() || offline()}
                        onClick={() => {
                          setError('');
                          setConfirming('rotate');
                        }}
                      >
                        {s().rotate}
                      </button>
                      <button
                        type="button"
                        class="button org-admin-danger"
                        disabled={busy() || offline()}
                        onClick={() => {
                          setError('');
                          setConfirming('revoke');
                        }}
                      >
                        {s().revoke}
                      </button>
                    </div>
                  </>
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <ConfirmDialog
        open={confirming() !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirming() === 'rotate' ? s().rotateTitle : s().revokeTitle(props.organisationName)}
        body={confirming() === 'rotate' ? s().rotateBody : s().revokeBody}
        confirm={confirming() === 'rotate' ? s().rotateConfirm : s().revokeConfirm}
        busyLabel={s().working}
        cancel={s().cancel}
        busy={busy()}
        error={error()}
        onConfirm={() => void run(confirming() === 'rotate' ? 'rotate' : 'revoke')}
      />
    </section>
  );
}

/** A value to hand to the provider's form, selected on focus, with a copy button. */
function CopyField(props: { id: string; label: string; value: string; secret?: boolean }) {
  const { t } = useI18n();
  const s = () => t().adminOrganisations.scim;
  const [copied, setCopied] = createSignal<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <div class="org-scim-field">
      <label for={props.id}>{props.label}</label>
      <div class="org-scim-row">
        <input
          id={props.id}
          type="text"
          readOnly
          class="org-scim-value"
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          class={props.secret ? 'button button-primary' : 'button'}
          aria-describedby={props.id}
          onClick={() => void copy()}
        >
          {s().copy}
        </button>
      </div>
      <p class="small" role="status" aria-live="polite">
        <Show when={copied() !== 'idle'}>{copied() === 'copied' ? s().copied : s().copyFailed}</Show>
      </p>
    </div>
  );
}

/** The token just issued: shown this once, and it says so. */
function ScimSecret(props: { token: string; onDone: () => void }) {
  const { t } = useI18n();
  const s = () => t().adminOrganisations.scim;
  return (
    <section
      class="org-scim-secret"
      aria-labelledby="org-scim-secret-title"
      tabindex="-1"
      ref={(el) => queueMicrotask(() => el.focus())}
    >
      <h3 id="org-scim-secret-title" class="org-scim-subtitle">
        {s().tokenTitle}
      </h3>
      <p class="notice">{s().tokenWarning}</p>
      <CopyField id="org-scim-token" label={s().token} value={props.token} secret />
      <button type="button" class="button button-small" onClick={() => props.onDone()}>
        {s().done}
      </button>
    </section>
  );
}
