/** A project's activity feed, read from the audit trail (members who may see the audit only). */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { auditEvents, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ActivityQuery {
  entityId?: string;
  actorId?: string;
  before?: number;
  limit?: number;
}

export async function projectActivity(deps: ServiceDeps, actor: Actor, projectId: string, q: ActivityQuery) {
  await requireProjectAction(deps, actor, projectId, 'audit.view');
  const rows = await deps.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.projectId, projectId),
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
        q.before ? lt(auditEvents.seq, q.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(Math.min(q.limit ?? 50, 200));
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const names = new Map(
    (ids.length
      ? await deps.db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids))
      : []
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actorId ? { id: r.actorId, name: names.get(r.actorId) ?? '—' } : null,
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    field: r.field,
    before: r.before ?? null,
    after: r.after ?? null,
    reason: r.reason,
  }));
}
