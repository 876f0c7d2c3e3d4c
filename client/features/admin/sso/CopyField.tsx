import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../app-context.tsx';

/**
 * An address to give the identity provider: shown whole (selectable, it may wrap), with a copy
 * button that says it copied. Where the clipboard is refused (an insecure origin, a denied
 * permission), it says to copy by hand and selects the text for that.
 */
export function CopyField(props: { label: string; value: string }) {
  const { t } = useI18n();
  const a = () => t().adminSso;
  const [state, setState] = createSignal<'idle' | 'copied' | 'failed'>('idle');
  let code: HTMLElement | undefined;

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value);
      setState('copied');
    } catch {
      // no clipboard here: select the text so that the keyboard's copy works at once
      const range = document.createRange();
      if (code) range.selectNodeContents(code);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setState('failed');
    }
  }

  return (
    <div class="sso-url">
      <span class="sso-url-label">{props.label}</span>
      <div class="sso-url-row">
        <code ref={code} class="sso-url-value">
          {props.value}
        </code>
        <button
          type="button"
          class="button button-small"
          aria-label={a().copyLabel(props.label)}
          onClick={() => void copy()}
        >
          {state() === 'copied' ? a().copied : a().copy}
        </button>
        <span class="muted small" role="status">
          <Show when={state() === 'failed'}>{a().copyFailed}</Show>
        </span>
      </div>
    </div>
  );
}
