import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type ApiToken, CreateApiTokenBody, type TokenScope } from '../../../shared/tokens.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { ApiError, describeError } from '../../errors.ts';
import { accountPageApi } from './account-api.ts';

const EXPIRY_DAYS = [30, 90, 180, 365] as const;

/**
 * A new token: name, access, project, expiry, checked as typed with the server's schema. The
 * server creates one only for a session signed in within 10 minutes; when it refuses for that,
 * the form says so and offers to sign in again.
 */
export function TokenCreateForm(props: { onCreated: (token: ApiToken & { token: string }) => void }) {
  const { session } = useApp();
  const { t } = useI18n();
  const w = () => t().accountPage.tokens;
  const [projects] = createResource(() => accountPageApi.projects().then((r) => r.projects));
  const [values, setValues] = createStore({
    name: '',
    scope: 'read' as TokenScope,
    projectId: '',
    expiresInDays: 90,
  });
  const [touched, setTouched] = createSignal(false);
  const [state, setState] = createSignal<'idle' | 'saving' | 'reauth' | 'failed'>('idle');
  const [failure, setFailure] = createSignal<unknown>(null);

  const body = () => ({
    name: values.name,
    scope: values.scope,
    expiresInDays: values.expiresInDays,
    ...(values.projectId ? { projectId: values.projectId } : {}),
  });
  const nameError = () => {
    if (!touched()) return undefined;
    const parsed = CreateApiTokenBody.safeParse(body());
    const issue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === 'name');
    return issue ? (issue.code === 'too_big' ? w().nameTooLong : w().nameMissing) : undefined;
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setTouched(true);
    const parsed = CreateApiTokenBody.safeParse(body());
    if (!parsed.success) {
      document.getElementById('ac-token-name')?.focus();
      return;
    }
    setState('saving');
    try {
      const created = await accountPageApi.createToken(parsed.data);
      setValues({ name: '', scope: 'read', projectId: '', expiresInDays: 90 });
      setTouched(false);
      setState('idle');
      props.onCreated(created);
    } catch (err) {
      setFailure(err);
      // Refused because the sign-in is too old (a token can never create one, so 403 here is that).
      setState(err instanceof ApiError && err.status === 403 ? 'reauth' : 'failed');
    }
  }

  return (
    <form class="ac-token-form" onSubmit={submit} novalidate aria-labelledby="ac-token-create-title">
      <h3 id="ac-token-create-title" class="ac-subtitle">
        {w().create}
      </h3>
      <div class="ac-grid">
        <div class="field">
          <label for="ac-token-name">{w().name}</label>
          <input
            id="ac-token-name"
            type="text"
            value={values.name}
            aria-invalid={nameError() ? 'true' : undefined}
            aria-describedby={nameError() ? 'ac-token-name-error ac-token-name-hint' : 'ac-token-name-hint'}
            onInput={(e) => {
              setValues('name', e.currentTarget.value);
              setTouched(true);
            }}
          />
          <Show when={nameError()}>
            <p id="ac-token-name-error" class="ac-field-error">
              {nameError()}
            </p>
          </Show>
          <p id="ac-token-name-hint" class="muted small">
            {w().nameHint}
          </p>
        </div>
        <div class="field">
          <label for="ac-token-project">{w().project}</label>
          <select
            id="ac-token-project"
            class="select"
            value={values.projectId}
            onChange={(e) => setValues('projectId', e.currentTarget.value)}
          >
            <option value="">{w().allProjects}</option>
            <For each={projects.error ? [] : (projects.latest ?? [])}>
              {(project) => <option value={project.id}>{project.title}</option>}
            </For>
          </select>
        </div>
        <fieldset class="field ac-fieldset">
          <legend>{w().scope}</legend>
          <For each={['read', 'write'] as const}>
            {(scope) => (
              <label class="ac-radio">
                <input
                  type="radio"
                  name="ac-token-scope"
                  value={scope}
                  checked={values.scope === scope}
                  onChange={() => setValues('scope', scope)}
                />
                <span>
                  {w()[scope]}
                  <span class="muted small ac-radio-hint">
                    {scope === 'read' ? w().readHint : w().writeHint}
                  </span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for="ac-token-expiry">{w().expiry}</label>
          <select
            id="ac-token-expiry"
            class="select"
            value={String(values.expiresInDays)}
            onChange={(e) => setValues('expiresInDays', Number(e.currentTarget.value))}
          >
            <For each={EXPIRY_DAYS}>{(days) => <option value={String(days)}>{w().days(days)}</option>}</For>
          </select>
        </div>
      </div>
      <Show when={state() === 'reauth'}>
        <div class="notice ac-reauth" role="alert">
          <p>{w().reauth}</p>
          <button type="button" class="button button-small" onClick={() => void session[1].signOut()}>
            {w().signInAgain}
          </button>
        </div>
      </Show>
      <Show when={state() === 'failed'}>
        <p class="form-error" role="alert">
          {w().failed} {describeError(failure(), t())}
        </p>
      </Show>
      <div class="ac-actions">
        <button type="submit" class="button button-primary" disabled={state() === 'saving'}>
          {state() === 'saving' ? w().submitting : w().submit}
        </button>
      </div>
    </form>
  );
}
