import { createSignal, For, Show } from 'solid-js';
import type { SsoConnection, SsoTestResult } from '../../../../shared/schemas/sso.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { describeError } from '../../../errors.ts';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { adminSsoApi } from './admin-sso-api.ts';
import { CopyField } from './CopyField.tsx';

type UrlKey = keyof SsoConnection['urls'];
const URL_ORDER: UrlKey[] = ['redirect', 'acs', 'spMetadata', 'entityId'];

/**
 * One connection: whose, which protocol and domains, the addresses to give the identity
 * provider, what happened through it (sign-ins, errors) and its last test, with "Test" and
 * "Remove". The secret is never on the wire, so never here.
 */
export function SsoConnectionCard(props: {
  connection: SsoConnection;
  onTested: (result: SsoTestResult) => void;
  onRemove: () => void;
}) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const a = () => t().adminSso;
  const c = () => props.connection;
  const name = () => c().organisation?.name ?? a().noOrganisation;
  const [testing, setTesting] = createSignal(false);
  const [testError, setTestError] = createSignal('');
  const offline = () => !connectivity[0].online;
  const at = (iso: string) => formatDateTime(locale(), iso);
  const titleId = () => `sso-${c().id}-title`;

  async function test() {
    setTesting(true);
    setTestError('');
    try {
      props.onTested(await adminSsoApi.test(c().id));
    } catch (err) {
      setTestError(`${a().testError} ${describeError(err, t())}`);
    } finally {
      setTesting(false);
    }
  }

  return (
    <li class="card sso-card" aria-labelledby={titleId()}>
      <div class="sso-card-head">
        <div class="sso-card-name">
          <h2 id={titleId()} class="sso-card-title">
            {name()}
          </h2>
          <span class="tag">{a().protocols[c().protocol]}</span>
        </div>
        <div class="sso-card-actions">
          <button
            type="button"
            class="button"
            aria-label={a().testLabel(name())}
            disabled={testing() || offline()}
            aria-busy={testing() ? 'true' : 'false'}
            onClick={() => void test()}
          >
            {testing() ? a().testing : a().test}
          </button>
          <button
            type="button"
            class="button sso-danger"
            aria-label={a().removeLabel(name())}
            disabled={offline()}
            onClick={() => props.onRemove()}
          >
            {a().remove}
          </button>
        </div>
      </div>
      <dl class="sso-facts">
        <div>
          <dt>{a().domains}</dt>
          <dd>{c().domains.join(', ')}</dd>
        </div>
        <div>
          <dt>{a().issuer}</dt>
          <dd class="sso-break">
            {c().issuer}
            <Show when={c().clientIdEnd}>
              {(end) => <span class="muted small block">{a().clientIdEnd(end())}</span>}
            </Show>
          </dd>
        </div>
        <div>
          <dt>{a().activity}</dt>
          <dd>
            <Show when={c().activity.lastSignInAt} fallback={a().noSignIn}>
              {(last) => (
                <>
                  {a().signIns(c().activity.signIns, formatNumber(locale(), c().activity.signIns))},{' '}
                  {a().lastSignIn(at(last()))}
                </>
              )}
            </Show>
            <span class="block" classList={{ 'sso-bad': c().activity.errors > 0 }}>
              <Show when={c().activity.errors > 0} fallback={a().noError}>
                {a().errors(c().activity.errors, formatNumber(locale(), c().activity.errors))}
              </Show>
            </span>
            <Show when={c().activity.lastErrorAt}>
              {(when) => (
                <span class="small block">
                  {a().lastError(at(when()))} <span class="sso-break">{c().activity.lastError}</span>
                </span>
              )}
            </Show>
          </dd>
        </div>
      </dl>
      <section class="sso-block" aria-labelledby={`${titleId()}-urls`}>
        <h3 id={`${titleId()}-urls`} class="sso-block-title">
          {a().giveProvider}
        </h3>
        <For each={URL_ORDER.filter((k) => c().urls[k])}>
          {(k) => <CopyField label={a().urls[k]} value={c().urls[k] ?? ''} />}
        </For>
      </section>
      <section class="sso-block" aria-labelledby={`${titleId()}-test`}>
        <h3 id={`${titleId()}-test`} class="sso-block-title">
          {a().lastTest}
        </h3>
        <div role="status">
          <Show when={c().activity.lastTest} fallback={<p class="muted">{a().neverTested}</p>}>
            {(result) => <TestResult result={result()} />}
          </Show>
        </div>
        <Show when={testError()}>
          <p class="form-error" role="alert">
            {testError()}
          </p>
        </Show>
      </section>
    </li>
  );
}

function TestResult(props: { result: SsoTestResult }) {
  const { t, locale } = useI18n();
  const a = () => t().adminSso;
  const when = () => formatDateTime(locale(), props.result.at);
  return (
    <>
      <p class={props.result.ok ? 'sso-good' : 'sso-bad'}>
        {props.result.ok ? a().testOk(when()) : a().testFailed(when())}
      </p>
      <ul class="sso-checks">
        <For each={props.result.checks}>
          {(check) => (
            <li classList={{ 'sso-check-failed': !check.ok }}>
              <span class="sso-check-mark" aria-hidden="true">
                {check.ok ? '✓' : '✗'}
              </span>
              <span>
                <strong>
                  {a().checks[check.name] ?? check.name} ({check.ok ? a().checkOk : a().checkFailed})
                </strong>
                {/* what a failed check found says what to fix; a passed one needs no more words */}
                <Show when={!check.ok}>
                  {a().colon}
                  <span class="sso-break">{check.detail}</span>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
