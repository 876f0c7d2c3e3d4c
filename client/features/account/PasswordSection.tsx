import { createSignal, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { appSocket, closeAppSocket } from '../../realtime/socket.ts';
import { accountProblem, localPasswordProblem } from '../auth/account-problems.ts';
import { accountPageApi } from './account-api.ts';

/**
 * Changing the password: the current one proves it is the owner, the new one follows the
 * password policy (checked here as typed for what can be, by the server for the rest), and
 * every other session is signed out.
 */
export function PasswordSection(props: { onChanged: () => void }) {
  const { session } = useApp();
  const { t } = useI18n();
  const w = () => t().accountPage.password;
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [touched, setTouched] = createSignal({ current: false, next: false });
  const [refused, setRefused] = createSignal<{ current?: string; next?: string }>({});
  const [state, setState] = createSignal<'idle' | 'saving' | 'done' | 'failed'>('idle');
  const [failure, setFailure] = createSignal<unknown>(null);

  const email = () => session[0].me?.user.email ?? '';
  const currentError = () =>
    refused().current ?? (touched().current && !current() ? w().currentMissing : undefined);
  const nextError = () => {
    if (refused().next) return refused().next;
    if (!touched().next) return undefined;
    const problem = localPasswordProblem(next(), email());
    return problem ? t().account.problems[problem] : undefined;
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setTouched({ current: true, next: true });
    if (currentError() || nextError()) {
      (e.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setState('saving');
    // The change ends every session, this one too (better-auth hands this tab a new one): the
    // live connection that the old session opened is closed first, so that its ending is not
    // taken for this tab being signed out, and a new one opens with the new session.
    closeAppSocket();
    try {
      await accountPageApi.changePassword(current(), next());
      setCurrent('');
      setNext('');
      setTouched({ current: false, next: false });
      setState('done');
      props.onChanged();
    } catch (err) {
      const problem = accountProblem(err);
      if (problem?.field === 'password') setRefused({ next: t().account.problems[problem.problem] });
      else if (err instanceof ApiError && err.code === 'INVALID_PASSWORD')
        setRefused({ current: w().wrongCurrent });
      setFailure(err);
      setState('failed');
    } finally {
      appSocket();
    }
  }

  return (
    <section class="panel ac-section" aria-labelledby="ac-password-title" id="password">
      <h2 id="ac-password-title" class="panel-title">
        {w().title}
      </h2>
      <p class="muted">{w().intro}</p>
      <form onSubmit={submit} novalidate>
        {/* The address lets password managers file the new password under the right account. */}
        <input type="text" autocomplete="username" value={email()} hidden readOnly />
        <div class="ac-grid">
          <div class="field">
            <label for="ac-current-password">{w().current}</label>
            <input
              id="ac-current-password"
              type="password"
              autocomplete="current-password"
              value={current()}
              aria-invalid={currentError() ? 'true' : undefined}
              aria-describedby={currentError() ? 'ac-current-password-error' : undefined}
              onInput={(e) => {
                setCurrent(e.currentTarget.value);
                setRefused((r) => ({ ...r, current: undefined }));
              }}
              onBlur={() => setTouched((x) => ({ ...x, current: true }))}
            />
            <Show when={currentError()}>
              <p id="ac-current-password-error" class="ac-field-error">
                {currentError()}
              </p>
            </Show>
          </div>
          <div class="field">
            <label for="ac-new-password">{w().next}</label>
            <input
              id="ac-new-password"
              type="password"
              autocomplete="new-password"
              value={next()}
              aria-invalid={nextError() ? 'true' : undefined}
              aria-describedby={nextError() ? 'ac-new-password-error ac-password-rule' : 'ac-password-rule'}
              onInput={(e) => {
                setNext(e.currentTarget.value);
                setTouched((x) => ({ ...x, next: true }));
                setRefused((r) => ({ ...r, next: undefined }));
              }}
            />
            <Show when={nextError()}>
              <p id="ac-new-password-error" class="ac-field-error">
                {nextError()}
              </p>
            </Show>
            <p id="ac-password-rule" class="muted small">
              {w().rule}
            </p>
          </div>
        </div>
        <div class="ac-actions">
          <button type="submit" class="button button-primary" disabled={state() === 'saving'}>
            {state() === 'saving' ? w().submitting : w().submit}
          </button>
          <p class="ac-status" role="status" aria-live="polite">
            <Show when={state() === 'done'}>
              <span class="ac-ok">{w().done}</span>
            </Show>
          </p>
        </div>
        <Show when={state() === 'failed' && !refused().current && !refused().next}>
          <p class="form-error" role="alert">
            {w().failed} {describeError(failure(), t())}
          </p>
        </Show>
      </form>
    </section>
  );
}
