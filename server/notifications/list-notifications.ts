/**
 * A user's notifications, newest first, a page at a time, with the unread count; marking them
 * read. What the user may no longer read is hidden, by their roles now, not when it was sent:
 * notifications of a project they were removed from, and those about a team comment (with its
 * excerpt) once they are no longer on the team (demoted to observer).
 */
import { and, count, desc, eq, inArray, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { MarkReadBody, NotificationPage } from '../../shared/notifications.ts';
import type { Actor } from '../auth/actor.ts';
import { tokenProject } from '../auth/credential-limits.ts';
import { projectsWhereRolesAllow, visibleProjectsWhere } from '../auth/visibility.ts';
import { comments, notifications } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { toNotification } from './notification-view.ts';

const PAGE = 20;

function visibleTo(deps: ServiceDeps, actor: Actor): SQL {
  const visible = visibleProjectsWhere(deps.db, actor, notifications.projectId);
  // A token bound to one project reads that project's notifications, no others; otherwise a
  // notification about no project is the user's own to read.
  const project =
    tokenProject(actor) === null && visible ? or(isNull(notifications.projectId), visible) : visible;
  return and(eq(notifications.userId, actor.id), project, commentsReadableBy(deps, actor))!;
}

/**
 * Notifications about a comment only while the user may read that comment: a comment to the
 * partners, or a team comment where the user's roles read team comments (mayReadComment).
 */
function commentsReadableBy(deps: ServiceDeps, actor: Actor): SQL | undefined {
  const onTeamOf = projectsWhereRolesAllow(deps.db, actor, 'comment.read_team', comments.projectId);
  if (!onTeamOf) return undefined;
  const readable = deps.db
    .select({ id: comments.id })
    .from(comments)
    .where(or(eq(comments.visibility, 'partners'), onTeamOf));
  return or(ne(notifications.subjectKind, 'comment'), inArray(notifications.subjectId, readable))!;
}

async function unreadCount(deps: ServiceDeps, actor: Actor): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(visibleTo(deps, actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** `before` is the `nextBefore` of the previous page: `<created ms>_<id>`. */
function parseCursor(before: string | undefined): SQL | undefined {
  if (!before) return undefined;
  const match = /^(\d{1,15})_([\w-]{1,64})$/.exec(before);
  if (!match) throw new AppError('invalid_input', 'before: not a cursor from a previous page');
  const at = new Date(Number(match[1]));
  return or(
    lt(notifications.createdAt, at),
    and(eq(notifications.createdAt, at), lt(notifications.id, match[2]!)),
  );
}

export async function listNotifications(
  deps: ServiceDeps,
  actor: Actor,
  query: { unread?: '0' | '1'; before?: string; limit?: number },
): Promise<NotificationPage> {
  const limit = query.limit ?? PAGE;
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(
      and(
        visibleTo(deps, actor),
        query.unread === '1' ? isNull(notifications.readAt) : undefined,
        parseCursor(query.before),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    notifications: page.map(toNotification),
    unread: await unreadCount(deps, actor),
    nextBefore: rows.length > limit && last ? `${last.createdAt.getTime()}_${last.id}` : null,
  };
}

/** Marks the given notifications (only the caller's own) or all of them read. */
export async function markNotificationsRead(
  deps: ServiceDeps,
  actor: Actor,
  body: MarkReadBody,
): Promise<{ marked: number; unread: number }> {
  const target = and(
    eq(notifications.userId, actor.id),
    isNull(notifications.readAt),
    'ids' in body ? inArray(notifications.id, body.ids) : undefined,
  );
  const [before] = await deps.db.select({ n: count() }).from(notifications).where(target);
  await commit(deps.db, [deps.db.update(notifications).set({ readAt: deps.clock() }).where(target)]);
  return { marked: before?.n ?? 0, unread: await unreadCount(deps, actor) };
}
