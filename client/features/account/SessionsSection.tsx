import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { SessionView } from '../../../shared/schemas/me.ts';
import { useI18n } from '../../app-context.tsx';
import { InlineLoadFailed, Loading } from '../../components/LoadStates.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { accountPageApi } from './account-api.ts';
import { ConfirmInline } from './ConfirmInline.tsx';
import { describeDevice } from './device.ts';
import { createSectionAction } from './section-action.ts';

/** Where the person is signed in: this device first, the others to sign out one by one or all. */
export function SessionsSection(props: { reload: number }) {
  const { t, locale } = useI18n();
  const w = () => t().accountPage.sessions;
  const [list, { refetch }] = createResource(
    () => props.reload,
    () => accountPageApi.sessions(),
  );
  const sessions = () => {
    const all = list.error ? [] : (list.latest?.sessions ?? []);
    return [...all.filter((s) => s.current), ...all.filter((s) => !s.current)];
  };
  const device = (s: SessionView) => describeDevice(s.userAgent, w());

  const { busy, outcome, run } = createSectionAction(refetch);
  const act = (action: () => Promise<string>) => run(action, w().failed);

  return (
    <section class="panel ac-section" aria-labelledby="ac-sessions-title" id="sessions">
      <h2 id="ac-sessions-title" class="panel-title">
        {w().title}
      </h2>
      <p class="muted">{w().intro}</p>
      <Switch>
        <Match when={list.error}>
          <InlineLoadFailed message={w().loadFailed} error={list.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={list.latest}>
          <ul class="ac-list">
            <For each={sessions()}>
              {(s) => (
                <li class="ac-row">
                  <div class="ac-row-main">
                    <span class="ac-row-title">
                      {device(s)}
                      <Show when={s.current}>
                        {' '}
                        <span class="status-tag ac-this">{w().thisDevice}</span>
                      </Show>
                    </span>
                    <span class="muted small">
                      {w().lastUsed(formatDateTime(locale(), s.lastUsedAt))} ·{' '}
                      {w().signedIn(formatDateTime(locale(), s.signedInAt))}
                    </span>
                  </div>
                  <Show when={!s.current}>
                    <ConfirmInline
                      label={w().signOut}
                      ariaLabel={w().signOutOne(device(s))}
                      question={w().confirmOne(device(s))}
                      confirmLabel={w().confirm}
                      cancelLabel={w().cancel}
                      busy={busy()}
                      onConfirm={() =>
                        act(async () => {
                          await accountPageApi.signOutSession(s.id);
                          return w().signedOutOne;
                        })
                      }
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={sessions().length > 1} fallback={<p class="muted small">{w().onlyThis}</p>}>
            <div class="ac-actions">
              <ConfirmInline
                label={w().signOutOthers}
                question={w().confirmOthers}
                confirmLabel={w().confirm}
                cancelLabel={w().cancel}
                busy={busy()}
                onConfirm={() =>
                  act(async () => w().signedOutOthers((await accountPageApi.signOutOtherSessions()).sessions))
                }
              />
            </div>
          </Show>
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
    </section>
  );
}
