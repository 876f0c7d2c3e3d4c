/**
 * The project form's values and their checks with the server's own schemas
 * (shared/schemas/projects.ts), each failure told next to its field in the user's language.
 * The new-project page and the settings page share the card's part (title, summary, partners,
 * directory listing); only a new project has a track, a stage, a lead organisation and first
 * members.
 */
import type { PartnerRole, ProjectRole } from '../../../shared/domain.ts';
import {
  CreateProjectBody,
  type ProjectDetail,
  UpdateProjectBody,
} from '../../../shared/schemas/projects.ts';
import type { Messages } from '../../i18n/messages.ts';

export interface PartnerRow {
  organisationId: string;
  role: PartnerRole;
}
export interface MemberRow {
  email: string;
  role: ProjectRole;
  /** for an address without an account: the organisation its account joins ('' for none) */
  organisationId: string;
}

export interface ProjectFormValues {
  title: string;
  summary: string;
  track: string;
  stage: number;
  leadOrganisationId: string;
  partners: PartnerRow[];
  listedInDirectory: boolean;
  members: MemberRow[];
}

/**
 * A field with its own message: `partners.2` and `members.0` name one row,
 * `members.0.organisation` that row's organisation.
 */
export type FieldKey = string;
export type FieldErrors = Record<FieldKey, string>;

export const emptyProject = (): ProjectFormValues => ({
  title: '',
  summary: '',
  track: '',
  stage: 0,
  leadOrganisationId: '',
  partners: [],
  listedInDirectory: false,
  members: [],
});

export const valuesOfProject = (p: ProjectDetail): ProjectFormValues => ({
  ...emptyProject(),
  title: p.title,
  summary: p.summary,
  track: p.track,
  stage: p.stage,
  leadOrganisationId: p.leadOrganisation.id,
  partners: p.partners.map((x) => ({ organisationId: x.organisation.id, role: x.role })),
  listedInDirectory: p.listedInDirectory,
});

export const createBodyOf = (v: ProjectFormValues) => ({
  title: v.title,
  summary: v.summary,
  track: v.track,
  stage: v.stage,
  leadOrganisationId: v.leadOrganisationId,
  partners: v.partners,
  listedInDirectory: v.listedInDirectory,
  members: v.members.map((m) => ({
    email: m.email.trim().toLowerCase(),
    role: m.role,
    ...(m.organisationId ? { organisationId: m.organisationId } : {}),
  })),
});

export const updateBodyOf = (v: ProjectFormValues) => ({
  title: v.title,
  summary: v.summary,
  partners: v.partners,
  listedInDirectory: v.listedInDirectory,
});

type Errors = Messages['projectSettings']['form']['errors'];

/** Where an issue of the schema lands on the form, and what it says there. */
function place(path: readonly PropertyKey[], e: Errors): [FieldKey, string] | null {
  const [head, index, leaf] = path;
  switch (head) {
    case 'title':
    case 'summary':
    case 'track':
    case 'stage':
    case 'leadOrganisationId':
      return [head, e[head === 'leadOrganisationId' ? 'leadOrganisation' : head]];
    case 'partners':
      return typeof index === 'number' ? [`partners.${index}`, e.partner] : ['partners', e.partner];
    case 'members':
      if (typeof index !== 'number') return ['members', e.members];
      return leaf === 'organisationId'
        ? [`members.${index}.organisation`, e.memberOrganisation]
        : [`members.${index}`, e.email];
    default:
      return null;
  }
}

/** The rows a list refinement blames: the later of two partners, or of two addresses, alike. */
function duplicates(keys: string[]): number[] {
  const seen = new Set<string>();
  const twice: number[] = [];
  keys.forEach((k, i) => {
    if (k && seen.has(k)) twice.push(i);
    seen.add(k);
  });
  return twice;
}

function collect(
  issues: readonly { path: readonly PropertyKey[] }[],
  v: ProjectFormValues,
  e: Errors,
  withMembers: boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const placed = place(issue.path, e);
    if (placed && !errors[placed[0]]) errors[placed[0]] = placed[1];
  }
  // The list-wide refusals (listed twice) are told on the row that repeats.
  if (errors.partners && v.partners.length <= 50) delete errors.partners;
  for (const i of duplicates(v.partners.map((p) => p.organisationId))) errors[`partners.${i}`] = e.partner;
  v.partners.forEach((p, i) => {
    if (p.organisationId && p.organisationId === v.leadOrganisationId) errors[`partners.${i}`] = e.partner;
  });
  if (withMembers) {
    if (errors.members && v.members.length <= 20) delete errors.members;
    for (const i of duplicates(v.members.map((m) => m.email.trim().toLowerCase())))
      errors[`members.${i}`] ??= e.duplicateEmail;
  }
  return errors;
}

export function validateNew(v: ProjectFormValues, e: Errors): FieldErrors {
  const result = CreateProjectBody.safeParse(createBodyOf(v));
  return collect(result.success ? [] : result.error.issues, v, e, true);
}

export function validateCard(v: ProjectFormValues, e: Errors): FieldErrors {
  const result = UpdateProjectBody.safeParse(updateBodyOf(v));
  return collect(result.success ? [] : result.error.issues, v, e, false);
}

/** The server named a field (a request that bypassed these checks): the form's key for it. */
export function fieldOfServerIssue(path: string): FieldKey | null {
  const parts = path.split('.');
  const [head, index, leaf] = parts;
  if (head === 'members' && index !== undefined && leaf === 'organisationId')
    return `members.${index}.organisation`;
  if (head === 'partners' || head === 'members') return index !== undefined ? `${head}.${index}` : head;
  if (head === 'leadOrganisationId') return head;
  return head && ['title', 'summary', 'track', 'stage'].includes(head) ? head : null;
}
