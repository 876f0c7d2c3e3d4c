/**
 * A member or mentor comments on a milestone, or replies in a thread. A reply takes its
 * thread's visibility; mentions must name project members. Audited, then announced live.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Comment, CreateCommentBody } from '../../shared/schemas/comments.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { comments, milestones, projectMembers } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { commentNotifications } from '../notifications/sources.ts';
import { toComments } from './comment-view.ts';
import { commentReadableWith } from './comments.rules.ts';

export async function createComment(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof CreateCommentBody>,
): Promise<Comment> {
  const { db } = deps;
  await requireProjectAction(deps, actor, projectId, 'comment.write');
  const [milestone] = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(and(eq(milestones.id, input.milestoneId), eq(milestones.projectId, projectId)))
    .limit(1);
  if (!milestone) throw new AppError('invalid_input', 'No such milestone in this project');

  let visibility = input.visibility;
  if (input.parentId) {
    const [parent] = await db.select().from(comments).where(eq(comments.id, input.parentId)).limit(1);
    if (
      !parent ||
      parent.projectId !== projectId ||
      parent.milestoneId !== input.milestoneId ||
      parent.parentId
    )
      throw new AppError('invalid_input', 'Replies go to a thread of the same milestone');
    visibility = parent.visibility as typeof visibility;
  }
  const mentions = [...new Set(input.mentions)];
  if (mentions.length) {
    const found = await db
      .select({ id: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, mentions)));
    if (found.length !== mentions.length)
      throw new AppError('invalid_input', 'You can only mention members of this project');
  }

  const now = deps.clock();
  const row = {
    id: crypto.randomUUID(),
    projectId,
    milestoneId: input.milestoneId,
    parentId: input.parentId ?? null,
    authorId: actor.id,
    body: input.body,
    mentions,
    visibility,
    resolvedAt: null,
    resolvedBy: null,
    createdAt: now,
  };
  const [comment] = await toComments(db, [row]);
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(db.insert(comments).values(row))
    .audit({
      entity: 'comment',
      entityId: row.id,
      action: 'create',
      after: { milestoneId: row.milestoneId, parentId: row.parentId, body: row.body, visibility, mentions },
    })
    .notify(await commentNotifications(deps, actor, row))
    .activity(commentReadableWith(visibility))
    .emit('comment.changed', { comment: comment! })
    .commit();
  return comment!;
}
