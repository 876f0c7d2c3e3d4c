import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStates.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { InvitationItem } from '../../project/settings/InvitationItem.tsx';
import { membersApi } from '../../project/settings/members-api.ts';
import '../../project/settings/members.css';

/**
 * /admin/people/invitations: every project's unanswered invitations, for the programme office
 * to resend or withdraw (address, project, role, status, when sent, how often).
 */
export function ClusterInvitations() {
  const { t } = useI18n();
  const { connectivity } = useApp();
  const c = () => t().members.cluster;
  useDocumentTitle(() => c().pageTitle);
  const [list, { refetch }] = createResource(membersApi.clusterInvitations);
  const [announce, setAnnounce] = createSignal('');
  onCleanup(connectivity[1].onReconnect(() => void refetch()));
  const invitations = () => list.latest?.invitations ?? [];
  const changed = (message: string) => {
    setAnnounce(message);
    void refetch();
  };

  return (
    <>
      <div class="page-head">
        <h1 class="page-title">{c().pageTitle}</h1>
      </div>
      <p class="page-intro">{c().intro}</p>
      <Show when={!connectivity[0].online}>
        <p class="notice" role="status">
          {t().members.offline}
        </p>
      </Show>
      <p class="members-announce" role="status">
        {announce()}
      </p>
      <Switch>
        <Match when={list.error && !list.loading}>
          <LoadFailed title={c().loadFailed} error={list.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={!list.latest}>
          <Loading label={c().loading} />
        </Match>
        <Match when={invitations().length === 0}>
          <StatePanel title={c().emptyTitle} body={c().emptyBody} />
        </Match>
        <Match when={true}>
          <ul class="invitation-list" aria-label={c().caption} aria-busy={list.loading}>
            <For each={invitations()}>
              {(inv) => <InvitationItem invitation={inv} projectId={inv.project.id} onChanged={changed} />}
            </For>
          </ul>
        </Match>
      </Switch>
    </>
  );
}
