/**
 * The state every form of this section shares: its values, their check with the server's own
 * zod schema (shared/schemas/frameworks.ts), and when each error shows (once its field was left
 * or a save tried). An error is keyed by its path in the body (`stages.1.criteria.0.text.fr`),
 * which is also its field's id, so that the server's refusals land next to the same field.
 */
import { createSignal } from 'solid-js';
import type { z } from 'zod';
import type { Messages } from '../../../i18n/messages.ts';

type Errors = Messages['frameworksAdmin']['form']['errors'];

export const fieldId = (path: string) => `fw-${path.replaceAll('.', '-')}`;

export function messageOf(issue: z.core.$ZodIssue, t: Errors): string {
  if (issue.code === 'too_big')
    return issue.origin === 'array' ? t.tooMany(String(issue.maximum)) : t.tooLong(String(issue.maximum));
  return t.required;
}

export function createFormState<T>(
  schema: z.ZodType,
  initial: T,
  errorTexts: () => Errors,
  /** the body the values make, as the server will parse it */
  toBody: (values: T) => unknown = (values) => values,
) {
  const [values, setValues] = createSignal<T>(initial);
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [tried, setTried] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<Record<string, string>>({});

  const errors = (): Record<string, string> => {
    const out: Record<string, string> = {};
    const result = schema.safeParse(toBody(values()));
    if (!result.success)
      for (const issue of result.error.issues) {
        const path = issue.path.join('.');
        out[path] ??= messageOf(issue, errorTexts());
      }
    return { ...out, ...serverErrors() };
  };
  return {
    values,
    set(next: T, path?: string) {
      setValues(() => next);
      if (path && serverErrors()[path]) {
        const { [path]: _, ...rest } = serverErrors();
        setServerErrors(rest);
      }
    },
    errors,
    shown: (path: string) => (tried() || touched().has(path) ? errors()[path] : undefined),
    /** left for the submit button: the message would move the button under the pointer */
    leave(path: string, ev: FocusEvent) {
      if ((ev.relatedTarget as HTMLElement | null)?.getAttribute('type') === 'submit') return;
      setTouched(new Set([...touched(), path]));
    },
    /** Marks the form as tried; the first field in error gets the focus. Returns whether it is valid. */
    check(): boolean {
      setTried(true);
      const first = Object.keys(errors())[0];
      if (first === undefined) return true;
      document.getElementById(fieldId(first))?.focus();
      return false;
    },
    /** The server's refusal, by field path, in its own words. */
    setServerErrors(issues: readonly { path: string; message: string }[]) {
      setServerErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
    },
  };
}
export type FormState<T> = ReturnType<typeof createFormState<T>>;
