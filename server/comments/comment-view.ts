/** Reads comments into the shape of shared/schemas/comments.ts, with author and mention names. */
import { inArray } from 'drizzle-orm';
import type { Comment, CommentVisibility } from '../../shared/schemas/comments.ts';
import type { Db } from '../db/client.ts';
import { type comments, user } from '../db/schema/index.ts';

type Row = typeof comments.$inferSelect;

export async function toComments(db: Db, rows: Row[]): Promise<Comment[]> {
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.authorId);
    if (r.resolvedBy) ids.add(r.resolvedBy);
    for (const m of r.mentions) ids.add(m);
  }
  const people = ids.size
    ? await db
        .select({ id: user.id, name: user.name })
        .from(user)
        .where(inArray(user.id, [...ids]))
    : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  const person = (id: string) => ({ id, name: names.get(id) ?? '—' });
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    milestoneId: r.milestoneId,
    parentId: r.parentId,
    author: person(r.authorId),
    body: r.body,
    mentions: r.mentions.map(person),
    visibility: r.visibility as CommentVisibility,
    resolved: r.resolvedAt !== null,
    resolvedBy: r.resolvedBy ? person(r.resolvedBy) : null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
