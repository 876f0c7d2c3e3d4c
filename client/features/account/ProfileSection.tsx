import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Locale } from '../../../shared/domain.ts';
import type { Me, ProfileFields } from '../../../shared/schemas/me.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { en } from '../../i18n/en.ts';
import { fr } from '../../i18n/fr.ts';
import { LOCALES } from '../../i18n/i18n.ts';
import { accountPageApi } from './account-api.ts';
import {
  checkProfile,
  type ProfileField,
  type ProfileProblems,
  serverProfileProblems,
} from './profile-problems.ts';

const languageNames: Record<Locale, string> = { en: en.meta.languageName, fr: fr.meta.languageName };
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones: string[] = Intl.supportedValuesOf('timeZone');

/** Name, title, language and time zone, checked as typed with the server's own schema. */
export function ProfileSection(props: { me: Me }) {
  const { session, locale: localeSync } = useApp();
  const { t, locale } = useI18n();
  const p = () => t().accountPage.profile;
  const [values, setValues] = createStore<ProfileFields>({
    name: props.me.user.name,
    title: props.me.user.title ?? '',
    timeZone: props.me.user.timeZone ?? '',
    locale: props.me.user.locale ?? locale(),
  });
  const [touched, setTouched] = createStore<Partial<Record<ProfileField, boolean>>>({});
  const [refused, setRefused] = createSignal<ProfileProblems>({});
  const [state, setState] = createSignal<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [failure, setFailure] = createSignal<unknown>(null);

  // A zone saved elsewhere under another name (an alias) stays choosable.
  const zoneOptions = () =>
    props.me.user.timeZone && !zones.includes(props.me.user.timeZone)
      ? [props.me.user.timeZone, ...zones]
      : zones;
  const problems = (): ProfileProblems => ({ ...refused(), ...checkProfile(values) });
  const shown = (field: ProfileField) => (touched[field] ? problems()[field] : undefined);
  const errorId = (field: ProfileField) => `ac-profile-${field}-error`;

  function edit<K extends keyof ProfileFields>(field: K, value: ProfileFields[K]) {
    setValues(field, value);
    if (field !== 'locale') {
      setTouched(field as ProfileField, true);
      setRefused((r) => ({ ...r, [field]: undefined }));
    }
    if (state() !== 'saving') setState('idle');
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setTouched({ name: true, title: true, timeZone: true });
    if (Object.keys(checkProfile(values)).length) {
      (e.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setState('saving');
    try {
      const me = await accountPageApi.updateProfile({ ...values });
      session[1].setMe(me);
      if (me.user.locale) localeSync.chooseLocale(me.user.locale);
      setState('saved');
    } catch (err) {
      // What was typed stays in the form; the refusal shows beside its field.
      setRefused(serverProfileProblems(err) ?? {});
      setFailure(err);
      setState('failed');
    }
  }

  const fieldError = (field: ProfileField) => (
    <Show when={shown(field)}>
      {(problem) => (
        <p id={errorId(field)} class="ac-field-error">
          {p().problems[problem()]}
        </p>
      )}
    </Show>
  );

  return (
    <section class="panel ac-section" aria-labelledby="ac-profile-title" id="profile">
      <h2 id="ac-profile-title" class="panel-title">
        {p().title}
      </h2>
      <form onSubmit={submit} novalidate>
        <div class="ac-grid">
          <div class="field">
            <label for="ac-name">{p().name}</label>
            <input
              id="ac-name"
              type="text"
              autocomplete="name"
              value={values.name}
              aria-invalid={shown('name') ? 'true' : undefined}
              aria-describedby={shown('name') ? `${errorId('name')} ac-name-hint` : 'ac-name-hint'}
              onInput={(e) => edit('name', e.currentTarget.value)}
            />
            {fieldError('name')}
            <p id="ac-name-hint" class="muted small">
              {p().nameHint}
            </p>
          </div>
          <div class="field">
            <label for="ac-title">{p().titleField}</label>
            <input
              id="ac-title"
              type="text"
              autocomplete="organization-title"
              value={values.title}
              aria-invalid={shown('title') ? 'true' : undefined}
              aria-describedby={shown('title') ? `${errorId('title')} ac-title-hint` : 'ac-title-hint'}
              onInput={(e) => edit('title', e.currentTarget.value)}
            />
            {fieldError('title')}
            <p id="ac-title-hint" class="muted small">
              {p().titleHint}
            </p>
          </div>
          <div class="field">
            <span class="ac-label">{p().email}</span>
            <span class="ac-readonly">{props.me.user.email}</span>
            <p class="muted small">{p().emailHint}</p>
          </div>
          <div class="field">
            <span class="ac-label">{p().organisations}</span>
            <Show
              when={props.me.organisations.length}
              fallback={<p class="muted small">{p().noOrganisation}</p>}
            >
              <span class="ac-readonly">{props.me.organisations.map((o) => o.name).join(', ')}</span>
            </Show>
          </div>
          <div class="field">
            <label for="ac-locale">{p().language}</label>
            <select
              id="ac-locale"
              class="select"
              value={values.locale}
              onChange={(e) => edit('locale', e.currentTarget.value as Locale)}
            >
              <For each={LOCALES}>
                {(code) => (
                  <option value={code} lang={code}>
                    {languageNames[code]}
                  </option>
                )}
              </For>
            </select>
          </div>
          <div class="field">
            <label for="ac-zone">{p().timeZone}</label>
            <select
              id="ac-zone"
              class="select"
              value={values.timeZone}
              aria-invalid={shown('timeZone') ? 'true' : undefined}
              aria-describedby={shown('timeZone') ? errorId('timeZone') : undefined}
              onChange={(e) => edit('timeZone', e.currentTarget.value)}
            >
              <option value="">{p().browserZone(browserZone)}</option>
              <For each={zoneOptions()}>
                {(zone) => <option value={zone}>{zone.replaceAll('_', ' ')}</option>}
              </For>
            </select>
            {fieldError('timeZone')}
          </div>
        </div>
        <div class="ac-actions">
          <button type="submit" class="button button-primary" disabled={state() === 'saving'}>
            {state() === 'saving' ? p().saving : p().save}
          </button>
          <p class="ac-status" role="status" aria-live="polite">
            <Show when={state() === 'saved'}>
              <span class="ac-ok">{p().saved}</span>
            </Show>
          </p>
        </div>
        <Show when={state() === 'failed'}>
          <p class="form-error" role="alert">
            {p().failed} <Show when={!Object.keys(refused()).length}>{describeError(failure(), t())}</Show>
          </p>
        </Show>
      </form>
    </section>
  );
}
