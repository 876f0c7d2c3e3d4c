import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../app-context.tsx';

/** A token just created: shown this once, with a copy button and a warning that says so. */
export function TokenSecret(props: { token: string; onDone: () => void }) {
  const { t } = useI18n();
  const w = () => t().accountPage.tokens;
  const [copy, setCopy] = createSignal<'idle' | 'copied' | 'failed'>('idle');

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(props.token);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section
      class="ac-secret"
      aria-labelledby="ac-secret-title"
      tabindex="-1"
      ref={(el) => queueMicrotask(() => el.focus())}
    >
      <h3 id="ac-secret-title" class="ac-subtitle">
        {w().secretTitle}
      </h3>
      <p class="notice">{w().secretWarning}</p>
      <div class="ac-secret-row">
        <input
          type="text"
          readOnly
          class="ac-secret-value"
          value={props.token}
          aria-label={w().secretTitle}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button button-primary" onClick={() => void copyToken()}>
          {w().copy}
        </button>
      </div>
      <p class="small" role="status" aria-live="polite">
        <Show when={copy() !== 'idle'}>{copy() === 'copied' ? w().copied : w().copyFailed}</Show>
      </p>
      <button type="button" class="button button-small" onClick={() => props.onDone()}>
        {w().done}
      </button>
    </section>
  );
}
