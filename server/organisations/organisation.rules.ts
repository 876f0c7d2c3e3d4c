/**
 * What a cluster manager's change to an organisation writes and records: pure, so that the
 * columns, the audited differences and the refusal to deactivate are easy to test in a table.
 */
import type { z } from 'zod';
import type { CreateOrganisationBody, UpdateOrganisationBody } from '../../shared/schemas/organisations.ts';
import type { organisations } from '../db/schema/index.ts';

type Row = typeof organisations.$inferSelect;
type Fields = Omit<z.output<typeof UpdateOrganisationBody>, 'version'>;
export type NewOrganisation = z.output<typeof CreateOrganisationBody>;

/** The columns a set of fields writes (absent fields are left alone). */
export function organisationColumns(b: Fields): Partial<Row> {
  return {
    ...(b.name !== undefined && { name: b.name }),
    ...(b.slug !== undefined && { slug: b.slug }),
    ...(b.kind !== undefined && { kind: b.kind }),
    ...(b.founder !== undefined && { founder: b.founder }),
    ...(b.description !== undefined && { descriptionEn: b.description.en, descriptionFr: b.description.fr }),
    ...(b.website !== undefined && { website: b.website }),
    ...(b.focusAreas !== undefined && { focusAreas: b.focusAreas }),
  };
}

/** The organisation's own public fields, as the audit trail records them. */
export function publicFields(row: Row) {
  return {
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    founder: row.founder,
    description: { en: row.descriptionEn, fr: row.descriptionFr },
    website: row.website,
    focusAreas: row.focusAreas,
  };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields the change really changes, each with its value before and after. */
export function changedFields(row: Row, input: Fields): FieldChange[] {
  const before: Record<string, unknown> = publicFields(row);
  return Object.entries(input)
    .filter(([, after]) => after !== undefined)
    .filter(([field, after]) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after))
    .map(([field, after]) => ({ field, before: before[field] ?? null, after }));
}

/**
 * An organisation that leads an active project cannot be deactivated: the project would be led
 * by an organisation nobody can pick or find. The message names the projects to deal with first.
 */
export function leadsActiveProjectsRefusal(name: string, titles: string[]): string | null {
  if (titles.length === 0) return null;
  const shown = titles.slice(0, 3).map((t) => `«${t}»`);
  const more = titles.length > 3 ? ` and ${titles.length - 3} more` : '';
  return `${name} still leads ${titles.length === 1 ? 'an active project' : `${titles.length} active projects`} (${shown.join(', ')}${more}): archive ${titles.length === 1 ? 'it' : 'them'} or give ${titles.length === 1 ? 'it' : 'them'} another lead organisation first`;
}
