import { A, Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { ApiError } from '../../errors.ts';
import { DemoAccounts } from './DemoAccounts.tsx';
import { safeNextPath } from './next-path.ts';
import { serverSettings } from './server-settings.ts';
import { signInErrorMessage } from './sign-in-error.ts';
import { TwoFactorStep } from './TwoFactorStep.tsx';

/**
 * Email and password, then back to where the user was going (`?next=`). The form validates
 * itself (no browser bubbles, which would speak the browser's language, not the user's).
 */
export function SignInPage() {
  const { session } = useApp();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = () => safeNextPath(params.next);
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  // A correct password for an account with two-factor authentication: the code is next.
  const [secondStep, setSecondStep] = createSignal<string | null>(null);
  // The failure is kept, not its text, so that it follows a change of language.
  const [failure, setFailure] = createSignal<{ err: unknown } | 'missing' | null>(null);
  let passwordInput: HTMLInputElement | undefined;
  const [settings] = createResource(serverSettings);
  const openSignUp = () => settings()?.signUpOpen ?? false;
  // Where a mailed link brought the person back to: a confirmed address, a changed password.
  const arrival = () =>
    params.verified === '1'
      ? t().account.signIn.verified
      : params.reset === '1'
        ? t().account.signIn.passwordChanged
        : null;
  useDocumentTitle(() => t().signIn.pageTitle);

  // Only a credentials problem is the fields' fault; a 429 or a dead network is not.
  const fieldsInvalid = () => {
    const f = failure();
    return f === 'missing' || (f !== null && f.err instanceof ApiError && [400, 401].includes(f.err.status));
  };
  const errorText = () => {
    const f = failure();
    if (f === null) return null;
    if (f === 'missing') return t().signIn.missingFields;
    return signInErrorMessage(f.err, t(), locale());
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!email().trim() || !password()) {
      setFailure('missing');
      return;
    }
    setBusy(true);
    setFailure(null);
    // Read before signing in: once signed in, this page redirects and the query is gone.
    const destination = next();
    try {
      if ((await session[1].signIn(email().trim(), password())) === 'twoFactor') {
        setPassword('');
        return setSecondStep(destination);
      }
      navigate(destination, { replace: true });
    } catch (err) {
      setFailure({ err });
      setPassword('');
      passwordInput?.focus();
    } finally {
      setBusy(false);
    }
  }

  function pickDemo(address: string) {
    setEmail(address);
    setFailure(null);
    passwordInput?.focus();
  }

  return (
    <Show when={session[0].status !== 'signedIn'} fallback={<Navigate href={next()} />}>
      <Shell width="narrow">
        <Show when={secondStep()}>
          {(destination) => (
            <div class="auth-layout">
              <TwoFactorStep
                onDone={async () => {
                  await session[1].secondStepDone();
                  navigate(destination(), { replace: true });
                }}
                onRestart={() => setSecondStep(null)}
              />
            </div>
          )}
        </Show>
        <div class="auth-layout" hidden={secondStep() !== null}>
          <form
            class="card card-roomy auth-card"
            onSubmit={submit}
            novalidate
            aria-labelledby="sign-in-title"
          >
            <h1 id="sign-in-title" class="auth-title">
              {t().signIn.title}
            </h1>
            <p class="auth-intro">{t().signIn.intro}</p>
            <Show when={session[0].ended}>
              {(reason) => (
                <p class="notice auth-notice" role="status">
                  {t().sessionEnded.notice[reason()]}{' '}
                  {reason() === 'deactivated' ? '' : t().sessionEnded.signInAgain}
                </p>
              )}
            </Show>
            <Show when={failure() === null && arrival()}>
              {(text) => (
                <p class="notice" role="status">
                  {text()}
                </p>
              )}
            </Show>
            <div class="field">
              <label for="sign-in-email">{t().signIn.email}</label>
              <input
                id="sign-in-email"
                name="email"
                type="email"
                inputmode="email"
                autocomplete="username"
                autocapitalize="none"
                spellcheck={false}
                required
                value={email()}
                onInput={(e) => setEmail(e.currentTarget.value)}
                aria-invalid={fieldsInvalid() ? 'true' : undefined}
                aria-describedby={failure() !== null ? 'sign-in-error' : undefined}
              />
            </div>
            <div class="field">
              <label for="sign-in-password">{t().signIn.password}</label>
              <input
                ref={passwordInput}
                id="sign-in-password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                aria-invalid={fieldsInvalid() ? 'true' : undefined}
                aria-describedby={failure() !== null ? 'sign-in-error' : undefined}
              />
            </div>
            <div class="form-error-slot">
              <Show when={errorText()}>
                {(text) => (
                  <p id="sign-in-error" class="form-error" role="alert">
                    {text()}
                  </p>
                )}
              </Show>
            </div>
            <button
              type="submit"
              class="button button-primary button-block"
              disabled={busy()}
              aria-busy={busy() ? 'true' : 'false'}
            >
              <Show when={busy()}>
                <span class="spinner spinner-inverse" aria-hidden="true" />
              </Show>
              {busy() ? t().signIn.submitting : t().signIn.submit}
            </button>
            <p class="auth-links small">
              <A href="/forgot-password">{t().account.signIn.forgot}</A>
              <Show when={openSignUp()}>
                {' · '}
                {t().account.signIn.noAccount} <A href="/sign-up">{t().account.signIn.signUp}</A>
              </Show>
            </p>
          </form>
          <DemoAccounts onPick={pickDemo} />
        </div>
      </Shell>
    </Show>
  );
}
