import { createSignal, Show } from 'solid-js';
import { useApp, useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';

/**
 * One password-confirmed action of the two-factor section (turn on, turn off, new backup codes):
 * the password field, its button, and the refusal said beside the field.
 */
export function PasswordStep(props: {
  id: string;
  intro?: string;
  submit: string;
  submitting: string;
  danger?: boolean;
  onCancel?: () => void;
  run: (password: string) => Promise<void>;
}) {
  const { session, connectivity } = useApp();
  const { t } = useI18n();
  const w = () => t().twoFactor.section;
  const [password, setPassword] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setFailure(null);
    if (!password()) {
      setProblem(w().passwordMissing);
      input?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.run(password());
      setPassword('');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_PASSWORD') {
        setProblem(w().wrongPassword);
        setPassword('');
        input?.focus();
      } else setFailure(`${w().failed} ${describeError(err, t())}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} novalidate>
      <Show when={props.intro}>
        <p class="muted">{props.intro}</p>
      </Show>
      <input type="text" autocomplete="username" value={session[0].me?.user.email ?? ''} hidden readOnly />
      <div class="field tf-field">
        <label for={`${props.id}-password`}>{w().password}</label>
        <input
          ref={input}
          id={`${props.id}-password`}
          type="password"
          autocomplete="current-password"
          value={password()}
          aria-invalid={problem() ? 'true' : undefined}
          aria-describedby={problem() ? `${props.id}-password-error` : undefined}
          onInput={(e) => {
            setPassword(e.currentTarget.value);
            setProblem(null);
          }}
        />
        <Show when={problem()}>
          <p id={`${props.id}-password-error`} class="ac-field-error">
            {problem()}
          </p>
        </Show>
      </div>
      <div class="ac-actions">
        <button
          type="submit"
          class={props.danger ? 'button button-danger' : 'button button-primary'}
          disabled={busy() || !connectivity[0].online}
        >
          {busy() ? props.submitting : props.submit}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            {w().cancel}
          </button>
        </Show>
      </div>
      <Show when={failure()}>
        <p class="form-error" role="alert">
          {failure()}
        </p>
      </Show>
    </form>
  );
}
