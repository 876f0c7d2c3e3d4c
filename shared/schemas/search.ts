/** GET /api/search: its query and its hits. */
import { z } from 'zod';

export const SearchQuery = z.object({
  q: z.string().max(200),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

export const SearchHit = z.object({
  kind: z.enum(['project', 'milestone']),
  id: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  title: z.string(),
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
  /** the project is archived (read-only): found by those who could see it, after current ones */
  archived: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;
