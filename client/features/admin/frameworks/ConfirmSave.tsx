import { AlertDialog } from '@kobalte/core/alert-dialog';
import { Show } from 'solid-js';

/** Asks before a save that others will live with (focus trapped inside, Escape cancels). */
export function ConfirmSave(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  body: string;
  confirm: string;
  busyLabel: string;
  cancel: string;
  busy: boolean;
  error: string;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog open={props.open} onOpenChange={(open) => props.onOpenChange(open)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="fw-confirm-overlay" />
        <div class="fw-confirm-positioner">
          <AlertDialog.Content class="fw-confirm-dialog card">
            <AlertDialog.Title class="fw-confirm-title">{props.title}</AlertDialog.Title>
            <AlertDialog.Description class="fw-confirm-body">{props.body}</AlertDialog.Description>
            <Show when={props.error}>
              <p class="form-error" role="alert">
                {props.error}
              </p>
            </Show>
            <div class="fw-confirm-actions">
              <button type="button" class="button" onClick={() => props.onOpenChange(false)}>
                {props.cancel}
              </button>
              <button
                type="button"
                class="button button-primary"
                disabled={props.busy}
                onClick={() => props.onConfirm()}
              >
                {props.busy ? props.busyLabel : props.confirm}
              </button>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
}
