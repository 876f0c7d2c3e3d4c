import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import type { SsoConnection } from '../../../../shared/schemas/sso.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { ApiError, describeError } from '../../../errors.ts';
import { adminOrganisationsApi } from '../organisations/admin-organisations-api.ts';
import { adminSsoApi } from './admin-sso-api.ts';
import {
  bodyOf,
  coveredDomains,
  domainList,
  emptySsoValues,
  fieldOfCheck,
  fieldOfPath,
  type SsoField,
  type SsoFormValues,
  validate,
} from './sso-form.ts';

/** What the list shows after a connection was added (passed in the navigation's state). */
export interface AddedNotice {
  added: string;
}

/**
 * "Add a connection": the organisation, the protocol, its settings and the domains. Checked as
 * typed (once a field was left or a submit tried) with the server's schema; the server then
 * checks the identity provider itself, and each failed check is put next to the field to fix.
 * What was typed stays after a refusal; the secret is sent once and never shown again.
 */
export function SsoConnectionForm(props: { existing: SsoConnection[] }) {
  const { t } = useI18n();
  const { connectivity } = useApp();
  const navigate = useNavigate();
  const a = () => t().adminSso;
  const f = () => a().form;
  const [orgs, { refetch: refetchOrgs }] = createResource(() =>
    adminOrganisationsApi.list({ q: '', kind: '', status: 'active' }),
  );
  const sortedOrgs = () =>
    [...(orgs.latest?.organisations ?? [])].sort((x, y) => x.name.localeCompare(y.name));
  const [values, setValues] = createSignal<SsoFormValues>(emptySsoValues());
  const [touched, setTouched] = createSignal<Set<SsoField>>(new Set());
  const [tried, setTried] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<Partial<Record<SsoField, string>>>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const offline = () => !connectivity[0].online;

  const localErrors = () => {
    const errors = validate(values(), f().errors);
    const covered = coveredDomains(
      domainList(values().domains),
      props.existing.flatMap((c) => c.domains),
    );
    if (!errors.domains && covered.length > 0) errors.domains = f().errors.domainsTaken(covered.join(', '));
    return errors;
  };
  const errors = () => ({ ...localErrors(), ...serverErrors() });
  const shown = (k: SsoField) => (tried() || touched().has(k) ? errors()[k] : undefined);
  const set = (patch: Partial<SsoFormValues>, field?: SsoField) => {
    setValues({ ...values(), ...patch });
    if (field && serverErrors()[field]) setServerErrors({ ...serverErrors(), [field]: undefined });
  };
  // Not when leaving for the submit button: the message would move it between press and release.
  const leave = (k: SsoField, ev: FocusEvent) => {
    if ((ev.relatedTarget as HTMLElement | null)?.getAttribute('type') === 'submit') return;
    setTouched(new Set([...touched(), k]));
  };
  const focusField = (k: SsoField) => document.getElementById(`sso-${k}`)?.focus();

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setTried(true);
    setMessage('');
    setServerErrors({});
    const first = (Object.keys(localErrors()) as SsoField[])[0];
    if (first) {
      setMessage(f().fixFields);
      focusField(first);
      return;
    }
    setBusy(true);
    try {
      const added = await adminSsoApi.add(bodyOf(values()));
      const notice: AddedNotice = { added: added.organisation?.name ?? added.id };
      navigate('/admin/sso', { state: notice });
    } catch (err) {
      await refused(err);
    } finally {
      setBusy(false);
    }
  }

  async function refused(err: unknown) {
    if (
      !(err instanceof ApiError) ||
      err.isNetwork ||
      err.status >= 500 ||
      [401, 403, 429].includes(err.status)
    ) {
      setMessage(`${f().refused} ${describeError(err, t())}`);
      return;
    }
    const named: Partial<Record<SsoField, string>> = {};
    if (err.status === 404) named.organisationId = f().errors.organisationGone;
    else if (err.status === 409) {
      // Another manager may have added a connection meanwhile: the list says which domains.
      const fresh = await adminSsoApi.list().catch(() => null);
      const covered = coveredDomains(
        domainList(values().domains),
        (fresh?.connections ?? props.existing).flatMap((c) => c.domains),
      );
      if (covered.length > 0) named.domains = f().errors.domainsTaken(covered.join(', '));
      else named.organisationId = f().errors.organisationDeactivated;
    } else {
      for (const issue of err.issues) {
        const check = fieldOfCheck(issue.path, values());
        const field = check ?? fieldOfPath(issue.path, values());
        // a failed check is named in the reader's language; what it found is the server's
        const said = check
          ? `${a().checks[issue.path] ?? issue.path}${a().colon}${issue.message}`
          : issue.message;
        if (field) named[field] = named[field] ? `${named[field]} ${said}` : said;
      }
    }
    setServerErrors(named);
    const first = (Object.keys(named) as SsoField[])[0];
    const checksFailed = err.status === 400 && err.issues.length > 0;
    setMessage(
      first
        ? `${f().refused} ${checksFailed ? f().providerRefused : f().fixFields}`
        : `${f().refused} ${err.message}`,
    );
    if (first) focusField(first);
  }

  const describedBy = (k: SsoField, hint?: string) =>
    [hint, shown(k) ? `sso-${k}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (k: SsoField) => (
    <Show when={shown(k)}>
      <span id={`sso-${k}-error`} class="field-error">
        {shown(k)}
      </span>
    </Show>
  );
  /** A one-line field: its label, the input, a hint when there is one, and its error. */
  const textField = (
    k: SsoField,
    label: string,
    extra: JSX.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <div class="field">
      <label for={`sso-${k}`}>{label}</label>
      <input
        id={`sso-${k}`}
        type="text"
        spellcheck={false}
        autocapitalize="off"
        autocomplete="off"
        {...extra}
        value={values()[k]}
        aria-invalid={Boolean(shown(k))}
        aria-describedby={describedBy(k, hint ? `sso-${k}-hint` : undefined)}
        onInput={(e) => set({ [k]: e.currentTarget.value }, k)}
        onBlur={(e) => leave(k, e)}
      />
      <Show when={hint}>
        <span id={`sso-${k}-hint`} class="muted small">
          {hint}
        </span>
      </Show>
      {fieldError(k)}
    </div>
  );
  const textArea = (k: SsoField, label: string, hint: string, rows: number) => (
    <div class="field">
      <label for={`sso-${k}`}>{label}</label>
      <textarea
        id={`sso-${k}`}
        rows={rows}
        spellcheck={false}
        class="sso-pem"
        value={values()[k]}
        aria-invalid={Boolean(shown(k))}
        aria-describedby={describedBy(k, `sso-${k}-hint`)}
        onInput={(e) => set({ [k]: e.currentTarget.value }, k)}
        onBlur={(e) => leave(k, e)}
      />
      <span id={`sso-${k}-hint`} class="muted small">
        {hint}
      </span>
      {fieldError(k)}
    </div>
  );

  return (
    <form class="card card-roomy sso-form" onSubmit={submit} novalidate aria-labelledby="sso-new-title">
      <p class="muted sso-form-intro">{f().intro}</p>
      <div class="field">
        <label for="sso-organisationId">{f().organisation}</label>
        <select
          id="sso-organisationId"
          class="select"
          aria-invalid={Boolean(shown('organisationId'))}
          aria-describedby={describedBy('organisationId', orgs.error ? 'sso-orgs-failed' : undefined)}
          onChange={(e) => set({ organisationId: e.currentTarget.value }, 'organisationId')}
          onBlur={(e) => leave('organisationId', e)}
        >
          <option value="" selected={!values().organisationId} disabled>
            {orgs.loading && !orgs.latest ? f().organisationsLoading : f().chooseOrganisation}
          </option>
          <For each={sortedOrgs()}>
            {(o) => (
              <option value={o.id} selected={values().organisationId === o.id}>
                {o.name}
              </option>
            )}
          </For>
        </select>
        <Show when={orgs.error}>
          <span id="sso-orgs-failed" class="field-error">
            {f().organisationsFailed} {describeError(orgs.error, t())}{' '}
            <button type="button" class="button button-small" onClick={() => void refetchOrgs()}>
              {t().app.retry}
            </button>
          </span>
        </Show>
        {fieldError('organisationId')}
      </div>
      <fieldset class="sso-choice">
        <legend>{f().protocol}</legend>
        <For each={['oidc', 'saml'] as const}>
          {(p) => (
            <label class="checkbox">
              <input
                type="radio"
                name="sso-protocol"
                value={p}
                checked={values().protocol === p}
                onChange={() => set({ protocol: p })}
              />
              {a().protocols[p]}
            </label>
          )}
        </For>
      </fieldset>
      {textField('domains', f().domains, { inputmode: 'url' }, f().domainsHint)}
      <Show when={values().protocol === 'oidc'}>
        {textField(
          'issuer',
          f().issuer,
          { type: 'url', inputmode: 'url', placeholder: 'https://' },
          f().issuerHint,
        )}
        <div class="sso-form-grid">
          {textField('clientId', f().clientId)}
          {textField(
            'clientSecret',
            f().clientSecret,
            { type: 'password', autocomplete: 'new-password' },
            f().clientSecretHint,
          )}
        </div>
      </Show>
      <Show when={values().protocol === 'saml'}>
        <fieldset class="sso-choice">
          <legend>{f().samlSource}</legend>
          <For each={['fields', 'metadata'] as const}>
            {(s) => (
              <label class="checkbox">
                <input
                  type="radio"
                  name="sso-saml-source"
                  value={s}
                  checked={values().samlSource === s}
                  onChange={() => set({ samlSource: s })}
                />
                {s === 'fields' ? f().samlFields : f().samlMetadata}
              </label>
            )}
          </For>
        </fieldset>
        <Show
          when={values().samlSource === 'fields'}
          fallback={textArea('metadataXml', f().metadataXml, f().metadataHint, 8)}
        >
          {textField('entityId', f().entityId)}
          {textField('entryPoint', f().entryPoint, {
            type: 'url',
            inputmode: 'url',
            placeholder: 'https://',
          })}
          {textArea('certificate', f().certificate, f().certificateHint, 6)}
        </Show>
      </Show>
      <div class="form-error-slot" role="alert">
        <Show when={message()}>
          <p class="form-error">{message()}</p>
        </Show>
      </div>
      <div class="form-actions sso-form-actions">
        <Show when={offline()}>
          <span class="muted small" role="status">
            {a().offline}
          </span>
        </Show>
        <A href="/admin/sso" class="button">
          {f().cancel}
        </A>
        <button type="submit" class="button button-primary" disabled={busy() || offline()}>
          {busy() ? f().submitting : f().submit}
        </button>
      </div>
    </form>
  );
}
