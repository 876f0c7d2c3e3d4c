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
import { ssoApi, ssoErrorKind } from './sso-api.ts';
import { TwoFactorStep } from './TwoFactorStep.tsx';

/**
 * Email and password, then back to where the user was going (`?next=`). The form validates
 * itself (no browser bubbles, which would speak the browser's language, not the user's).
 *
 * The address decides how one signs in: when the person leaves the address field or submits,
 * the page asks the server; an address whose organisation signs its people in (single sign-on)
 * loses the password field and goes to the organisation's identity provider. What the provider
 * or the sign-in refused comes back as `?error=`, shown here in plain words.
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
  // The organisation that signs this address in, once asked; null: a password.
  const [ssoOrganisation, setSsoOrganisation] = createSignal<string | null>(null);
  const [askedFor, setAskedFor] = createSignal('');
  const [leaving, setLeaving] = createSignal(false);
  const ssoError = () => (typeof params.error === 'string' ? ssoErrorKind(params.error) : null);
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

  /** Asks how this address signs in (once per address); answers the organisation, or null. */
  async function lookUpMethod(address: string): Promise<string | null> {
    if (address === askedFor()) return ssoOrganisation();
    const reply = await ssoApi.signInMethod(address);
    const organisation = reply.method === 'sso' ? reply.organisation : null;
    setAskedFor(address);
    setSsoOrganisation(organisation);
    return organisation;
  }

  function onAddressLeft() {
    const address = email().trim();
    // A lookup that fails leaves the password field: submitting asks again.
    if (address.includes('@')) void lookUpMethod(address).catch(() => undefined);
  }

  async function continueWithOrganisation(address: string) {
    setLeaving(true);
    const destination = next();
    try {
      await ssoApi.start(address, destination, `/sign-in?next=${encodeURIComponent(destination)}`);
    } catch (err) {
      setLeaving(false);
      setFailure({ err });
    }
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const address = email().trim();
    if (address.includes('@')) {
      setBusy(true);
      const organisation = await lookUpMethod(address).catch(() => null);
      setBusy(false);
      if (organisation) {
        setFailure(null);
        await continueWithOrganisation(address);
        return;
      }
    }
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
    setSsoOrganisation(null);
    setAskedFor(address);
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
            <Show when={failure() === null && ssoError()}>
              {(kind) => (
                <p class="form-error" role="alert">
                  {t().signIn.ssoErrors[kind()]}
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
                onInput={(e) => {
                  setEmail(e.currentTarget.value);
                  if (e.currentTarget.value.trim() !== askedFor()) setSsoOrganisation(null);
                }}
                onChange={onAddressLeft}
                aria-invalid={fieldsInvalid() ? 'true' : undefined}
                aria-describedby={failure() !== null ? 'sign-in-error' : undefined}
              />
            </div>
            <Show when={ssoOrganisation()}>
              {(organisation) => (
                <p class="notice" role="status">
                  {t().signIn.ssoSignsYouIn(organisation())}
                </p>
              )}
            </Show>
            <Show when={ssoOrganisation() === null}>
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
            </Show>
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
              disabled={busy() || leaving()}
              aria-busy={busy() || leaving() ? 'true' : 'false'}
            >
              <Show when={busy() || leaving()}>
                <span class="spinner spinner-inverse" aria-hidden="true" />
              </Show>
              {leaving()
                ? t().signIn.ssoLeaving
                : busy()
                  ? t().signIn.submitting
                  : ssoOrganisation()
                    ? t().signIn.ssoGo
                    : t().signIn.submit}
            </button>
            <p class="auth-links small">
              {/* a covered address has no Jalon password to forget */}
              <Show when={ssoOrganisation() === null}>
                <A href="/forgot-password">{t().account.signIn.forgot}</A>
              </Show>
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
