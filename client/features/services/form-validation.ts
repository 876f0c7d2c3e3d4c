/**
 * The request form on the client: raw field values from the inputs, turned into answers, and
 * checked with the same rules as the server's schema (shared/services.ts `answersSchema`), with
 * a message per field in the interface's language.
 */

import { findPatientData } from '../../../shared/patient-data.ts';
import type { Answer, Answers, FormField, RequestForm } from '../../../shared/services.ts';
import type { Messages } from '../../i18n/messages.ts';

/** What the inputs hold: text for most, a list for multiselect, a flag for confirm. */
export type RawValue = string | string[] | boolean;

export function emptyValue(field: FormField): RawValue {
  if (field.type === 'multiselect') return [];
  if (field.type === 'confirm') return false;
  return '';
}

const TEXT_MAX = { text: 500, textarea: 5000 } as const;

export function validateField(
  field: FormField,
  raw: RawValue,
  t: Messages['services']['form']['errors'],
): string | null {
  switch (field.type) {
    case 'confirm':
      return field.required && raw !== true ? t.confirm : null;
    case 'multiselect': {
      const list = raw as string[];
      return field.required && list.length === 0 ? t.chooseSome : null;
    }
    default: {
      const text = String(raw).trim();
      if (!text) return field.required ? (field.type === 'select' ? t.choose : t.required) : null;
      if (field.type === 'number') {
        const n = Number(text);
        if (!Number.isFinite(n)) return t.number;
        if (field.min !== undefined && n < field.min) return t.min(String(field.min));
        if (field.max !== undefined && n > field.max) return t.max(String(field.max));
      }
      if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return t.date;
      if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return t.email;
      if (field.type === 'url' && !/^https?:\/\/\S+$/.test(text)) return t.url;
      if (field.type === 'text' || field.type === 'textarea') {
        const max = field.max ?? TEXT_MAX[field.type];
        if (text.length > max) return t.tooLong(String(max));
        // The same rule as the server's: warned while typing, refused on sending.
        const found = findPatientData(text);
        if (found) return t.patientData[found.kind];
      }
      return null;
    }
  }
}

export function validateAnswers(
  form: RequestForm,
  values: Record<string, RawValue>,
  t: Messages['services']['form']['errors'],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of form) {
    const message = validateField(field, values[field.key] ?? emptyValue(field), t);
    if (message) errors[field.key] = message;
  }
  return errors;
}

/** The answers to send: blanks left out, numbers as numbers. */
export function toAnswers(form: RequestForm, values: Record<string, RawValue>): Answers {
  const answers: Answers = {};
  for (const field of form) {
    const raw = values[field.key] ?? emptyValue(field);
    let value: Answer | undefined;
    if (field.type === 'confirm') value = raw === true;
    else if (field.type === 'multiselect') value = (raw as string[]).length ? (raw as string[]) : undefined;
    else if (field.type === 'number') value = String(raw).trim() ? Number(raw) : undefined;
    else value = String(raw).trim() || undefined;
    if (value !== undefined && !(field.type === 'confirm' && !field.required && value === false))
      answers[field.key] = value;
  }
  return answers;
}

/** An answer as text, for reading a filed request. */
export function answerText(
  field: FormField | undefined,
  value: unknown,
  locale: 'en' | 'fr',
  yesNo: [string, string],
): string {
  const option = (v: unknown) => field?.options?.find((o) => o.value === v)?.label[locale] ?? String(v);
  if (Array.isArray(value)) return value.map(option).join(', ');
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (field?.type === 'select') return option(value);
  return String(value);
}
