/** Resolves or reopens a thread (anyone who may comment on the project). */
import { eq } from 'drizzle-orm';
import type { Comment, CommentVisibility } from '../../shared/schemas/comments.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { comments } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { toComments } from './comment-view.ts';
import { commentReadableWith, mayReadComment } from './comments.rules.ts';

export async function setCommentResolved(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  commentId: string,
  resolved: boolean,
): Promise<Comment> {
  const { db } = deps;
  const { roles } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const [row] = await db.select().from(comments).where(eq(comments.id, commentId)).limit(1);
  if (!row || row.projectId !== projectId || !mayReadComment(roles, row.visibility as 'team' | 'partners'))
    throw new AppError('not_found', 'No such comment');
  await requireProjectAction(deps, actor, projectId, 'comment.write');
  if (row.parentId) throw new AppError('invalid_input', 'Resolve the thread, not a reply');
  const now = deps.clock();
  const next = { ...row, resolvedAt: resolved ? now : null, resolvedBy: resolved ? actor.id : null };
  const [comment] = await toComments(db, [next]);
  const changes = new ChangeSet(deps, { at: now, actor, projectId });
  if ((row.resolvedAt !== null) !== resolved)
    changes
      .write(
        db
          .update(comments)
          .set({ resolvedAt: next.resolvedAt, resolvedBy: next.resolvedBy })
          .where(eq(comments.id, commentId)),
      )
      .audit({
        entity: 'comment',
        entityId: commentId,
        action: 'update',
        field: 'resolved',
        before: row.resolvedAt !== null,
        after: resolved,
      })
      .activity(commentReadableWith(row.visibility as CommentVisibility));
  await changes.emit('comment.changed', { comment: comment! }).commit();
  return comment!;
}
