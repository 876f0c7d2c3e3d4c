import { createSignal, onMount, Show } from 'solid-js';
import { useI18n } from '../../../app-context.tsx';

/**
 * The strong confirmation erasure needs, since it cannot be undone: the person's e-mail address,
 * typed. The button stays off until it matches; a mismatch is said next to the field.
 */
export function EraseConfirm(props: {
  email: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const p = () => t().admin.person;
  const [typed, setTyped] = createSignal('');
  const [touched, setTouched] = createSignal(false);
  const matches = () => typed().trim().toLowerCase() === props.email.toLowerCase();
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());
  return (
    <form
      class="confirm-box"
      aria-labelledby="erase-title"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (matches() && !props.busy) props.onConfirm();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !props.busy) props.onCancel();
      }}
    >
      <p id="erase-title" class="confirm-title">
        {p().eraseConfirmTitle}
      </p>
      <p>{p().eraseConfirmBody(props.email)}</p>
      <div class="field">
        <label for="erase-email">{p().eraseConfirmLabel}</label>
        <input
          ref={input}
          id="erase-email"
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={typed()}
          aria-invalid={touched() && !matches() ? 'true' : undefined}
          aria-describedby="erase-email-error"
          onInput={(e) => setTyped(e.currentTarget.value)}
          onBlur={() => setTouched(typed() !== '')}
        />
        <p id="erase-email-error" class="field-error" aria-live="polite">
          <Show when={touched() && !matches()}>{p().eraseMismatch}</Show>
        </p>
      </div>
      <div class="confirm-actions">
        <button type="submit" class="button button-danger" disabled={!matches() || props.busy}>
          {props.busy ? p().working : p().eraseNow}
        </button>
        <button
          type="button"
          class="button button-ghost"
          disabled={props.busy}
          onClick={() => props.onCancel()}
        >
          {p().cancel}
        </button>
      </div>
    </form>
  );
}
