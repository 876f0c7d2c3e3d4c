/** Comments on milestones: thin routes over the comment use cases. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  Comment,
  CommentListQuery,
  CreateCommentBody,
  UpdateCommentBody,
} from '../../shared/schemas/comments.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { createComment } from './create-comment.ts';
import { listComments } from './list-comments.ts';
import { setCommentResolved } from './resolve-comment.ts';

const CommentParams = IdParam.extend({ commentId: z.string().min(1).max(64) });

export function commentRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/comments',
        tags: ['comments'],
        summary: 'Comments you may read (observers see only those shared with partners)',
        request: { params: IdParam, query: CommentListQuery },
        responses: {
          200: json(z.object({ comments: z.array(Comment) }), 'Comments, oldest first'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          {
            comments: await listComments(
              deps,
              requireActor(c),
              c.req.valid('param').id,
              c.req.valid('query').milestoneId,
            ),
          },
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/comments',
        tags: ['comments'],
        summary: 'Comment on a milestone, or reply in a thread',
        request: { params: IdParam, ...jsonBody(CreateCommentBody) },
        responses: { 201: json(Comment, 'The comment'), ...errors },
      }),
      async (c) =>
        c.json(await createComment(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/projects/{id}/comments/{commentId}',
        tags: ['comments'],
        summary: 'Resolve or reopen a thread',
        request: { params: CommentParams, ...jsonBody(UpdateCommentBody) },
        responses: { 200: json(Comment, 'The thread'), ...errors },
      }),
      async (c) => {
        const { id, commentId } = c.req.valid('param');
        return c.json(
          await setCommentResolved(deps, requireActor(c), id, commentId, c.req.valid('json').resolved),
          200,
        );
      },
    );
}
