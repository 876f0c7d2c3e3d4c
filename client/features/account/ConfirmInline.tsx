import { createSignal, Show } from 'solid-js';

/**
 * A button whose action cannot be undone: pressed, it asks in place, with the safe answer
 * focused, so that a stray Enter cancels rather than confirms.
 */
export function ConfirmInline(props: {
  label: string;
  /** the label for assistive technology, when the visible one needs its row to make sense */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => Promise<boolean>;
}) {
  const [asking, setAsking] = createSignal(false);
  let trigger: HTMLButtonElement | undefined;

  const cancel = () => {
    setAsking(false);
    trigger?.focus();
  };

  return (
    <Show
      when={asking()}
      fallback={
        <button
          ref={trigger}
          type="button"
          class="button button-small"
          aria-label={props.ariaLabel}
          onClick={() => setAsking(true)}
        >
          {props.label}
        </button>
      }
    >
      <div class="ac-confirm">
        <p class="ac-confirm-question">{props.question}</p>
        <div class="ac-confirm-actions">
          <button
            type="button"
            class="button button-small button-danger"
            disabled={props.busy}
            onClick={async () => {
              if (await props.onConfirm()) setAsking(false);
            }}
          >
            {props.confirmLabel}
          </button>
          <button
            type="button"
            class="button button-small"
            ref={(el) => queueMicrotask(() => el.focus())}
            onClick={cancel}
          >
            {props.cancelLabel}
          </button>
        </div>
      </div>
    </Show>
  );
}
