import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { api } from '../../../api.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStates.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { InvitationItem } from './InvitationItem.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MemberRow } from './MemberRow.tsx';
import './members.css';

/**
 * A project's members, with their organisation and role. Those who manage the members (`canManage`:
 * the project's leads and cluster managers; the server decides again) change roles, remove
 * people (cut off at once), invite by address, and follow the invitations: open ones and those
 * of the last 30 days, with their status, resend and withdraw. Everyone else only reads the
 * members; the server never sends them any invitation.
 */
export function MembersPanel(props: { projectId: string; canManage: boolean }) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const m = () => t().members;
  const [list, { refetch }] = createResource(() => props.projectId, api.members);
  const [announce, setAnnounce] = createSignal('');
  onCleanup(connectivity[1].onReconnect(() => void refetch()));
  const changed = (message: string) => {
    setAnnounce(message);
    void refetch();
  };
  const members = () => list.latest?.members ?? [];
  const invitations = () => list.latest?.invitations ?? [];

  return (
    <section class="members-panel" aria-labelledby="members-title">
      <div class="members-head">
        <h2 id="members-title" class="members-title">
          {m().title}
        </h2>
        <Show when={list.latest}>
          <span class="muted">{m().count(members().length, formatNumber(locale(), members().length))}</span>
        </Show>
      </div>
      <Show when={!connectivity[0].online}>
        <p class="notice" role="status">
          {m().offline}
        </p>
      </Show>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announce()}
      </p>
      <Show when={announce()}>
        <p class="members-announce" aria-hidden="true">
          {announce()}
        </p>
      </Show>
      <Switch>
        <Match when={list.error && !list.loading}>
          <LoadFailed title={m().loadFailed} error={list.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!list.latest}>
          <Loading label={m().loading} />
        </Match>
        <Match when={members().length === 0}>
          <StatePanel title={m().emptyTitle} body={m().emptyBody} />
        </Match>
        <Match when={true}>
          <ul class="members-list" aria-label={m().caption} aria-busy={list.loading}>
            <For each={members()}>
              {(member) => (
                <MemberRow
                  member={member}
                  projectId={props.projectId}
                  canManage={props.canManage}
                  onChanged={changed}
                />
              )}
            </For>
          </ul>
        </Match>
      </Switch>
      <Show when={props.canManage && list.latest}>
        <InviteForm projectId={props.projectId} onDone={changed} />
        <section class="members-invitations" aria-labelledby="invitations-title">
          <h3 id="invitations-title" class="members-subtitle">
            {m().invitations.title}
          </h3>
          <p class="muted small">{m().invitations.intro}</p>
          <Show when={invitations().length > 0} fallback={<p class="muted">{m().invitations.empty}</p>}>
            <ul class="invitation-list" aria-label={m().invitations.caption}>
              <For each={invitations()}>
                {(inv) => <InvitationItem invitation={inv} projectId={props.projectId} onChanged={changed} />}
              </For>
            </ul>
          </Show>
        </section>
      </Show>
    </section>
  );
}
