import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Invitation } from '../../api.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { accountApi } from '../auth/account-api.ts';
import { accountProblem, localPasswordProblem } from '../auth/account-problems.ts';

/**
 * A newcomer accepts the invitation by choosing their name and password: the link proves the
 * address, so the account is ready at once; then they are signed in and taken to the project.
 */
export function InvitationAccountForm(props: { invitation: Invitation; token: string }) {
  const { session } = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<{ field: 'name' | 'password' | 'form'; text: string } | null>(
    null,
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const p = t().account.problems;
    if (!name().trim()) return setProblem({ field: 'name', text: p.nameMissing });
    const local = localPasswordProblem(password(), props.invitation.email);
    if (local) return setProblem({ field: 'password', text: p[local] });
    setBusy(true);
    setProblem(null);
    try {
      const { projectId, email } = await accountApi.createFromInvitation(props.token, {
        name: name().trim(),
        password: password(),
      });
      await session[1].signIn(email, password());
      navigate(`/projects/${encodeURIComponent(projectId)}`, { replace: true });
    } catch (err) {
      const known = accountProblem(err);
      if (known && known.field !== 'token') setProblem({ field: known.field, text: p[known.problem] });
      else if (err instanceof ApiError && err.status === 409)
        setProblem({ field: 'form', text: t().account.invitation.accountExists(props.invitation.email) });
      else setProblem({ field: 'form', text: t().invitation.acceptFailed(describeError(err, t())) });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: 'name' | 'password') => (problem()?.field === field ? 'true' : undefined);

  return (
    <form class="invitation-account" onSubmit={submit} novalidate aria-labelledby="invitation-account-title">
      <h2 id="invitation-account-title">{t().account.invitation.createTitle}</h2>
      <p class="muted">{t().account.invitation.createIntro(props.invitation.email)}</p>
      <input
        type="email"
        name="email"
        autocomplete="username"
        value={props.invitation.email}
        hidden
        readonly
      />
      <div class="field">
        <label for="invitation-name">{t().account.name}</label>
        <input
          id="invitation-name"
          name="name"
          autocomplete="name"
          maxLength={80}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={invalid('name')}
          aria-describedby="invitation-name-hint"
        />
        <p id="invitation-name-hint" class="muted small">
          {t().account.nameHint}
        </p>
      </div>
      <div class="field">
        <label for="invitation-password">{t().account.password}</label>
        <input
          id="invitation-password"
          name="password"
          type="password"
          autocomplete="new-password"
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={invalid('password')}
          aria-describedby="invitation-password-rule"
        />
        <p id="invitation-password-rule" class="muted small">
          {t().account.passwordRule}
        </p>
      </div>
      <Show when={problem()}>
        {(shown) => (
          <p class="form-error" role="alert">
            {shown().text}
          </p>
        )}
      </Show>
      <button
        type="submit"
        class="button button-primary button-block"
        disabled={busy()}
        aria-busy={busy() ? 'true' : 'false'}
      >
        {busy() ? t().account.invitation.creating : t().account.invitation.create}
      </button>
    </form>
  );
}
