/**
 * The organisation form's values, and their checks with the server's own schema
 * (shared/schemas/organisations.ts), each failure told next to its field in the user's language.
 */
import type { OrganisationKind } from '../../../../shared/domain.ts';
import { slugFromName } from '../../../../shared/organisation-identity.ts';
import {
  type AdminOrganisation,
  CreateOrganisationBody,
  DESCRIPTION_MAX,
} from '../../../../shared/schemas/organisations.ts';
import type { FocusArea } from '../../../../shared/vocabularies.ts';
import type { Messages } from '../../../i18n/messages.ts';

export interface FormValues {
  name: string;
  slug: string;
  kind: OrganisationKind | '';
  founder: boolean;
  website: string;
  descriptionEn: string;
  descriptionFr: string;
  focusAreas: FocusArea[];
}

export type FieldKey = 'name' | 'slug' | 'kind' | 'website' | 'descriptionEn' | 'descriptionFr';

export const emptyValues = (): FormValues => ({
  name: '',
  slug: '',
  kind: '',
  founder: false,
  website: '',
  descriptionEn: '',
  descriptionFr: '',
  focusAreas: [],
});

export const valuesOf = (o: AdminOrganisation): FormValues => ({
  name: o.name,
  slug: o.slug,
  kind: o.kind,
  founder: o.founder,
  website: o.website ?? '',
  descriptionEn: o.description.en,
  descriptionFr: o.description.fr,
  focusAreas: o.focusAreas as FocusArea[],
});

/** The body both the create and the update send (the update adds its version). */
export function bodyOf(v: FormValues) {
  return {
    name: v.name,
    slug: v.slug || slugFromName(v.name),
    kind: v.kind as OrganisationKind,
    founder: v.founder,
    website: v.website,
    description: { en: v.descriptionEn, fr: v.descriptionFr },
    focusAreas: v.focusAreas,
  };
}

const fieldOfPath = (path: readonly PropertyKey[]): FieldKey | null => {
  const [head, sub] = path;
  if (head === 'description') return sub === 'fr' ? 'descriptionFr' : 'descriptionEn';
  return head === 'name' || head === 'slug' || head === 'kind' || head === 'website' ? head : null;
};

/** One message per field that the server's schema would refuse. */
export function validate(
  v: FormValues,
  t: Messages['adminOrganisations']['form']['errors'],
): Partial<Record<FieldKey, string>> {
  const result = CreateOrganisationBody.safeParse(bodyOf(v));
  if (result.success) return {};
  const errors: Partial<Record<FieldKey, string>> = {};
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path);
    if (field && !errors[field]) errors[field] = messageFor(field, t);
  }
  return errors;
}

function messageFor(field: FieldKey, t: Messages['adminOrganisations']['form']['errors']): string {
  if (field === 'descriptionEn' || field === 'descriptionFr') return t.description(String(DESCRIPTION_MAX));
  return t[field];
}

/** The server named a field (a 400 from a request that bypassed these checks, or a 409 on the slug). */
export function fieldOfServerIssue(path: string): FieldKey | null {
  return fieldOfPath(path.split('.'));
}
