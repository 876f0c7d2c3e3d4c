import { createSignal, Show } from 'solid-js';
import {
  type ClusterInvitation,
  INVITATION_MAX_SENDS,
  type Invitation,
} from '../../../../shared/schemas/members.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { describeError } from '../../../errors.ts';
import { formatDate } from '../../../i18n/format.ts';
import { ConfirmBox } from '../../admin/people/ConfirmBox.tsx';
import { LinkReveal } from './LinkReveal.tsx';
import { membersApi } from './members-api.ts';

/** The status tag's tone: the status word is always written, colour only adds to it. */
const tone: Record<Invitation['status'], string> = {
  pending: 'in_review',
  accepted: 'done',
  declined: 'declined',
  expired: 'expired',
  withdrawn: 'withdrawn',
};

/**
 * One invitation as its inviter (or the programme office) reads it: address, role, status, who
 * sent it and when, how many sends; and, while unanswered, resend and withdraw (confirmed).
 * `onChanged` reloads the list with a sentence to announce.
 */
export function InvitationItem(props: {
  invitation: Invitation | ClusterInvitation;
  projectId: string;
  onChanged: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const m = () => t().members.invitations;
  const inv = () => props.invitation;
  const [busy, setBusy] = createSignal<'' | 'resend' | 'withdraw'>('');
  const [confirming, setConfirming] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const [link, setLink] = createSignal('');
  const unanswered = () => inv().status === 'pending' || inv().status === 'expired';
  const canResend = () => unanswered() && inv().sendCount < INVITATION_MAX_SENDS;
  const offline = () => !connectivity[0].online;
  const project = () => ('project' in inv() ? (inv() as ClusterInvitation).project : null);

  async function resend() {
    setBusy('resend');
    setFailure('');
    try {
      const { invitation } = await membersApi.resend(props.projectId, inv().id);
      if (invitation.link) setLink(invitation.link);
      else props.onChanged(m().resent(inv().email));
    } catch (err) {
      setFailure(m().failed(describeError(err, t())));
    } finally {
      setBusy('');
    }
  }

  async function withdraw() {
    setBusy('withdraw');
    setFailure('');
    try {
      await membersApi.withdraw(props.projectId, inv().id);
      setConfirming(false);
      props.onChanged(m().withdrawn(inv().email));
    } catch (err) {
      setFailure(m().failed(describeError(err, t())));
    } finally {
      setBusy('');
    }
  }

  return (
    <li class="card card-compact invitation-item">
      <div class="invitation-item-main">
        <span class="invitation-email">{inv().email}</span>
        <span class="invitation-tags">
          <span class="role-tag">{t().roles[inv().role]}</span>
          <span class="status-tag" data-status={tone[inv().status]}>
            {m().status[inv().status]}
          </span>
        </span>
      </div>
      <Show when={project()}>
        {(p) => (
          <a class="invitation-project" href={`/projects/${encodeURIComponent(p().id)}`}>
            {p().title}
          </a>
        )}
      </Show>
      <p class="invitation-meta muted small">
        {m().invitedBy(inv().invitedBy.name)} ·{' '}
        {m().sent(formatDate(locale(), inv().lastSentAt), inv().sendCount)}
        <Show when={inv().status === 'pending'}> · {m().expires(formatDate(locale(), inv().expiresAt))}</Show>
        <Show when={inv().organisation}>{(o) => <> · {m().organisation(o().name)}</>}</Show>
      </p>
      <Show when={link()}>
        <LinkReveal
          email={inv().email}
          link={link()}
          onDismiss={() => {
            setLink('');
            props.onChanged(m().resent(inv().email));
          }}
        />
      </Show>
      <Show when={unanswered() && !link()}>
        <Show
          when={confirming()}
          fallback={
            <div class="invitation-actions">
              <Show when={canResend()} fallback={<span class="muted small">{m().maxSends}</span>}>
                <button
                  type="button"
                  class="button button-small"
                  aria-label={m().resendOf(inv().email)}
                  disabled={busy() !== '' || offline()}
                  onClick={resend}
                >
                  {busy() === 'resend' ? m().resending : m().resend}
                </button>
              </Show>
              <button
                type="button"
                class="button button-small button-danger-quiet"
                aria-label={m().withdrawOf(inv().email)}
                disabled={busy() !== '' || offline()}
                onClick={() => setConfirming(true)}
              >
                {m().withdraw}
              </button>
            </div>
          }
        >
          <ConfirmBox
            question={m().withdrawQuestion(inv().email)}
            confirmLabel={m().withdrawConfirm}
            cancelLabel={t().members.cancel}
            busyLabel={m().withdrawing}
            busy={busy() === 'withdraw'}
            danger
            onConfirm={withdraw}
            onCancel={() => setConfirming(false)}
          />
        </Show>
      </Show>
      <Show when={failure()}>
        <p class="form-error" role="alert">
          {failure()}
        </p>
      </Show>
    </li>
  );
}
