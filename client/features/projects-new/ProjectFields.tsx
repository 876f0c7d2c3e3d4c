import { For, type JSX, Show } from 'solid-js';
import { partnerRoles, projectRoles } from '../../../shared/vocabularies.ts';
import { useI18n } from '../../app-context.tsx';
import type { ProjectFormState } from './form-state.ts';
import type { FieldKey, MemberRow } from './project-form.ts';

/** An organisation a project may name: id and name. */
export interface OrgOption {
  id: string;
  name: string;
}

/** The label, the control and its error (and hint), wired for assistive technology. */
function Field(props: {
  form: ProjectFormState;
  prefix: string;
  name: FieldKey;
  label: string;
  hint?: string;
  class?: string;
  children: (a: { id: string; invalid: boolean; describedBy: string | undefined }) => JSX.Element;
}) {
  const id = () => `${props.prefix}-${props.name.replaceAll('.', '-')}`;
  const error = () => props.form.shown(props.name);
  const describedBy = () =>
    [props.hint ? `${id()}-hint` : '', error() ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.class ? `field ${props.class}` : 'field'}>
      <label for={id()}>{props.label}</label>
      {props.children({ id: id(), invalid: Boolean(error()), describedBy: describedBy() })}
      <Show when={props.hint}>
        <span id={`${id()}-hint`} class="muted small">
          {props.hint}
        </span>
      </Show>
      <Show when={error()}>
        <span id={`${id()}-error`} class="field-error">
          {error()}
        </span>
      </Show>
    </div>
  );
}

/** Title and summary. */
export function CardFields(props: { form: ProjectFormState; prefix: string }) {
  const { t } = useI18n();
  const f = () => t().projectSettings.form;
  const v = () => props.form.values();
  return (
    <>
      <Field form={props.form} prefix={props.prefix} name="title" label={f().title}>
        {(a) => (
          <input
            id={a.id}
            type="text"
            value={v().title}
            aria-invalid={a.invalid}
            aria-describedby={a.describedBy}
            onInput={(e) => props.form.set({ title: e.currentTarget.value }, 'title')}
            onBlur={(e) => props.form.leave('title', e)}
          />
        )}
      </Field>
      <Field
        form={props.form}
        prefix={props.prefix}
        name="summary"
        label={f().summary}
        hint={f().summaryHint}
      >
        {(a) => (
          <textarea
            id={a.id}
            rows={4}
            value={v().summary}
            aria-invalid={a.invalid}
            aria-describedby={a.describedBy}
            onInput={(e) => props.form.set({ summary: e.currentTarget.value }, 'summary')}
            onBlur={(e) => props.form.leave('summary', e)}
          />
        )}
      </Field>
    </>
  );
}

