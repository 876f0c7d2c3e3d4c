import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { describeError } from '../../errors.ts';
import { accountApi } from './account-api.ts';
import { accountProblem, localPasswordProblem } from './account-problems.ts';

/**
 * Self sign-up, where the cluster opened it (SIGNUP=open): the account can sign in once the
 * link mailed to the address is followed. The answer never says whether the address already
 * had an account.
 */
export function SignUpPage() {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [sentTo, setSentTo] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  useDocumentTitle(() => t().account.signUp.pageTitle);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const p = t().account.problems;
    if (!name().trim()) return setFailure(p.nameMissing);
    const local = localPasswordProblem(password(), email());
    if (local) return setFailure(p[local]);
    setBusy(true);
    setFailure(null);
    try {
      await accountApi.signUp({ name: name().trim(), email: email().trim(), password: password() });
      setSentTo(email().trim());
    } catch (err) {
      const known = accountProblem(err);
      setFailure(known ? p[known.problem] : t().account.failed(describeError(err, t())));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell width="narrow">
      <div class="auth-layout">
        <form class="card card-roomy auth-card" onSubmit={submit} novalidate aria-labelledby="sign-up-title">
          <h1 id="sign-up-title" class="auth-title">
            {t().account.signUp.title}
          </h1>
          <Show
            when={sentTo()}
            fallback={
              <>
                <p class="auth-intro">{t().account.signUp.intro}</p>
                <div class="field">
                  <label for="sign-up-name">{t().account.name}</label>
                  <input
                    id="sign-up-name"
                    autocomplete="name"
                    maxLength={80}
                    value={name()}
                    onInput={(e) => setName(e.currentTarget.value)}
                    aria-describedby="sign-up-name-hint"
                  />
                  <p id="sign-up-name-hint" class="muted small">
                    {t().account.nameHint}
                  </p>
                </div>
                <div class="field">
                  <label for="sign-up-email">{t().account.signUp.email}</label>
                  <input
                    id="sign-up-email"
                    type="email"
                    inputmode="email"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck={false}
                    value={email()}
                    onInput={(e) => setEmail(e.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for="sign-up-password">{t().account.password}</label>
                  <input
                    id="sign-up-password"
                    type="password"
                    autocomplete="new-password"
                    value={password()}
                    onInput={(e) => setPassword(e.currentTarget.value)}
                    aria-describedby="sign-up-password-rule"
                  />
                  <p id="sign-up-password-rule" class="muted small">
                    {t().account.passwordRule}
                  </p>
                </div>
                <Show when={failure()}>
                  {(text) => (
                    <p class="form-error" role="alert">
                      {text()}
                    </p>
                  )}
                </Show>
                <button type="submit" class="button button-primary button-block" disabled={busy()}>
                  {busy() ? t().account.signUp.submitting : t().account.signUp.submit}
                </button>
              </>
            }
          >
            {(address) => (
              <p class="notice" role="status">
                {t().account.signUp.sent(address())}
              </p>
            )}
          </Show>
          <p class="auth-links small">
            <A href="/sign-in">{t().account.forgot.backToSignIn}</A>
          </p>
        </form>
      </div>
    </Shell>
  );
}
