/** Who may read which comment: the visibility rule in one place, for REST and socket alike. */

import { can, type Role } from '../../shared/permissions.ts';
import type { CommentVisibility } from '../../shared/schemas/comments.ts';

export function mayReadComment(roles: Role[], visibility: CommentVisibility): boolean {
  if (!can(roles, 'project.view')) return false;
  return visibility === 'partners' || can(roles, 'comment.read_team');
}

/** The visibilities a reader may see, for filtering queries. */
export function readableVisibilities(roles: Role[]): CommentVisibility[] {
  return (['team', 'partners'] as const).filter((v) => mayReadComment(roles, v));
}
