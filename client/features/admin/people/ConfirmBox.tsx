import { onMount } from 'solid-js';

/**
 * A question in place of the button that asked it, with confirm and cancel. It takes the focus
 * as it appears, so a keyboard user reads it next; Escape cancels.
 */
export function ConfirmBox(props: {
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busyLabel: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  let box: HTMLFieldSetElement | undefined;
  onMount(() => box?.focus());
  return (
    <fieldset
      ref={box}
      class="confirm-box"
      tabindex="-1"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !props.busy) props.onCancel();
      }}
    >
      <legend class="confirm-question">{props.question}</legend>
      <div class="confirm-actions">
        <button
          type="button"
          class="button"
          classList={{ 'button-danger': props.danger, 'button-primary': !props.danger }}
          disabled={props.busy}
          onClick={() => props.onConfirm()}
        >
          {props.busy ? props.busyLabel : props.confirmLabel}
        </button>
        <button
          type="button"
          class="button button-ghost"
          disabled={props.busy}
          onClick={() => props.onCancel()}
        >
          {props.cancelLabel}
        </button>
      </div>
    </fieldset>
  );
}
