/** The mentors directory, filtered by expertise, language, availability and a search in both languages. */
import type { z } from 'zod';
import type { Mentor, MentorQuery } from '../../shared/directory.ts';
import { focusAreaLabels } from '../../shared/vocabularies.ts';
import type { ServiceDeps } from '../deps.ts';
import { foldText } from '../organisations/directory.rules.ts';
import { loadMentors } from './mentor-view.ts';

export async function listMentors(deps: ServiceDeps, query: z.output<typeof MentorQuery>): Promise<Mentor[]> {
  const words = query.q ? foldText(query.q).split(/\s+/).filter(Boolean) : [];
  return (await loadMentors(deps.db)).filter((m) => {
    if (query.expertise && !m.expertise.includes(query.expertise)) return false;
    if (query.language && !m.languages.includes(query.language)) return false;
    if (query.available === 'true' && m.availability === 'unavailable') return false;
    if (words.length === 0) return true;
    const haystack = foldText(
      [
        m.name,
        m.headline.en,
        m.headline.fr,
        m.bio.en,
        m.bio.fr,
        m.organisation?.name ?? '',
        ...m.expertise.flatMap((e) => [focusAreaLabels[e].en, focusAreaLabels[e].fr]),
      ].join(' '),
    );
    return words.every((w) => haystack.includes(w));
  });
}
