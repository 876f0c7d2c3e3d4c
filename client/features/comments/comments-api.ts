/** The REST calls of the comments on milestones. Types come from shared/ as types only. */
import type { Comment, CreateCommentBody } from '../../../shared/schemas/comments.ts';
import { request } from '../../api.ts';
import type { CommentsApi } from './comments-store.ts';

const enc = encodeURIComponent;
const base = (projectId: string) => `/api/projects/${enc(projectId)}/comments`;

export const commentsApi: CommentsApi = {
  comments: (projectId: string, milestoneId: string) =>
    request<{ comments: Comment[] }>('GET', `${base(projectId)}?milestoneId=${enc(milestoneId)}`).then(
      (r) => r.comments,
    ),
  createComment: (projectId: string, body: CreateCommentBody) =>
    request<Comment>('POST', base(projectId), body),
  setCommentResolved: (projectId: string, commentId: string, resolved: boolean) =>
    request<Comment>('PATCH', `${base(projectId)}/${enc(commentId)}`, { resolved }),
};
