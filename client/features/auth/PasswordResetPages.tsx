import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';
import { accountApi } from './account-api.ts';
import { accountProblem, localPasswordProblem } from './account-problems.ts';
import { serverSettings } from './server-settings.ts';

/**
 * Asking for a reset link. The answer is the same whether or not the address has an account,
 * so the page says what happens if it has one.
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = createSignal('');
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [settings] = createResource(serverSettings);
  useDocumentTitle(() => t().account.forgot.pageTitle);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const address = email().trim();
    if (busy() || !address) return;
    setBusy(true);
    setFailure(null);
    try {
      await accountApi.requestPasswordReset(address);
      setSentTo(address);
    } catch (err) {
      setFailure(t().account.failed(describeError(err, t())));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell width="narrow">
      <div class="auth-layout">
        <form class="card card-roomy auth-card" onSubmit={submit} novalidate aria-labelledby="forgot-title">
          <h1 id="forgot-title" class="auth-title">
            {t().account.forgot.title}
          </h1>
          <Show
            when={settings()?.mail !== false}
            fallback={
              <p class="notice" role="status">
                {t().account.forgot.noMail}
              </p>
            }
          >
            <Show
              when={sentTo()}
              fallback={
                <>
                  <p class="auth-intro">{t().account.forgot.intro}</p>
                  <div class="field">
                    <label for="forgot-email">{t().account.forgot.email}</label>
                    <input
                      id="forgot-email"
                      type="email"
                      inputmode="email"
                      autocomplete="username"
                      autocapitalize="none"
                      spellcheck={false}
                      value={email()}
                      onInput={(e) => setEmail(e.currentTarget.value)}
                    />
                  </div>
                  <Show when={failure()}>
                    {(text) => (
                      <p class="form-error" role="alert">
                        {text()}
                      </p>
                    )}
                  </Show>
                  <button type="submit" class="button button-primary button-block" disabled={busy()}>
                    {busy() ? t().account.forgot.submitting : t().account.forgot.submit}
                  </button>
                </>
              }
            >
              {(address) => (
                <p class="notice" role="status">
                  {t().account.forgot.sent(address())}
                </p>
              )}
            </Show>
          </Show>
          <p class="auth-links small">
            <A href="/sign-in">{t().account.forgot.backToSignIn}</A>
          </p>
        </form>
      </div>
    </Shell>
  );
}

/** The page a reset mail links to: choose the new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = () => (typeof params.token === 'string' ? params.token : '');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<{ text: string; linkDead?: boolean } | null>(null);
  useDocumentTitle(() => t().account.reset.pageTitle);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const p = t().account.problems;
    // The address is not known here; the server checks the password against it.
    const local = localPasswordProblem(password(), '');
    if (local) return setFailure({ text: p[local] });
    setBusy(true);
    setFailure(null);
    try {
      await accountApi.resetPassword(token(), password());
      navigate('/sign-in?reset=1', { replace: true });
    } catch (err) {
      const known = accountProblem(err);
      if (known) setFailure({ text: p[known.problem], linkDead: known.field === 'token' });
      else setFailure({ text: t().account.failed(describeError(err, t())) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell width="narrow">
      <div class="auth-layout">
        <form class="card card-roomy auth-card" onSubmit={submit} novalidate aria-labelledby="reset-title">
          <h1 id="reset-title" class="auth-title">
            {t().account.reset.title}
          </h1>
          <Show
            when={token()}
            fallback={
              <p class="notice" role="status">
                {t().account.reset.missingToken}
              </p>
            }
          >
            <div class="field">
              <label for="reset-password">{t().account.newPassword}</label>
              <input
                id="reset-password"
                type="password"
                autocomplete="new-password"
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                aria-invalid={failure() ? 'true' : undefined}
                aria-describedby="reset-password-rule"
              />
              <p id="reset-password-rule" class="muted small">
                {t().account.passwordRule}
              </p>
            </div>
            <Show when={failure()}>
              {(shown) => (
                <p class="form-error" role="alert">
                  {shown().text}
                </p>
              )}
            </Show>
            <button type="submit" class="button button-primary button-block" disabled={busy()}>
              {busy() ? t().account.reset.submitting : t().account.reset.submit}
            </button>
          </Show>
          <p class="auth-links small">
            <A href="/forgot-password">{t().account.reset.askAgain}</A>
          </p>
        </form>
      </div>
    </Shell>
  );
}
