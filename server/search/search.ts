/**
 * Search over the projects and milestones a user may see (SQLite FTS5, accent-insensitive).
 * The user's words become prefix terms that must all match; nothing they type is passed to
 * FTS5 as syntax. Archived projects are found too, after the current ones, and marked.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { visibleProjectsWhere } from '../auth/visibility.ts';
import type { ServiceDeps } from '../deps.ts';

export interface SearchHit {
  kind: 'project' | 'milestone';
  id: string;
  projectId: string;
  projectTitle: string;
  title: string;
  /** a short excerpt, split into parts; `match` marks the words that matched */
  snippet: { text: string; match: boolean }[];
  /** the project is archived: still found by those who could see it, marked as such */
  archived: boolean;
}

const START = '\u0002';
const END = '\u0003';

export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' AND ');
}

export function splitSnippet(snippet: string): SearchHit['snippet'] {
  const parts: SearchHit['snippet'] = [];
  for (const [i, chunk] of snippet.split(START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, match: false });
      continue;
    }
    const [matched = '', rest = ''] = chunk.split(END);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

export async function searchProjects(
  deps: ServiceDeps,
  actor: Actor,
  q: string,
  limit = 20,
): Promise<SearchHit[]> {
  const match = toFtsQuery(q);
  if (!match) return [];
  const visible = visibleProjectsWhere(deps.db, actor, sql`s.project_id`) ?? sql`1 = 1`;
  const rows = await deps.db.all<{
    kind: 'project' | 'milestone';
    entity_id: string;
    project_id: string;
    project_title: string;
    title: string;
    snippet: string;
    archived: number;
  }>(sql`
    SELECT s.kind, s.entity_id, s.project_id, p.title AS project_title, s.title,
           snippet(search_index, 4, ${START}, ${END}, '…', 16) AS snippet, p.archived
    FROM search_index s JOIN projects p ON p.id = s.project_id
    WHERE search_index MATCH ${match} AND ${visible}
    ORDER BY p.archived, bm25(search_index, 0, 0, 0, 4.0, 1.0)
    LIMIT ${Math.min(Math.max(limit, 1), 50)}`);
  return rows.map((r) => ({
    kind: r.kind,
    id: r.entity_id,
    projectId: r.project_id,
    projectTitle: r.project_title,
    title: r.title,
    snippet: splitSnippet(r.snippet ?? ''),
    archived: r.archived === 1,
  }));
}
