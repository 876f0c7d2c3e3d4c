import { createSignal, Show } from 'solid-js';
import type { Invitation } from '../../api.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { ConfirmBox } from '../admin/people/ConfirmBox.tsx';
import { membersApi } from '../project/settings/members-api.ts';
import './decline.css';

/**
 * Declining, open to whoever holds the link (it was mailed to the address), signed in or not:
 * asked first, since the link then stops working and the inviter is told.
 */
export function DeclineInvitation(props: { invitation: Invitation; token: string; onDeclined: () => void }) {
  const { t } = useI18n();
  const p = () => t().members.page;
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal('');

  async function decline() {
    setBusy(true);
    setFailure('');
    try {
      await membersApi.decline(props.token);
      props.onDeclined();
    } catch (err) {
      setFailure(p().declineFailed(describeError(err, t())));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="invitation-decline">
      <Show
        when={asking()}
        fallback={
          <button type="button" class="button button-ghost button-block" onClick={() => setAsking(true)}>
            {p().decline}
          </button>
        }
      >
        <ConfirmBox
          question={p().declineQuestion(props.invitation.project.title)}
          confirmLabel={p().declineConfirm}
          cancelLabel={t().members.cancel}
          busyLabel={p().declining}
          busy={busy()}
          danger
          onConfirm={decline}
          onCancel={() => setAsking(false)}
        />
      </Show>
      <Show when={failure()}>
        <p class="form-error" role="alert">
          {failure()}
        </p>
      </Show>
    </div>
  );
}
