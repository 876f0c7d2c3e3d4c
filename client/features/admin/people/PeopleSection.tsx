import { A } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../../app-context.tsx';
import { ClusterInvitations } from './ClusterInvitations.tsx';
import { PeopleList } from './PeopleList.tsx';
import { PersonPanel } from './PersonPanel.tsx';

/** /admin/people: the list, the cluster's invitations (`invitations`), or, with an id after it, one person. */
export function PeopleSection(props: { rest: string }) {
  const { t } = useI18n();
  return (
    <Switch
      fallback={
        <Show when={props.rest} keyed>
          {(id) => <PersonPanel id={decodeURIComponent(id)} />}
        </Show>
      }
    >
      <Match when={props.rest === '' || props.rest === 'invitations'}>
        <nav class="people-tabs" aria-label={t().members.cluster.tabs}>
          <A href="/admin/people" end class="button button-small" activeClass="button-primary">
            {t().members.cluster.people}
          </A>
          <A href="/admin/people/invitations" class="button button-small" activeClass="button-primary">
            {t().members.cluster.invitations}
          </A>
        </nav>
        <Switch>
          <Match when={props.rest === 'invitations'}>
            <ClusterInvitations />
          </Match>
          <Match when={true}>
            <PeopleList />
          </Match>
        </Switch>
      </Match>
    </Switch>
  );
}
