/**
 * The milestone scan: a milestone that turns overdue (due date passed, not done) or at risk
 * (its status set to `at_risk`) notifies its owner and the project's leads, once per turn.
 *
 * The scan compares the projected `milestones` rows with `milestone_alerts`, the state it left
 * last time. A milestone that leaves the condition (done, re-dated, back on track) is marked
 * inactive; when it enters it again, that is a new episode and a new notification. Running the
 * scan twice changes nothing the second time; two nodes scanning at once write the same episode
 * and the notifications' dedupe key keeps one.
 */
import { and, eq, inArray, isNotNull, lt, ne, or } from 'drizzle-orm';
import type { NotificationType } from '../../shared/notifications.ts';
import { milestoneAlerts, milestones, projectMembers, projects } from '../db/schema/index.ts';
import { commit, type Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { type NotificationDraft, prepareNotifications } from './notify.ts';

type AlertKind = 'overdue' | 'at_risk';
const typeOf: Record<AlertKind, NotificationType> = {
  overdue: 'milestone_overdue',
  at_risk: 'milestone_at_risk',
};

/** Scans every project, or only `projectIds`; returns how many notifications it wrote. */
export async function scanMilestoneAlerts(deps: ServiceDeps, projectIds?: string[]): Promise<number> {
  const { db } = deps;
  if (projectIds?.length === 0) return 0;
  const today = deps.clock().toISOString().slice(0, 10);
  const inScope = projectIds ? inArray(milestones.projectId, projectIds) : undefined;
  const [flagged, states] = await Promise.all([
    db
      .select({
        id: milestones.id,
        projectId: milestones.projectId,
        title: milestones.title,
        ownerId: milestones.ownerId,
        due: milestones.due,
        status: milestones.status,
        updatedBy: milestones.updatedBy,
        projectTitle: projects.title,
      })
      .from(milestones)
      .innerJoin(projects, eq(projects.id, milestones.projectId))
      .where(
        and(
          inScope,
          eq(projects.archived, false),
          or(
            and(ne(milestones.status, 'done'), isNotNull(milestones.due), lt(milestones.due, today)),
            eq(milestones.status, 'at_risk'),
          ),
        ),
      ),
    db
      .select()
      .from(milestoneAlerts)
      .where(projectIds ? inArray(milestoneAlerts.projectId, projectIds) : undefined),
  ]);

  const now = deps.clock();
  const stateOf = new Map(states.map((s) => [`${s.milestoneId} ${s.kind}`, s]));
  const activeNow = new Set<string>();
  const statements: Statement[] = [];
  const turned: { milestone: (typeof flagged)[number]; kind: AlertKind; episode: number }[] = [];
  for (const m of flagged) {
    const kinds: AlertKind[] = [];
    if (m.status !== 'done' && m.due && m.due < today) kinds.push('overdue');
    if (m.status === 'at_risk') kinds.push('at_risk');
    for (const kind of kinds) {
      const key = `${m.id} ${kind}`;
      activeNow.add(key);
      const state = stateOf.get(key);
      if (state?.active) continue;
      const episode = (state?.episode ?? 0) + 1;
      turned.push({ milestone: m, kind, episode });
      statements.push(
        db
          .insert(milestoneAlerts)
          .values({ milestoneId: m.id, kind, projectId: m.projectId, active: true, episode, changedAt: now })
          .onConflictDoUpdate({
            target: [milestoneAlerts.milestoneId, milestoneAlerts.kind],
            set: { active: true, episode, changedAt: now },
          }),
      );
    }
  }
  for (const s of states)
    if (s.active && !activeNow.has(`${s.milestoneId} ${s.kind}`))
      statements.push(
        db
          .update(milestoneAlerts)
          .set({ active: false, changedAt: now })
          .where(and(eq(milestoneAlerts.milestoneId, s.milestoneId), eq(milestoneAlerts.kind, s.kind))),
      );
  if (statements.length === 0) return 0;

  const leads = await leadsOf(deps, [...new Set(turned.map((t) => t.milestone.projectId))]);
  const drafts: NotificationDraft[] = turned.map(({ milestone: m, kind, episode }) => ({
    type: typeOf[kind],
    projectId: m.projectId,
    // Whoever marked it at risk knows; an overdue milestone is nobody's action.
    actorId: kind === 'at_risk' ? m.updatedBy : null,
    subject: { kind: 'milestone', id: m.id },
    payload: {
      projectTitle: m.projectTitle,
      milestone: { id: m.id, title: m.title },
      ...(m.due ? { due: m.due } : {}),
    },
    recipients: [...(m.ownerId ? [m.ownerId] : []), ...(leads.get(m.projectId) ?? [])],
    mayReceive: (roles) => roles.some((r) => r !== 'observer'),
    dedupeKey: `${kind}:${m.id}:${episode}`,
  }));
  // One preparation per draft: the same person may hear of several milestones of one project.
  const prepared = await Promise.all(drafts.map((d) => prepareNotifications(deps, [d])));
  await commit(db, [...statements, ...prepared.flatMap((p) => p.statements)]);
  for (const p of prepared) p.publish();
  return prepared.reduce((n, p) => n + p.rows.length, 0);
}

async function leadsOf(deps: ServiceDeps, projectIds: string[]): Promise<Map<string, string[]>> {
  const leads = new Map<string, string[]>();
  if (projectIds.length === 0) return leads;
  const rows = await deps.db
    .select({ projectId: projectMembers.projectId, userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(inArray(projectMembers.projectId, projectIds), eq(projectMembers.role, 'lead')));
  for (const r of rows) leads.set(r.projectId, [...(leads.get(r.projectId) ?? []), r.userId]);
  return leads;
}
