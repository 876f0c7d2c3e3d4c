import { createSignal, For, Show } from 'solid-js';
import type { ProjectRole } from '../../../../shared/domain.ts';
import type { Member } from '../../../../shared/schemas/members.ts';
import { projectRoles } from '../../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { ApiError, describeError } from '../../../errors.ts';
import { personName } from '../../../i18n/person-name.ts';
import { ConfirmBox } from '../../admin/people/ConfirmBox.tsx';
import { membersApi } from './members-api.ts';

/**
 * One member: name, address, organisations and role; for those who manage the members, the
 * role as a select (applied as chosen) and removal behind a confirmation. The server keeps a
 * project's last lead: its refusal is told in words a lead can act on.
 */
export function MemberRow(props: {
  member: Member;
  projectId: string;
  canManage: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, session, connectivity } = { ...useI18n(), ...useApp() };
  const m = () => t().members;
  const name = () => personName(props.member.name, t());
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const offline = () => !connectivity[0].online;
  const isMe = () => session[0].me?.user.id === props.member.userId;
  let select: HTMLSelectElement | undefined;

  /** The server's refusal, in the user's words: the last lead has its own sentence. */
  const why = (err: unknown) =>
    err instanceof ApiError && err.status === 409 && /lead/i.test(err.message)
      ? m().lastLead
      : describeError(err, t());

  async function changeRole(role: ProjectRole) {
    setBusy(true);
    setFailure('');
    try {
      await membersApi.changeRole(props.projectId, props.member.userId, role);
      props.onChanged(m().roleChanged(name(), t().roles[role]));
    } catch (err) {
      // The select goes back to the role the member still has.
      if (select) select.value = props.member.role;
      setFailure(m().roleFailed(name(), why(err)));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setFailure('');
    try {
      await membersApi.remove(props.projectId, props.member.userId);
      setConfirming(false);
      props.onChanged(m().removed(name()));
    } catch (err) {
      setConfirming(false);
      setFailure(m().removeFailed(name(), why(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card card-compact member-row">
      <div class="member-row-main">
        <span class="member-row-name">
          {name()}
          <Show when={isMe()}>
            <span class="muted"> ({m().you})</span>
          </Show>
        </span>
        <span class="member-row-email muted small">{props.member.email}</span>
        <span class="member-row-org muted small">
          {props.member.organisations.map((o) => o.name).join(', ') || m().noOrganisation}
        </span>
      </div>
      <Show when={props.canManage} fallback={<span class="role-tag">{t().roles[props.member.role]}</span>}>
        <div class="member-row-actions">
          <label class="visually-hidden" for={`role-${props.member.userId}`}>
            {m().roleOf(name())}
          </label>
          <select
            ref={select}
            id={`role-${props.member.userId}`}
            class="select"
            value={props.member.role}
            disabled={busy() || offline()}
            onChange={(e) => void changeRole(e.currentTarget.value as ProjectRole)}
          >
            <For each={[...projectRoles]}>{(r) => <option value={r}>{t().roles[r]}</option>}</For>
          </select>
          <Show when={!confirming()}>
            <button
              type="button"
              class="button button-small button-danger-quiet"
              aria-label={m().removeOf(name())}
              disabled={busy() || offline()}
              onClick={() => setConfirming(true)}
            >
              {m().remove}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={confirming()}>
        <div class="member-row-confirm">
          <ConfirmBox
            question={m().removeQuestion(name())}
            confirmLabel={m().removeConfirm}
            cancelLabel={m().cancel}
            busyLabel={m().removing}
            busy={busy()}
            danger
            onConfirm={remove}
            onCancel={() => setConfirming(false)}
          />
        </div>
      </Show>
      <Show when={failure()}>
        <p class="form-error member-row-error" role="alert">
          {failure()}
        </p>
      </Show>
    </li>
  );
}
