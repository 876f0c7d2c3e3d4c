import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ApiToken } from '../../../shared/tokens.ts';
import { useI18n } from '../../app-context.tsx';
import { InlineLoadFailed, Loading } from '../../components/LoadStates.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { accountPageApi } from './account-api.ts';
import { ConfirmInline } from './ConfirmInline.tsx';
import { createSectionAction } from './section-action.ts';
import { TokenCreateForm } from './TokenCreateForm.tsx';
import { TokenSecret } from './TokenSecret.tsx';

/** The person's API tokens: the list with last use and expiry, revoking, and creating one. */
export function TokensSection() {
  const { t, locale } = useI18n();
  const w = () => t().accountPage.tokens;
  const [list, { refetch }] = createResource(() => accountPageApi.tokens().then((r) => r.tokens));
  const [secret, setSecret] = createSignal<string | null>(null);
  const expired = (token: ApiToken) => new Date(token.expiresAt).getTime() <= Date.now();

  const { busy, outcome, setOutcome, run } = createSectionAction(refetch);
  const revoke = (token: ApiToken) =>
    run(async () => {
      await accountPageApi.revokeToken(token.id);
      return w().revoked;
    }, w().revokeFailed);

  return (
    <section class="panel ac-section" aria-labelledby="ac-tokens-title" id="tokens">
      <h2 id="ac-tokens-title" class="panel-title">
        {w().title}
      </h2>
      <p class="muted">{w().intro}</p>
      <Show when={secret()}>{(token) => <TokenSecret token={token()} onDone={() => setSecret(null)} />}</Show>
      <Switch>
        <Match when={list.error}>
          <InlineLoadFailed message={w().loadFailed} error={list.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={list.latest}>
          {(tokens) => (
            <Show when={tokens().length} fallback={<p class="muted">{w().none}</p>}>
              <ul class="ac-list">
                <For each={tokens()}>
                  {(token) => (
                    <li class="ac-row">
                      <div class="ac-row-main">
                        <span class="ac-row-title">
                          {token.name} <span class="status-tag">{w().scopeTag[token.scope]}</span>
                          <Show when={token.project}>
                            {(project) => <span class="status-tag">{w().onlyProject(project().title)}</span>}
                          </Show>
                        </span>
                        <span class="muted small">
                          {w().prefix} <code>{token.prefix}…</code> ·{' '}
                          {token.lastUsedAt
                            ? w().lastUsed(formatDateTime(locale(), token.lastUsedAt))
                            : w().neverUsed}{' '}
                          ·{' '}
                          <span classList={{ 'ac-expired': expired(token) }}>
                            {(expired(token) ? w().expired : w().expires)(
                              formatDate(locale(), token.expiresAt),
                            )}
                          </span>
                        </span>
                      </div>
                      <ConfirmInline
                        label={w().revoke}
                        ariaLabel={w().revokeOne(token.name)}
                        question={w().confirmRevoke(token.name)}
                        confirmLabel={w().confirm}
                        cancelLabel={w().cancel}
                        busy={busy()}
                        onConfirm={() => revoke(token)}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={list.loading}>
          <Loading label={w().loading} />
        </Match>
      </Switch>
      <p class="ac-status" role="status" aria-live="polite">
        <Show when={outcome()}>
          {(o) => <span classList={{ 'ac-ok': o().ok, 'ac-field-error': !o().ok }}>{o().text}</span>}
        </Show>
      </p>
      <TokenCreateForm
        onCreated={(created) => {
          setOutcome(null);
          setSecret(created.token);
          void refetch();
        }}
      />
    </section>
  );
}
