/** How the directory matches a search and a filter: pure, so it is easy to test in a table. */

import type { DirectoryQuery, FocusArea } from '../../shared/directory.ts';
import type { OrganisationKind } from '../../shared/domain.ts';
import type { Organisation } from '../../shared/schemas/organisations.ts';
import { directoryCategories, focusAreaLabels } from '../../shared/vocabularies.ts';

/** Lower case without accents, so that "therapie" finds "thérapie" and "Bicetre" "Bicêtre". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const labelsOf = (areas: string[]) =>
  areas.flatMap((a) => {
    const label = focusAreaLabels[a as FocusArea];
    return label ? [label.en, label.fr] : [a];
  });

/** Every word of the query must appear in the name, a description or a focus label (FR or EN). */
export function matchesDirectory(org: Organisation, query: DirectoryQuery): boolean {
  if (query.kind && org.kind !== query.kind) return false;
  if (query.category) {
    if (query.category === 'founders') {
      if (!org.founder) return false;
    } else if (!(directoryCategories[query.category] as readonly OrganisationKind[]).includes(org.kind))
      return false;
  }
  if (query.focus && !org.focusAreas.includes(query.focus)) return false;
  const words = query.q ? foldText(query.q).split(/\s+/).filter(Boolean) : [];
  if (words.length === 0) return true;
  const haystack = foldText(
    [org.name, org.description.en, org.description.fr, ...labelsOf(org.focusAreas)].join(' '),
  );
  return words.every((w) => haystack.includes(w));
}