/** The partner organisations, each with its role, and whether the directory lists the project. */
export function PartnerFields(props: { form: ProjectFormState; prefix: string; organisations: OrgOption[] }) {
  const { t } = useI18n();
  const f = () => t().projectSettings.form;
  const partners = () => props.form.values().partners;
  const setRow = (
    i: number,
    patch: Partial<{ organisationId: string; role: (typeof partnerRoles)[number] }>,
  ) =>
    props.form.set(
      { partners: partners().map((p, j) => (j === i ? { ...p, ...patch } : p)) },
      `partners.${i}`,
    );
  return (
    <>
      <fieldset class="project-rows">
        <legend>{f().partners}</legend>
        <Show when={partners().length === 0}>
          <p class="muted small">{f().noPartners}</p>
        </Show>
        <For each={partners()}>
          {(row, i) => (
            <div class="project-row">
              <Field
                form={props.form}
                prefix={props.prefix}
                name={`partners.${i()}`}
                label={f().partnerOrganisation(i() + 1)}
              >
                {(a) => (
                  <select
                    id={a.id}
                    class="select"
                    aria-invalid={a.invalid}
                    aria-describedby={a.describedBy}
                    onChange={(e) => setRow(i(), { organisationId: e.currentTarget.value })}
                    onBlur={(e) => props.form.leave(`partners.${i()}`, e)}
                  >
                    <option value="" selected={!row.organisationId} disabled>
                      {f().chooseOrganisation}
                    </option>
                    <For each={props.organisations}>
                      {(o) => (
                        <option value={o.id} selected={row.organisationId === o.id}>
                          {o.name}
                        </option>
                      )}
                    </For>
                  </select>
                )}
              </Field>
              <div class="field">
                <label for={`${props.prefix}-partner-role-${i()}`}>{f().partnerRole(i() + 1)}</label>
                <select
                  id={`${props.prefix}-partner-role-${i()}`}
                  class="select"
                  onChange={(e) =>
                    setRow(i(), { role: e.currentTarget.value as (typeof partnerRoles)[number] })
                  }
                >
                  <For each={partnerRoles}>
                    {(r) => (
                      <option value={r} selected={row.role === r}>
                        {t().partnerRoles[r]}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <button
                type="button"
                class="button button-ghost button-small project-row-remove"
                aria-label={f().removePartner(i() + 1)}
                onClick={() => props.form.set({ partners: partners().filter((_, j) => j !== i()) })}
              >
                {f().remove}
              </button>
            </div>
          )}
        </For>
        <button
          type="button"
          class="button button-small"
          onClick={() =>
            props.form.set({ partners: [...partners(), { organisationId: '', role: 'clinical_site' }] })
          }
        >
          {f().addPartner}
        </button>
      </fieldset>
      <label class="checkbox project-listed">
        <input
          type="checkbox"
          checked={props.form.values().listedInDirectory}
          aria-describedby={`${props.prefix}-listed-hint`}
          onChange={(e) => props.form.set({ listedInDirectory: e.currentTarget.checked })}
        />
        {f().listed}
      </label>
      <p id={`${props.prefix}-listed-hint`} class="muted small project-listed-hint">
        {f().listedHint}
      </p>
    </>
  );
}

/**
 * The first members of a new project: an address and a role per row, and, for someone without
 * an account yet, the organisation their account joins (as the members panel's invite form).
 */
export function MemberFields(props: { form: ProjectFormState; prefix: string; organisations: OrgOption[] }) {
  const { t } = useI18n();
  const f = () => t().projectSettings.form;
  const members = () => props.form.values().members;
  const orgHint = () => `${props.prefix}-members-organisation-hint`;
  const setRow = (i: number, patch: Partial<MemberRow>, field = `members.${i}`) =>
    props.form.set({ members: members().map((m, j) => (j === i ? { ...m, ...patch } : m)) }, field);
  return (
    <fieldset class="project-rows" aria-describedby={`${props.prefix}-members-hint`}>
      <legend>{f().members}</legend>
      <p id={`${props.prefix}-members-hint`} class="muted small">
        {members().length === 0 ? f().noMembers : f().membersHint}
      </p>
      <Show when={members().length > 0}>
        <p id={orgHint()} class="muted small">
          {f().memberOrganisationHint}
        </p>
      </Show>
      <For each={members()}>
        {(row, i) => (
          <div class="project-row project-member-row">
            <Field
              form={props.form}
              prefix={props.prefix}
              name={`members.${i()}`}
              label={f().memberEmail(i() + 1)}
            >
              {(a) => (
                <input
                  id={a.id}
                  type="email"
                  autocomplete="off"
                  spellcheck={false}
                  value={row.email}
                  aria-invalid={a.invalid}
                  aria-describedby={a.describedBy}
                  onInput={(e) => setRow(i(), { email: e.currentTarget.value })}
                  onBlur={(e) => props.form.leave(`members.${i()}`, e)}
                />
              )}
            </Field>
            <div class="field">
              <label for={`${props.prefix}-member-role-${i()}`}>{f().memberRole(i() + 1)}</label>
              <select
                id={`${props.prefix}-member-role-${i()}`}
                class="select"
                onChange={(e) =>
                  setRow(i(), { role: e.currentTarget.value as (typeof projectRoles)[number] })
                }
              >
                <For each={projectRoles}>
                  {(r) => (
                    <option value={r} selected={row.role === r}>
                      {t().roles[r]}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <Field
              form={props.form}
              prefix={props.prefix}
              name={`members.${i()}.organisation`}
              label={f().memberOrganisation(i() + 1)}
              class="project-member-organisation"
            >
              {(a) => (
                <select
                  id={a.id}
                  class="select"
                  aria-invalid={a.invalid}
                  aria-describedby={[orgHint(), a.describedBy].filter(Boolean).join(' ')}
                  onChange={(e) =>
                    setRow(i(), { organisationId: e.currentTarget.value }, `members.${i()}.organisation`)
                  }
                >
                  <option value="" selected={!row.organisationId}>
                    {f().noMemberOrganisation}
                  </option>
                  <For each={props.organisations}>
                    {(o) => (
                      <option value={o.id} selected={row.organisationId === o.id}>
                        {o.name}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
            <button
              type="button"
              class="button button-ghost button-small project-row-remove"
              aria-label={f().removeMember(i() + 1)}
              onClick={() => props.form.set({ members: members().filter((_, j) => j !== i()) })}
            >
              {f().remove}
            </button>
          </div>
        )}
      </For>
      <Show when={props.form.shown('members')}>
        <p class="field-error">{props.form.shown('members')}</p>
      </Show>
      <button
        type="button"
        class="button button-small"
        onClick={() =>
          props.form.set({ members: [...members(), { email: '', role: 'contributor', organisationId: '' }] })
        }
      >
        {f().addMember}
      </button>
    </fieldset>
  );
}

/** The form's message area and its submit button (disabled offline: nothing typed is lost). */
export function FormFooter(props: {
  form: ProjectFormState;
  label: string;
  busyLabel: string;
  offline: boolean;
  extra?: JSX.Element;
}) {
  const { t } = useI18n();
  return (
    <>
      <div class="form-error-slot" role="alert">
        <Show when={props.form.message()}>
          <p class="form-error">{props.form.message()}</p>
        </Show>
      </div>
      <div class="form-actions project-form-actions">
        <Show when={props.offline}>
          <span class="muted small" role="status">
            {t().projectSettings.form.offline}
          </span>
        </Show>
        {props.extra}
        <button type="submit" class="button button-primary" disabled={props.form.busy() || props.offline}>
          {props.form.busy() ? props.busyLabel : props.label}
        </button>
      </div>
    </>
  );
}
