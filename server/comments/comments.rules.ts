/** Who may read which comment: the visibility rule in one place, for REST and socket alike. */

import { type Action, can, type Role } from '../../shared/permissions.ts';
import type { CommentVisibility } from '../../shared/schemas/comments.ts';

/** The action reading a comment of this visibility needs: who may also see that it was written. */
export function commentReadableWith(visibility: CommentVisibility): Action {
  return visibility === 'partners' ? 'project.view' : 'comment.read_team';
}

export function mayReadComment(roles: Role[], visibility: CommentVisibility): boolean {
  return can(roles, 'project.view') && can(roles, commentReadableWith(visibility));
}

/** The visibilities a reader may see, for filtering queries. */
export function readableVisibilities(roles: Role[]): CommentVisibility[] {
  return (['team', 'partners'] as const).filter((v) => mayReadComment(roles, v));
}
