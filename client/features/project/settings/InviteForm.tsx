import { createResource, createSignal, For, Show } from 'solid-js';
import type { ProjectRole } from '../../../../shared/domain.ts';
import { AddMemberBody } from '../../../../shared/schemas/members.ts';
import { projectRoles } from '../../../../shared/vocabularies.ts';
import { useApp, useI18n } from '../../../app-context.tsx';
import { ApiError, describeError } from '../../../errors.ts';
import { LinkReveal } from './LinkReveal.tsx';
import { membersApi } from './members-api.ts';

type Field = 'email' | 'role' | 'organisationId';
interface Values {
  email: string;
  role: ProjectRole | '';
  organisationId: string;
}
const empty = (): Values => ({ email: '', role: 'contributor', organisationId: '' });

/**
 * Inviting by address: checked as typed (once a field was left or a submit tried) with the
 * server's own schema; a refusal keeps what was typed and puts the server's reason next to its
 * field. Someone with an account is added at once; anyone else is mailed an invitation, or,
 * when the server sends no mail, the link is shown once to pass on.
 */
export function InviteForm(props: { projectId: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { connectivity } = useApp();
  const m = () => t().members.invite;
  const [values, setValues] = createSignal<Values>(empty());
  const [touched, setTouched] = createSignal<Set<Field>>(new Set());
  /** fields typed into since the form was last emptied: leaving an untouched one says nothing */
  const [dirty, setDirty] = createSignal<Set<Field>>(new Set());
  const [tried, setTried] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [link, setLink] = createSignal<{ email: string; link: string } | null>(null);
  const [orgs] = createResource(() => membersApi.organisations().then((r) => r.organisations));
  const offline = () => !connectivity[0].online;

  const body = () => ({
    email: values().email,
    role: values().role,
    ...(values().organisationId ? { organisationId: values().organisationId } : {}),
  });
  const localErrors = (): Partial<Record<Field, string>> => {
    const result = AddMemberBody.safeParse(body());
    if (result.success) return {};
    const errors: Partial<Record<Field, string>> = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (field === 'email' && !errors.email) errors.email = m().errors.email;
      if (field === 'role' && !errors.role) errors.role = m().errors.role;
    }
    return errors;
  };
  const errors = () => ({ ...localErrors(), ...serverErrors() });
  const shown = (k: Field) => (tried() || touched().has(k) ? errors()[k] : undefined);
  const set = (patch: Partial<Values>, field: Field) => {
    setValues({ ...values(), ...patch });
    setDirty(new Set([...dirty(), field]));
    if (serverErrors()[field]) setServerErrors({ ...serverErrors(), [field]: undefined });
  };
  // Not on the way to the submit button: the message would move the button under the pointer.
  const leave = (k: Field, ev: FocusEvent) => {
    if ((ev.relatedTarget as HTMLElement | null)?.getAttribute('type') === 'submit') return;
    if (!dirty().has(k)) return;
    setTouched(new Set([...touched(), k]));
  };

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setTried(true);
    setMessage('');
    const first = (Object.keys(localErrors()) as Field[])[0];
    if (first) {
      setMessage(m().fixFields);
      document.getElementById(`invite-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const parsed = AddMemberBody.parse(body());
      const reply = await membersApi.add(props.projectId, parsed);
      setValues(empty());
      setTried(false);
      setTouched(new Set<Field>());
      setDirty(new Set<Field>());
      if ('added' in reply) props.onDone(m().added(reply.added.name));
      else if (reply.invitation.link) setLink({ email: reply.invitation.email, link: reply.invitation.link });
      else props.onDone(m().mailed(reply.invitation.email));
    } catch (err) {
      refused(err);
    } finally {
      setBusy(false);
    }
  }

  function refused(err: unknown) {
    const named: Partial<Record<Field, string>> = {};
    if (err instanceof ApiError && !err.isNetwork)
      for (const issue of err.issues)
        if (issue.path === 'email' || issue.path === 'role' || issue.path === 'organisationId')
          named[issue.path] = issue.message;
    setServerErrors(named);
    // A 409 names no field when the address is already a member: say it where the address is.
    if (err instanceof ApiError && err.status === 409 && !named.email)
      setServerErrors({ email: err.message });
    setMessage(`${m().refused} ${describeError(err, t())}`);
    const field = (Object.keys(serverErrors()) as Field[])[0];
    if (field) document.getElementById(`invite-${field}`)?.focus();
  }

  const describedBy = (k: Field, hint?: string) =>
    [hint, shown(k) ? `invite-${k}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (k: Field) => (
    <Show when={shown(k)}>
      <span id={`invite-${k}-error`} class="field-error">
        {shown(k)}
      </span>
    </Show>
  );

  return (
    <section class="card card-roomy invite-form" aria-labelledby="invite-title">
      <h3 id="invite-title" class="members-subtitle">
        {m().title}
      </h3>
      <p class="muted small">{m().intro}</p>
      <Show when={link()}>
        {(l) => (
          <LinkReveal
            email={l().email}
            link={l().link}
            onDismiss={() => {
              setLink(null);
              props.onDone('');
            }}
          />
        )}
      </Show>
      <form onSubmit={submit} novalidate>
        <div class="invite-grid">
          <div class="field">
            <label for="invite-email">{m().email}</label>
            <input
              id="invite-email"
              type="email"
              autocomplete="off"
              value={values().email}
              aria-invalid={Boolean(shown('email'))}
              aria-describedby={describedBy('email')}
              onInput={(e) => set({ email: e.currentTarget.value }, 'email')}
              onBlur={(e) => leave('email', e)}
            />
            {fieldError('email')}
          </div>
          <div class="field">
            <label for="invite-role">{m().role}</label>
            <select
              id="invite-role"
              class="select"
              value={values().role}
              aria-invalid={Boolean(shown('role'))}
              aria-describedby={describedBy('role')}
              onChange={(e) => set({ role: e.currentTarget.value as ProjectRole }, 'role')}
              onBlur={(e) => leave('role', e)}
            >
              <For each={[...projectRoles]}>{(r) => <option value={r}>{t().roles[r]}</option>}</For>
            </select>
            {fieldError('role')}
          </div>
          <div class="field">
            <label for="invite-organisationId">{m().organisation}</label>
            <select
              id="invite-organisationId"
              class="select"
              value={values().organisationId}
              aria-invalid={Boolean(shown('organisationId'))}
              aria-describedby={describedBy('organisationId', 'invite-organisation-hint')}
              onChange={(e) => set({ organisationId: e.currentTarget.value }, 'organisationId')}
            >
              <option value="">{m().noOrganisation}</option>
              <For each={orgs() ?? []}>{(o) => <option value={o.id}>{o.name}</option>}</For>
            </select>
            <span id="invite-organisation-hint" class="muted small">
              {orgs.error ? m().organisationsFailed : m().organisationHint}
            </span>
            {fieldError('organisationId')}
          </div>
        </div>
        <div class="invite-actions">
          <button
            type="submit"
            class="button button-primary"
            disabled={busy() || offline()}
            aria-busy={busy() ? 'true' : 'false'}
          >
            {busy() ? m().submitting : m().submit}
          </button>
          <p class="form-error-slot" role="alert">
            <Show when={message()}>
              <span class="form-error">{message()}</span>
            </Show>
          </p>
        </div>
      </form>
    </section>
  );
}
