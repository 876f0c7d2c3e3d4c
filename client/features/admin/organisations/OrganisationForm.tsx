import { createSignal, For, type JSX, Show } from 'solid-js';
import { slugFromName } from '../../../../shared/organisation-identity.ts';
import { DESCRIPTION_MAX } from '../../../../shared/schemas/organisations.ts';
import {
  type FocusArea,
  focusAreaLabels,
  focusAreas,
  organisationKinds,
} from '../../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { ApiError, describeError } from '../../../errors.ts';
import { OrgBadge } from './OrgBadge.tsx';
import { type FieldKey, type FormValues, fieldOfServerIssue, validate } from './organisation-form.ts';

/**
 * The organisation's fields, for a new one and for an edit. Checked as typed (once a field was
 * left or a submit tried) with the server's schema; a refusal keeps everything typed and puts
 * the server's reason next to its field. `onSubmit` throws the server's refusal.
 */
export function OrganisationForm(props: {
  initial: FormValues;
  /** for the badge preview: the organisation's id once it has one */
  badgeId: string;
  submitLabel: string;
  busyLabel: string;
  /** an edit: the address is not re-derived from the name */
  editing: boolean;
  onSubmit: (values: FormValues) => Promise<void>;
  /** shown in the form's message area when the server answers 409 without naming a field */
  onStale?: () => JSX.Element;
}) {
  const { t, locale } = useI18n();
  const { connectivity } = useApp();
  const f = () => t().adminOrganisations.form;
  const [values, setValues] = createSignal<FormValues>({ ...props.initial });
  // A new organisation's address follows its name until someone types one.
  const [slugTouched, setSlugTouched] = createSignal(props.editing);
  const [touched, setTouched] = createSignal<Set<FieldKey>>(new Set());
  const [tried, setTried] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<Partial<Record<FieldKey, string>>>({});
  const [message, setMessage] = createSignal('');
  const [stale, setStale] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const offline = () => !connectivity[0].online;

  const errors = () => ({ ...validate(values(), f().errors), ...serverErrors() });
  const shown = (k: FieldKey) => (tried() || touched().has(k) ? errors()[k] : undefined);
  const set = (patch: Partial<FormValues>, field?: FieldKey) => {
    const next = { ...values(), ...patch };
    if (!slugTouched() && patch.name !== undefined) next.slug = slugFromName(patch.name);
    setValues(next);
    if (field && serverErrors()[field]) setServerErrors({ ...serverErrors(), [field]: undefined });
  };
  /**
   * A field's error shows once it is left, except when it is left for the submit button: the
   * message would push the button down between the press and the release, and lose the click.
   * The submit shows every error anyway.
   */
  const leave = (k: FieldKey, ev: FocusEvent) => {
    if ((ev.relatedTarget as HTMLElement | null)?.getAttribute('type') === 'submit') return;
    setTouched(new Set([...touched(), k]));
  };

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setTried(true);
    setMessage('');
    setStale(false);
    const local = validate(values(), f().errors);
    const first = (Object.keys(local) as FieldKey[])[0];
    if (first) {
      setMessage(f().fixFields);
      document.getElementById(`org-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(values());
      setTried(false);
      setTouched(new Set<FieldKey>());
    } catch (err) {
      refused(err);
    } finally {
      setBusy(false);
    }
  }

  function refused(err: unknown) {
    if (!(err instanceof ApiError) || err.isNetwork) {
      setMessage(`${f().refused} ${describeError(err, t())}`);
      return;
    }
    if (err.status === 409 && err.issues.some((i) => i.path === 'slug')) {
      setServerErrors({ slug: f().errors.slugTaken });
      setSlugTouched(true);
      document.getElementById('org-slug')?.focus();
      return;
    }
    if (err.status === 409) {
      setStale(true);
      return;
    }
    const named: Partial<Record<FieldKey, string>> = {};
    for (const issue of err.issues) {
      const field = fieldOfServerIssue(issue.path);
      if (field) named[field] = issue.message;
    }
    setServerErrors(named);
    setMessage(`${f().refused} ${err.message}`);
  }

  const describedBy = (k: FieldKey, hint?: string) =>
    [hint, shown(k) ? `org-${k}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (k: FieldKey) => (
    <Show when={shown(k)}>
      <span id={`org-${k}-error`} class="field-error">
        {shown(k)}
      </span>
    </Show>
  );
  const sortedFocus = () =>
    [...focusAreas].sort((a, b) =>
      focusAreaLabels[a][locale()].localeCompare(focusAreaLabels[b][locale()], locale()),
    );
  const toggleFocus = (area: FocusArea, on: boolean) =>
    set({ focusAreas: on ? [...values().focusAreas, area] : values().focusAreas.filter((a) => a !== area) });

  return (
    <form class="card card-roomy org-form" onSubmit={submit} novalidate>
      <div class="org-form-grid">
        <div class="field">
          <label for="org-name">{f().name}</label>
          <input
            id="org-name"
            type="text"
            autocomplete="organization"
            value={values().name}
            aria-invalid={Boolean(shown('name'))}
            aria-describedby={describedBy('name')}
            onInput={(e) => set({ name: e.currentTarget.value }, 'name')}
            onBlur={(e) => leave('name', e)}
          />
          {fieldError('name')}
        </div>
        <div class="field">
          <label for="org-kind">{f().kind}</label>
          <select
            id="org-kind"
            class="select"
            aria-invalid={Boolean(shown('kind'))}
            aria-describedby={describedBy('kind')}
            onChange={(e) => set({ kind: e.currentTarget.value as FormValues['kind'] }, 'kind')}
            onBlur={(e) => leave('kind', e)}
          >
            <option value="" selected={!values().kind} disabled>
              {f().chooseKind}
            </option>
            <For each={organisationKinds}>
              {(k) => (
                <option value={k} selected={values().kind === k}>
                  {t().organisationKinds[k]}
                </option>
              )}
            </For>
          </select>
          {fieldError('kind')}
        </div>
        <div class="field">
          <label for="org-slug">{f().slug}</label>
          <input
            id="org-slug"
            type="text"
            spellcheck={false}
            autocapitalize="off"
            value={values().slug}
            aria-invalid={Boolean(shown('slug'))}
            aria-describedby={describedBy('slug', 'org-slug-hint')}
            onInput={(e) => {
              setSlugTouched(true);
              set({ slug: e.currentTarget.value }, 'slug');
            }}
            onBlur={(e) => leave('slug', e)}
          />
          <span id="org-slug-hint" class="muted small">
            {f().slugHint(values().slug || 'hopital-exemple')}
          </span>
          {fieldError('slug')}
        </div>
        <div class="field">
          <label for="org-website">{f().website}</label>
          <input
            id="org-website"
            type="url"
            inputmode="url"
            placeholder="https://"
            value={values().website}
            aria-invalid={Boolean(shown('website'))}
            aria-describedby={describedBy('website', 'org-website-hint')}
            onInput={(e) => set({ website: e.currentTarget.value }, 'website')}
            onBlur={(e) => leave('website', e)}
          />
          <span id="org-website-hint" class="muted small">
            {f().websiteHint}
          </span>
          {fieldError('website')}
        </div>
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={values().founder}
          onChange={(e) => set({ founder: e.currentTarget.checked })}
        />
        {f().founder}
      </label>
      <div class="org-logo-preview">
        <OrgBadge id={props.badgeId} name={values().name || '?'} size="large" />
        <div>
          <span class="org-logo-label">{f().logo}</span>
          <p class="muted small">{f().logoHint}</p>
        </div>
      </div>
      <div class="org-form-grid">
        <For each={['descriptionEn', 'descriptionFr'] as const}>
          {(k) => (
            <div class="field">
              <label for={`org-${k}`}>{f()[k]}</label>
              <textarea
                id={`org-${k}`}
                rows={4}
                lang={k === 'descriptionEn' ? 'en' : 'fr'}
                value={values()[k]}
                aria-invalid={Boolean(shown(k))}
                aria-describedby={describedBy(k, `org-${k}-hint`)}
                onInput={(e) => set({ [k]: e.currentTarget.value }, k)}
                onBlur={(e) => leave(k, e)}
              />
              <span id={`org-${k}-hint`} class="muted small">
                {f().descriptionHint(String(DESCRIPTION_MAX))}
              </span>
              {fieldError(k)}
            </div>
          )}
        </For>
      </div>
      <fieldset class="org-focus">
        <legend>{f().focusAreas}</legend>
        <div class="org-focus-list">
          <For each={sortedFocus()}>
            {(area) => (
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={values().focusAreas.includes(area)}
                  onChange={(e) => toggleFocus(area, e.currentTarget.checked)}
                />
                {focusAreaLabels[area][locale()]}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <div class="form-error-slot" role="alert">
        <Show when={message()}>
          <p class="form-error">{message()}</p>
        </Show>
        <Show when={stale()}>
          <div class="form-error">
            <p>{f().stale}</p>
            {props.onStale?.()}
          </div>
        </Show>
      </div>
      <div class="form-actions">
        <Show when={offline()}>
          <span class="muted small" role="status">
            {f().offline}
          </span>
        </Show>
        <button type="submit" class="button button-primary" disabled={busy() || offline()}>
          {busy() ? props.busyLabel : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
