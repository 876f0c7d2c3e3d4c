import { A, useLocation } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { canInCluster } from '../../../../shared/permissions.ts';
import type { SsoConnection } from '../../../../shared/schemas/sso.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStates.tsx';
import { StatePanel } from '../../../components/StatePanel.tsx';
import { useDocumentTitle } from '../../../components/use-document-title.ts';
import { describeError } from '../../../errors.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { ConfirmDialog } from '../organisations/ConfirmDialog.tsx';
import { adminSsoApi } from './admin-sso-api.ts';
import { SsoConnectionCard } from './SsoConnectionCard.tsx';
import { type AddedNotice, SsoConnectionForm } from './SsoConnectionForm.tsx';
import '../organisations/admin-organisations.css';
import './admin-sso.css';

/**
 * Administration › Single sign-on, for cluster managers (`sso.manage`; the server refuses
 * anyone else anyway): the connections (/admin/sso) and adding one (/admin/sso/new). `rest` is
 * the address after /admin/sso/.
 */
export function SsoSection(props: { rest: string }) {
  const { session } = useApp();
  const { t } = useI18n();
  const a = () => t().adminSso;
  const [list, { refetch, mutate }] = createResource(adminSsoApi.list);
  const connections = () => (list.error ? [] : (list.latest?.connections ?? []));
  // Back on the list from the form (a connection added, or another manager's meanwhile): read it again.
  createEffect(
    on(
      () => props.rest,
      () => void refetch(),
      { defer: true },
    ),
  );
  return (
    <Switch>
      <Match when={!canInCluster(session[0].me, 'sso.manage')}>
        <StatePanel title={a().managersOnly} body={a().managersOnlyBody} icon="lock" level={1} />
      </Match>
      <Match when={props.rest.split('/')[0] === 'new'}>
        <NewConnection existing={connections()} />
      </Match>
      <Match when={true}>
        <ConnectionList
          connections={connections()}
          loading={list.loading && !list.latest}
          error={list.error}
          busy={list.loading}
          onRetry={() => void refetch()}
          onChanged={(next) => mutate({ connections: next })}
          onRemoved={() => void refetch()}
        />
      </Match>
    </Switch>
  );
}

function NewConnection(props: { existing: SsoConnection[] }) {
  const { t } = useI18n();
  const a = () => t().adminSso;
  useDocumentTitle(() => `${a().newTitle} · ${a().pageTitle}`);
  return (
    <>
      <nav class="breadcrumb" aria-label={t().adminOrganisations.breadcrumb}>
        <A href="/admin/sso">{a().back}</A>
      </nav>
      <div class="page-head">
        <h1 id="sso-new-title" class="page-title">
          {a().newTitle}
        </h1>
      </div>
      <SsoConnectionForm existing={props.existing} />
    </>
  );
}

function ConnectionList(props: {
  connections: SsoConnection[];
  loading: boolean;
  error: unknown;
  busy: boolean;
  onRetry: () => void;
  onChanged: (next: SsoConnection[]) => void;
  onRemoved: () => void;
}) {
  const { t, locale } = useI18n();
  const a = () => t().adminSso;
  useDocumentTitle(() => a().pageTitle);
  const location = useLocation<AddedNotice | undefined>();
  const [notice, setNotice] = createSignal(location.state?.added ? a().form.added(location.state.added) : '');
  const [removing, setRemoving] = createSignal<SsoConnection | null>(null);
  const [removeBusy, setRemoveBusy] = createSignal(false);
  const [removeError, setRemoveError] = createSignal('');
  let heading: HTMLHeadingElement | undefined;

  async function remove() {
    const target = removing();
    if (!target) return;
    setRemoveBusy(true);
    setRemoveError('');
    try {
      await adminSsoApi.remove(target.id);
      props.onChanged(props.connections.filter((c) => c.id !== target.id));
      setNotice(a().removed(target.organisation?.name ?? target.id));
      setRemoving(null);
      props.onRemoved();
      // the button that opened the dialog is gone with its card: the page's heading takes the focus
      heading?.focus();
    } catch (err) {
      setRemoveError(`${a().removeFailed} ${describeError(err, t())}`);
    } finally {
      setRemoveBusy(false);
    }
  }

  return (
    <>
      <div class="page-head">
        <h1 class="page-title" ref={heading} tabindex="-1">
          {a().title}
        </h1>
        <Show when={!props.loading && !props.error && props.connections.length > 0}>
          <span class="page-count">
            {a().count(props.connections.length, formatNumber(locale(), props.connections.length))}
          </span>
        </Show>
        <Show when={props.connections.length > 0}>
          <A href="/admin/sso/new" class="button button-primary page-head-end">
            {a().add}
          </A>
        </Show>
      </div>
      <p class="page-intro">{a().intro}</p>
      <p class="notice sso-notice" role="status" classList={{ 'visually-hidden': !notice() }}>
        {notice()}
      </p>
      <Switch>
        <Match when={props.error}>
          <LoadFailed title={a().loadError} error={props.error} onRetry={props.onRetry} />
        </Match>
        <Match when={props.loading}>
          <Loading label={a().loading} />
        </Match>
        <Match when={props.connections.length === 0}>
          <StatePanel title={a().noneTitle} body={a().noneBody} icon="lock">
            <p class="sso-empty-needs">{a().noneNeeds}</p>
            <A href="/admin/sso/new" class="button button-primary">
              {a().add}
            </A>
          </StatePanel>
        </Match>
        <Match when={true}>
          <ul class="sso-list" aria-label={a().listLabel} aria-busy={props.busy}>
            <For each={props.connections}>
              {(connection) => (
                <SsoConnectionCard
                  connection={connection}
                  onTested={(result) =>
                    props.onChanged(
                      props.connections.map((c) =>
                        c.id === connection.id ? { ...c, activity: { ...c.activity, lastTest: result } } : c,
                      ),
                    )
                  }
                  onRemove={() => {
                    setRemoveError('');
                    setRemoving(connection);
                  }}
                />
              )}
            </For>
          </ul>
        </Match>
      </Switch>
      <ConfirmDialog
        open={removing() !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={a().removeTitle(removing()?.organisation?.name ?? removing()?.id ?? '')}
        body={a().removeBody(removing()?.domains.join(', ') ?? '')}
        confirm={a().removeConfirm}
        busyLabel={a().removing}
        cancel={a().cancel}
        busy={removeBusy()}
        error={removeError()}
        onConfirm={() => void remove()}
      />
    </>
  );
}
