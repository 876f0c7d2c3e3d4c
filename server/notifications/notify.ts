/**
 * Writing notifications. A use case builds its notifications before its write and hands them to
 * its change set (server/change-set.ts), which stores them in the same batch (so an action and
 * its notifications exist together or not at all) and publishes them live once committed:
 *
 *   changes.notify(await prepareNotifications(deps, [{ type, projectId, actorId, subject, payload, recipients }]));
 *   await changes.commit();
 *
 * Recipients are filtered here, in one place: never the actor; only people who may see the
 * project (members and cluster managers) or who handle the subject (`handlers`: a service's
 * team, for the requests it handles); only those `mayReceive` admits (e.g. observers never
 * hear of team comments); never someone who turned the type off; one notification per person
 * per preparation (the first draft naming them wins, so list the most specific first).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type {
  NotificationPayload,
  NotificationSubject,
  NotificationType,
} from '../../shared/notifications.ts';
import { can, type Role } from '../../shared/permissions.ts';
import { rolesOfPeopleOn } from '../auth/visibility.ts';
import { notificationPreferences, notifications } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { type NotificationRow, toNotification } from './notification-view.ts';

export interface NotificationDraft {
  type: NotificationType;
  projectId: string;
  /** who caused it: never notified of their own action */
  actorId: string | null;
  subject: NotificationSubject;
  payload: NotificationPayload;
  /** user ids; filtered as described above */
  recipients: readonly string[];
  /**
   * recipients who handle the subject without seeing the project (a service's handling team
   * hears of the requests it handles): admitted on that ground alone
   */
  handlers?: readonly string[];
  /** an extra condition on the recipient's roles on the project, beyond seeing it */
  mayReceive?: (roles: Role[]) => boolean;
  /** the role the same batch gives the recipients (they are not members yet when this is prepared) */
  roleGiven?: Role;
  /** the same key for the same user is stored once (see the notifications table) */
  dedupeKey?: string;
}

export interface PreparedNotifications {
  statements: Statement[];
  rows: NotificationRow[];
  /** after the commit: announces each stored notification on its recipient's sockets */
  publish(): void;
}

export async function prepareNotifications(
  deps: ServiceDeps,
  drafts: readonly NotificationDraft[],
): Promise<PreparedNotifications> {
  const rows: NotificationRow[] = [];
  /** the drafts whose recipients depend on their roles, with the rows made from each */
  const roleBound: { draft: NotificationDraft; rows: NotificationRow[] }[] = [];
  const now = deps.clock();
  const taken = new Set<string>();
  for (const draft of drafts) {
    const candidates = [...new Set(draft.recipients)].filter(
      (id) => id !== draft.actorId && !taken.has(`${draft.projectId} ${id}`),
    );
    const admitted = await admittedRecipients(deps, draft, candidates);
    const made: NotificationRow[] = [];
    if (draft.mayReceive) roleBound.push({ draft, rows: made });
    for (const userId of admitted) {
      taken.add(`${draft.projectId} ${userId}`);
      made.push({
        id: crypto.randomUUID(),
        userId,
        type: draft.type,
        projectId: draft.projectId,
        subjectKind: draft.subject.kind,
        subjectId: draft.subject.id,
        payload: draft.payload,
        dedupeKey: draft.dedupeKey ?? null,
        createdAt: now,
        readAt: null,
      });
    }
    rows.push(...made);
  }
  const statements: Statement[] = rows.length
    ? [deps.db.insert(notifications).values(rows).onConflictDoNothing()]
    : [];
  return {
    statements,
    rows,
    publish() {
      publishNotifications(deps, rows, roleBound).catch((err) =>
        deps.log.error({ err }, 'could not announce notifications'),
      );
    },
  };
}

async function admittedRecipients(
  deps: ServiceDeps,
  draft: NotificationDraft,
  candidates: string[],
): Promise<string[]> {
  if (candidates.length === 0) return [];
  const [roles, muted] = await Promise.all([
    rolesOfPeopleOn(deps.db, draft.projectId, candidates),
    deps.db
      .select({ userId: notificationPreferences.userId })
      .from(notificationPreferences)
      .where(
        and(
          inArray(notificationPreferences.userId, candidates),
          eq(notificationPreferences.key, draft.type),
          eq(notificationPreferences.enabled, false),
        ),
      ),
  ]);
  if (draft.roleGiven)
    for (const id of candidates) roles.set(id, [...(roles.get(id) ?? []), draft.roleGiven]);
  const mutedIds = new Set(muted.map((m) => m.userId));
  const handlers = new Set(draft.handlers ?? []);
  return candidates.filter((id) => {
    if (mutedIds.has(id)) return false;
    if (handlers.has(id)) return true;
    const r = roles.get(id) ?? [];
    return can(r, 'project.view') && (draft.mayReceive?.(r) ?? true);
  });
}

/**
 * Only rows that were stored are announced: with a dedupe key, a row another node already
 * wrote was ignored by the insert, and its recipient has heard of it from that node. A
 * recipient admitted for their roles is asked again: one whose role changed since (a member
 * demoted to observer) is not told live what the list no longer shows them.
 */
async function publishNotifications(
  deps: ServiceDeps,
  rows: NotificationRow[],
  roleBound: { draft: NotificationDraft; rows: NotificationRow[] }[],
): Promise<void> {
  let stored = rows;
  if (rows.some((r) => r.dedupeKey)) {
    const found = await deps.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.id),
        ),
      );
    const ids = new Set(found.map((f) => f.id));
    stored = rows.filter((r) => ids.has(r.id));
  }
  const withdrawn = new Set<NotificationRow>();
  for (const { draft, rows: made } of roleBound) {
    if (made.length === 0) continue;
    const still = new Set(
      await admittedRecipients(
        deps,
        { ...draft, roleGiven: undefined },
        made.map((r) => r.userId),
      ),
    );
    for (const row of made) if (!still.has(row.userId)) withdrawn.add(row);
  }
  for (const row of stored)
    if (!withdrawn.has(row))
      deps.events.emit('notification.created', { userId: row.userId, notification: toNotification(row) });
}
