import { createSignal, Show } from 'solid-js';
import type { Locale } from '../../../shared/domain.ts';
import { TWO_FACTOR_LOCKOUT } from '../../../shared/two-factor.ts';
import { useI18n } from '../../app-context.tsx';
import { ApiError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import { signInErrorMessage } from './sign-in-error.ts';
import { isTotpCode, normaliseTotp, twoFactorApi } from './two-factor-api.ts';

/**
 * Sign-in's second step, after a correct password for an account with two-factor
 * authentication: the code of the authenticator app, or a backup code instead. The session
 * exists only once a code is accepted (`onDone`); `onRestart` goes back to the password when
 * this sign-in can go no further (too many codes, too slow).
 */
export function TwoFactorStep(props: { onDone: () => Promise<void>; onRestart: () => void }) {
  const { t, locale } = useI18n();
  const w = () => t().twoFactor.signIn;
  const [mode, setMode] = createSignal<'app' | 'backup'>('app');
  const [code, setCode] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  // The failure is kept, not its text, so that it follows a change of language.
  const [failure, setFailure] = createSignal<{ err: unknown } | 'missing' | 'shape' | null>(null);
  const [restart, setRestart] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const errorText = () => {
    const f = failure();
    if (f === null) return null;
    if (f === 'missing') return mode() === 'app' ? t().twoFactor.section.codeMissing : w().backupMissing;
    if (f === 'shape') return t().twoFactor.section.codeShape;
    return secondStepErrorMessage(f.err, t(), locale(), mode());
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (busy()) return;
    const typed = code().trim();
    if (!typed) return fail('missing');
    if (mode() === 'app' && !isTotpCode(typed)) return fail('shape');
    setBusy(true);
    setFailure(null);
    try {
      if (mode() === 'app') await twoFactorApi.verifyTotp(normaliseTotp(typed));
      else await twoFactorApi.verifyBackupCode(typed);
      await props.onDone();
    } catch (err) {
      setRestart(mustRestart(err));
      fail({ err });
    } finally {
      setBusy(false);
    }
  }

  function fail(f: NonNullable<ReturnType<typeof failure>>) {
    setFailure(f);
    setCode('');
    input?.focus();
  }

  function switchMode() {
    setMode(mode() === 'app' ? 'backup' : 'app');
    setCode('');
    setFailure(null);
    input?.focus();
  }

  return (
    <form class="card card-roomy auth-card" onSubmit={submit} novalidate aria-labelledby="two-factor-title">
      <h1
        id="two-factor-title"
        class="auth-title"
        tabindex="-1"
        ref={(el) => queueMicrotask(() => input?.focus() ?? el.focus())}
      >
        {mode() === 'app' ? w().title : w().backupTitle}
      </h1>
      <p class="auth-intro">{mode() === 'app' ? w().intro : w().backupIntro}</p>
      <div class="field">
        <label for="two-factor-code">{mode() === 'app' ? w().code : w().backupCode}</label>
        <input
          ref={input}
          id="two-factor-code"
          name="code"
          type="text"
          class="tf-code"
          inputmode={mode() === 'app' ? 'numeric' : 'text'}
          autocomplete="one-time-code"
          autocapitalize="none"
          spellcheck={false}
          maxlength={mode() === 'app' ? 9 : 16}
          value={code()}
          onInput={(e) => setCode(e.currentTarget.value)}
          aria-invalid={failure() !== null && !restart() ? 'true' : undefined}
          aria-describedby={failure() !== null ? 'two-factor-error' : undefined}
        />
      </div>
      <div class="form-error-slot">
        <Show when={errorText()}>
          {(text) => (
            <p id="two-factor-error" class="form-error" role="alert">
              {text()}
            </p>
          )}
        </Show>
      </div>
      <Show
        when={!restart()}
        fallback={
          <button type="button" class="button button-primary button-block" onClick={() => props.onRestart()}>
            {w().startOver}
          </button>
        }
      >
        <button
          type="submit"
          class="button button-primary button-block"
          disabled={busy()}
          aria-busy={busy() ? 'true' : 'false'}
        >
          <Show when={busy()}>
            <span class="spinner spinner-inverse" aria-hidden="true" />
          </Show>
          {busy() ? w().submitting : w().submit}
        </button>
      </Show>
      <p class="auth-links small">
        <button type="button" class="link-button" onClick={switchMode}>
          {mode() === 'app' ? w().useBackup : w().useApp}
        </button>
        {' · '}
        <button type="button" class="link-button" onClick={() => props.onRestart()}>
          {w().startOver}
        </button>
      </p>
    </form>
  );
}

/** This sign-in is over: the password again (too many codes for it, or it took too long). */
function mustRestart(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    (err.code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE' || err.code === 'INVALID_TWO_FACTOR_COOKIE')
  );
}

export function secondStepErrorMessage(
  err: unknown,
  t: Messages,
  locale: Locale,
  mode: 'app' | 'backup',
): string {
  const w = t.twoFactor.signIn;
  if (err instanceof ApiError) {
    if (err.code === 'INVALID_CODE') return w.wrongCode;
    if (err.code === 'INVALID_BACKUP_CODE') return w.wrongBackup;
    if (err.code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE') return w.tooManyForThisSignIn;
    if (err.code === 'INVALID_TWO_FACTOR_COOKIE') return w.expired;
    if (err.code === 'ACCOUNT_TEMPORARILY_LOCKED')
      return w.locked(formatNumber(locale, TWO_FACTOR_LOCKOUT.minutes));
    if (err.status === 401) return mode === 'app' ? w.wrongCode : w.wrongBackup;
  }
  // Offline, or too many requests from this network (with its time to wait), as at sign-in.
  return signInErrorMessage(err, t, locale);
}
