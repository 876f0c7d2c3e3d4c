/**
 * When a project last changed, as each viewer may see it: the portfolio's "Updated …" and its
 * order. Every change on a project (its live document's edits as projected, comments, gate
 * requests and decisions, service requests, members, invitations) moves the time of its
 * audience forward in the change's own batch; the card's own `updatedAt` counts for everyone.
 *
 * An audience is the action of the permission matrix that reading the change needs, so that a
 * change some viewers may not see (a team comment, an invitation) does not show its time to
 * them. A row whose audience is not a known action is shown to nobody: deny by default.
 */
import { inArray, sql } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { type Action, actions, can } from '../../shared/permissions.ts';
import type { Actor } from '../auth/actor.ts';
import { rolesOn } from '../auth/visibility.ts';
import type { Db } from '../db/client.ts';
import { projectActivity } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';

/** The statement that records a change `readableWith` reads, at `at` (never moving it back). */
export function activityStatement(db: Db, projectId: string, readableWith: Action, at: Date): Statement {
  return db
    .insert(projectActivity)
    .values({ projectId, readableWith, at })
    .onConflictDoUpdate({
      target: [projectActivity.projectId, projectActivity.readableWith],
      set: { at: sql`max(${projectActivity.at}, excluded.at)` },
    });
}

const known = new Set<string>(actions);

/**
 * The time each project last changed in a way this actor may see: the latest of its card's
 * `updatedAt` and of the activity its roles there allow to read.
 */
export async function lastActivity(
  db: Db,
  actor: Actor,
  seen: readonly { id: string; updatedAt: Date; memberRole: ProjectRole | null }[],
): Promise<Map<string, Date>> {
  const latest = new Map(seen.map((p) => [p.id, p.updatedAt]));
  if (seen.length === 0) return latest;
  const rows = await db
    .select()
    .from(projectActivity)
    .where(
      inArray(
        projectActivity.projectId,
        seen.map((p) => p.id),
      ),
    );
  const roles = new Map(seen.map((p) => [p.id, rolesOn(actor, p.memberRole)]));
  for (const row of rows) {
    if (!known.has(row.readableWith)) continue;
    if (!can(roles.get(row.projectId) ?? [], row.readableWith as Action)) continue;
    const before = latest.get(row.projectId);
    if (before && row.at > before) latest.set(row.projectId, row.at);
  }
  return latest;
}
