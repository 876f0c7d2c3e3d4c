import { createSignal, type JSX, Match, Show, Switch } from 'solid-js';
import type { PersonDetail } from '../../../../shared/schemas/people.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { ApiError, describeError } from '../../../errors.ts';
import { formatDate } from '../../../i18n/format.ts';
import { personName } from '../../../i18n/person-name.ts';
import { adminApi } from '../admin-api.ts';
import { ConfirmBox } from './ConfirmBox.tsx';
import { EraseConfirm } from './EraseConfirm.tsx';

type Pending = 'deactivate' | 'reactivate' | 'grant' | 'withdraw' | 'erase';

/**
 * What the programme office does to an account: deactivate or reactivate it, grant or withdraw
 * cluster-manager rights, export what the audit trail holds about the person, erase a
 * deactivated person's data. Each change asks first; erasure asks for the person's address.
 */
export function PersonActions(props: {
  person: PersonDetail;
  onChange: (next: Partial<PersonDetail>) => void;
}) {
  const { t, locale } = useI18n();
  const { session } = useApp();
  const p = () => t().admin.person;
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [done, setDone] = createSignal('');
  const name = () => personName(props.person.name, t());
  const isMe = () => session[0].me?.user.id === props.person.id;
  const erased = () => props.person.erasedAt !== null;

  const ask = (action: Pending) => {
    setError('');
    setDone('');
    setPending(action);
  };

  async function run(action: Pending) {
    setBusy(true);
    setError('');
    try {
      const id = props.person.id;
      if (action === 'deactivate' || action === 'reactivate' || action === 'erase') {
        const status = await adminApi[action](id);
        props.onChange({ deactivatedAt: status.deactivatedAt, erasedAt: status.erasedAt });
        // an erased person's name and address are gone: read them again as the server has them
        if (action === 'erase') props.onChange(await adminApi.person(id));
      } else {
        const rights = await adminApi.setManager(id, action === 'grant');
        props.onChange({ clusterManager: rights.clusterManager });
      }
      const said = {
        deactivate: 'deactivated',
        reactivate: 'reactivated',
        grant: 'granted',
        withdraw: 'withdrawn',
        erase: 'erased',
      } as const;
      setDone(p().done[said[action]]);
      setPending(null);
    } catch (err) {
      setError(`${p().failed} ${explain(err, action)}`);
    } finally {
      setBusy(false);
    }
  }

  const explain = (err: unknown, action: Pending) => {
    if (!(err instanceof ApiError) || err.status !== 409) return describeError(err, t());
    return (action === 'withdraw' || action === 'deactivate') && /last cluster manager/i.test(err.message)
      ? p().lastManager
      : p().conflict;
  };

  const confirm = (action: Pending, question: string): JSX.Element => (
    <ConfirmBox
      question={question}
      confirmLabel={p().confirm}
      cancelLabel={p().cancel}
      busyLabel={p().working}
      busy={busy()}
      danger={action === 'deactivate' || action === 'withdraw'}
      onConfirm={() => void run(action)}
      onCancel={() => setPending(null)}
    />
  );

  return (
    <section class="panel person-actions" aria-labelledby="person-actions">
      <h2 class="panel-title" id="person-actions">
        {p().actions}
      </h2>
      <p class="form-error-slot" role="alert">
        <Show when={error()}>
          <span class="form-error">{error()}</span>
        </Show>
      </p>
      <p class="person-done" role="status">
        {done()}
      </p>

      <h3 class="person-subtitle">{p().account}</h3>
      <p>
        <Switch fallback={p().activeNow}>
          <Match when={props.person.erasedAt}>{(at) => p().erasedOn(formatDate(locale(), at()))}</Match>
          <Match when={props.person.deactivatedAt}>
            {(at) => p().deactivatedOn(formatDate(locale(), at()))}
          </Match>
        </Switch>
      </p>
      <Show when={!erased()}>
        <Switch>
          <Match when={pending() === 'deactivate'}>
            {confirm('deactivate', p().deactivateConfirm(name()))}
          </Match>
          <Match when={pending() === 'reactivate'}>
            {confirm('reactivate', p().reactivateConfirm(name()))}
          </Match>
          <Match when={props.person.deactivatedAt}>
            <button type="button" class="button" onClick={() => ask('reactivate')}>
              {p().reactivate}
            </button>
          </Match>
          <Match when={!isMe()}>
            <button type="button" class="button button-danger-quiet" onClick={() => ask('deactivate')}>
              {p().deactivate}
            </button>
          </Match>
        </Switch>
      </Show>

      <h3 class="person-subtitle">{p().rights}</h3>
      <p>{props.person.clusterManager ? p().rightsOn : p().rightsOff}</p>
      <Show when={!props.person.deactivatedAt || props.person.clusterManager}>
        <Switch>
          <Match when={pending() === 'grant'}>{confirm('grant', p().grantConfirm(name()))}</Match>
          <Match when={pending() === 'withdraw'}>
            {confirm('withdraw', isMe() ? p().withdrawOwnConfirm : p().withdrawConfirm(name()))}
          </Match>
          <Match when={props.person.clusterManager}>
            <button type="button" class="button" onClick={() => ask('withdraw')}>
              {p().withdraw}
            </button>
          </Match>
          <Match when={true}>
            <button type="button" class="button" onClick={() => ask('grant')}>
              {p().grant}
            </button>
          </Match>
        </Switch>
      </Show>

      <h3 class="person-subtitle">{p().gdpr}</h3>
      <p class="small muted">{p().exportIntro}</p>
      <a class="button" href={adminApi.auditExportUrl(props.person.id)} download="">
        {p().export}
      </a>
      <Show when={!erased()}>
        <p class="small muted person-erase-intro">{p().eraseIntro}</p>
        <Show when={props.person.deactivatedAt} fallback={<p class="small">{p().eraseNeedsDeactivation}</p>}>
          <Show
            when={pending() === 'erase'}
            fallback={
              <button type="button" class="button button-danger-quiet" onClick={() => ask('erase')}>
                {p().erase}
              </button>
            }
          >
            <EraseConfirm
              email={props.person.email}
              busy={busy()}
              onConfirm={() => void run('erase')}
              onCancel={() => setPending(null)}
            />
          </Show>
        </Show>
      </Show>
    </section>
  );
}
