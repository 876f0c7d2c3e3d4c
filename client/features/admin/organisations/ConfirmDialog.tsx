import { AlertDialog } from '@kobalte/core/alert-dialog';
import { Show } from 'solid-js';

/**
 * Asks before something with consequences (focus is trapped inside, Escape cancels). The
 * confirm button stays disabled while the action runs; a refusal is shown inside the dialog.
 */
export function ConfirmDialog(props: {
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
        <AlertDialog.Overlay class="confirm-overlay" />
        <div class="confirm-positioner">
          <AlertDialog.Content class="confirm-dialog card">
            <AlertDialog.Title class="confirm-title">{props.title}</AlertDialog.Title>
            <AlertDialog.Description class="confirm-body">{props.body}</AlertDialog.Description>
            <Show when={props.error}>
              <p class="form-error" role="alert">
                {props.error}
              </p>
            </Show>
            <div class="confirm-actions">
              <button type="button" class="button" onClick={() => props.onOpenChange(false)}>
                {props.cancel}
              </button>
              <button
                type="button"
                class="button org-admin-danger"
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
