/** The comments of a project (or one milestone) that the reader may see. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Comment } from '../../shared/schemas/comments.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { comments } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { toComments } from './comment-view.ts';
import { readableVisibilities } from './comments.rules.ts';

export async function listComments(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  milestoneId?: string,
): Promise<Comment[]> {
  const { roles } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const rows = await deps.db
    .select()
    .from(comments)
    .where(
      and(
        eq(comments.projectId, projectId),
        milestoneId ? eq(comments.milestoneId, milestoneId) : undefined,
        // Observers never receive team comments: filtered in the query, not after it.
        inArray(comments.visibility, readableVisibilities(roles)),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return toComments(deps.db, rows);
}
