/**
 * The hospitals' data-access request: what it must say beyond its form's field types. The
 * service's form carries the typed fields (so that the office can word their labels and the
 * client renders them like any form); these rules hold whatever the wording: the named
 * hospitals, a period that runs forward, a reference framework with its authorisation number
 * when it is a CNIL authorisation, the DPO's contact and a data management plan (text or link).
 */
import { z } from 'zod';

export const requestKinds = ['form', 'data_access'] as const;
export const RequestKind = z.enum(requestKinds);
export type RequestKind = z.infer<typeof RequestKind>;

/** The reference frameworks of the CNIL for health research, and an individual authorisation. */
export const referenceFrameworks = ['mr_001', 'mr_003', 'mr_004', 'mr_006', 'cnil_authorisation'] as const;

/** The keys the data-access form must carry, with their types. */
export const dataAccessKeys = {
  hospitals: 'multiselect',
  cohort_criteria: 'textarea',
  variables: 'textarea',
  period_from: 'date',
  period_to: 'date',
  legal_basis: 'select',
  reference_framework: 'select',
  authorisation_number: 'text',
  dpo_name: 'text',
  dpo_email: 'email',
  dmp_text: 'textarea',
  dmp_link: 'url',
} as const;

/** The core of a data-access request, as the rules below read it (after the form's own checks). */
const Core = z.object({
  hospitals: z.array(z.string()).min(1, 'name at least one hospital').max(7),
  period_from: z.iso.date('must be a date (YYYY-MM-DD)'),
  period_to: z.iso.date('must be a date (YYYY-MM-DD)'),
  reference_framework: z.enum(referenceFrameworks, 'must be one of the reference frameworks'),
  authorisation_number: z.string().optional(),
  dpo_name: z.string().min(1, 'is required'),
  dpo_email: z.email('must be an email address'),
  dmp_text: z.string().optional(),
  dmp_link: z.string().optional(),
});

export interface FieldIssue {
  field: string;
  message: string;
}

/** What a data-access request's answers break, one issue per field; none: it may be filed. */
export function dataAccessIssues(answers: Record<string, unknown>): FieldIssue[] {
  const parsed = Core.safeParse(answers);
  if (!parsed.success)
    return parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
  const a = parsed.data;
  const issues: FieldIssue[] = [];
  if (a.period_to < a.period_from)
    issues.push({ field: 'period_to', message: 'must not be before the start of the period' });
  if (a.reference_framework === 'cnil_authorisation' && !a.authorisation_number?.trim())
    issues.push({
      field: 'authorisation_number',
      message: 'is required with a CNIL authorisation (its number, e.g. DR-2025-123)',
    });
  if (!a.dmp_text?.trim() && !a.dmp_link?.trim())
    issues.push({ field: 'dmp_text', message: 'give the data management plan, as text or as a link' });
  if (new Set(a.hospitals).size !== a.hospitals.length)
    issues.push({ field: 'hospitals', message: 'names a hospital twice' });
  return issues;
}
