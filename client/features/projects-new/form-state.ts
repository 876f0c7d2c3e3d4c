/**
 * The state a project form keeps: its values, which fields were left, whether a submit was
 * tried, and what the server refused. Errors show once a field is left or a submit tried; a
 * refusal keeps everything typed and puts the server's reason next to its field.
 */
import { createSignal } from 'solid-js';
import { ApiError, describeError } from '../../errors.ts';
import type { Messages } from '../../i18n/messages.ts';
import {
  type FieldErrors,
  type FieldKey,
  fieldOfServerIssue,
  type ProjectFormValues,
} from './project-form.ts';

export function createProjectFormState(
  initial: ProjectFormValues,
  validate: (v: ProjectFormValues) => FieldErrors,
  idPrefix: string,
) {
  const [values, setValues] = createSignal<ProjectFormValues>(structuredClone(initial));
  const [touched, setTouched] = createSignal<Set<FieldKey>>(new Set());
  const [tried, setTried] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<FieldErrors>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const errors = (): FieldErrors => ({ ...validate(values()), ...serverErrors() });
  const shown = (k: FieldKey) => (tried() || touched().has(k) ? errors()[k] : undefined);

  return {
    values,
    shown,
    busy,
    message,
    reset(next: ProjectFormValues) {
      setValues(structuredClone(next));
      setTouched(new Set<FieldKey>());
      setTried(false);
      setServerErrors({});
    },
    set(patch: Partial<ProjectFormValues>, field?: FieldKey) {
      setValues({ ...values(), ...patch });
      if (field && serverErrors()[field]) {
        const { [field]: _, ...rest } = serverErrors();
        setServerErrors(rest);
      }
    },
    /** A field's error shows once it is left, except for the submit button (the click would be lost). */
    leave(k: FieldKey, ev: FocusEvent) {
      if ((ev.relatedTarget as HTMLElement | null)?.getAttribute('type') === 'submit') return;
      setTouched(new Set([...touched(), k]));
    },
    /** Runs `send` when the form passes its checks; focuses the first field that does not. */
    async submit(send: () => Promise<void>, t: Messages): Promise<void> {
      setTried(true);
      setMessage('');
      const first = Object.keys(validate(values()))[0];
      if (first) {
        setMessage(t.projectSettings.form.fixFields);
        document.getElementById(`${idPrefix}-${first.replaceAll('.', '-')}`)?.focus();
        return;
      }
      setBusy(true);
      try {
        await send();
        setTried(false);
        setTouched(new Set<FieldKey>());
      } catch (err) {
        const refused = t.projectSettings.form.refused;
        if (err instanceof ApiError && !err.isNetwork) {
          const named: FieldErrors = {};
          for (const issue of err.issues) {
            const field = fieldOfServerIssue(issue.path);
            if (field) named[field] = issue.message;
          }
          setServerErrors(named);
          setMessage(`${refused} ${err.message}`);
        } else setMessage(`${refused} ${describeError(err, t)}`);
      } finally {
        setBusy(false);
      }
    },
    setMessage,
  };
}

export type ProjectFormState = ReturnType<typeof createProjectFormState>;
