import { createSignal, onMount } from 'solid-js';
import { useI18n } from '../../../app-context.tsx';

/**
 * An invitation link the server handed over because it sends no e-mail: shown this once, with
 * a copy button, for the inviter to pass on to the invited address only.
 */
export function LinkReveal(props: { email: string; link: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const m = () => t().members.invite;
  const [copied, setCopied] = createSignal<'' | 'ok' | 'failed'>('');
  let box: HTMLDivElement | undefined;
  onMount(() => box?.focus());
  const id = `link-${Math.random().toString(36).slice(2)}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.link);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <div ref={box} class="notice link-reveal" tabindex="-1" role="status">
      <p class="link-reveal-title">{m().linkTitle}</p>
      <p>{m().linkBody(props.email)}</p>
      <label for={id} class="visually-hidden">
        {m().linkLabel}
      </label>
      <input id={id} type="text" readonly value={props.link} onFocus={(e) => e.currentTarget.select()} />
      <div class="link-reveal-actions">
        <button type="button" class="button button-primary button-small" onClick={copy}>
          {copied() === 'ok' ? m().copied : m().copy}
        </button>
        <button type="button" class="button button-ghost button-small" onClick={() => props.onDismiss()}>
          {m().dismiss}
        </button>
        <span class="muted small" aria-live="polite">
          {copied() === 'failed' ? m().copyFailed : ''}
        </span>
      </div>
    </div>
  );
}
