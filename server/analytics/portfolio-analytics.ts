/**
 * The programme office's portfolio analytics: the rows read (projects, their stage and archive
 * changes and readiness changes from the audit trail, the signed gate decisions, the projected
 * milestones and readiness), then the figures of analytics-series.ts. Only cluster managers read
 * them: the aggregates cover confidential projects.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { AnalyticsQuery, PortfolioAnalytics } from '../../shared/schemas/analytics.ts';
import type { GateOutcome } from '../../shared/schemas/gates.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import {
  auditEvents,
  frameworks,
  gateDecisions,
  milestones,
  projects,
  readiness,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import {
  type LevelEvent,
  type MilestoneFacts,
  milestoneSlip,
  outcomesByQuarter,
  type ProjectFacts,
  readinessProgression,
  type StageEvent,
  stageDurations,
} from './analytics-series.ts';

const OUTCOMES = new Set<string>(['go', 'conditional_go', 'hold', 'recycle', 'kill']);

/**
 * When a done milestone was done: the earlier of the audit trail's record of the change to done
 * (stamped when the projection wrote it, a moment after the edit) and the row's last change
 * (stamped by the writer at the edit; later if the milestone was edited after being done).
 */
function doneAt(marked: Date | undefined, updated: Date | null): Date | null {
  if (marked && updated) return marked < updated ? marked : updated;
  return marked ?? updated ?? null;
}

export async function portfolioAnalytics(
  deps: ServiceDeps,
  actor: Actor,
  query: AnalyticsQuery,
): Promise<PortfolioAnalytics> {
  requireClusterAction(deps, actor, 'portfolio.analytics');
  const now = deps.clock();
  const db = deps.db;

  const tracks = await db
    .select({
      id: frameworks.id,
      lineage: frameworks.lineage,
      version: frameworks.version,
      en: frameworks.nameEn,
      fr: frameworks.nameFr,
    })
    .from(frameworks);
  const lineageOf = new Map(tracks.map((t) => [t.id, t.lineage || t.id]));
  const latest = new Map<string, (typeof tracks)[number]>();
  for (const t of tracks) {
    const lineage = t.lineage || t.id;
    if ((latest.get(lineage)?.version ?? 0) < t.version) latest.set(lineage, t);
  }
  // a track is named by any of its versions' ids or its lineage
  const track = query.track ? (lineageOf.get(query.track) ?? query.track) : null;

  const projectRows = (
    await db
      .select({
        id: projects.id,
        title: projects.title,
        frameworkId: projects.frameworkId,
        createdAt: projects.createdAt,
        archived: projects.archived,
        stage: projects.stage,
      })
      .from(projects)
  ).filter((p) => !track || lineageOf.get(p.frameworkId) === track);
  const facts: ProjectFacts[] = projectRows.map((p) => ({
    id: p.id,
    title: p.title,
    track: lineageOf.get(p.frameworkId) ?? p.frameworkId,
    createdAt: p.createdAt,
    archived: p.archived,
  }));
  const ids = facts.map((p) => p.id);
  const titles = new Map(facts.map((p) => [p.id, p.title]));

  const projectEvents = ids.length
    ? await db
        .select({
          entityId: auditEvents.entityId,
          at: auditEvents.at,
          action: auditEvents.action,
          field: auditEvents.field,
          after: auditEvents.after,
        })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entity, 'project'),
            inArray(auditEvents.entityId, ids),
            or(eq(auditEvents.action, 'create'), inArray(auditEvents.field, ['stage', 'archived'])),
          ),
        )
        .orderBy(asc(auditEvents.seq))
    : [];
  const stageEvents: StageEvent[] = [];
  const created = new Set<string>();
  const archivedAt = new Map<string, Date>();
  for (const e of projectEvents) {
    if (e.action === 'create') {
      const stage = (e.after as { stage?: unknown } | null)?.stage;
      stageEvents.push({ projectId: e.entityId, at: e.at, stage: typeof stage === 'number' ? stage : 0 });
      created.add(e.entityId);
    } else if (e.field === 'stage' && typeof e.after === 'number') {
      stageEvents.push({ projectId: e.entityId, at: e.at, stage: e.after });
    } else if (e.field === 'archived') {
      stageEvents.push({ projectId: e.entityId, at: e.at, archived: e.after === true });
      if (e.after === true) archivedAt.set(e.entityId, e.at);
      else archivedAt.delete(e.entityId);
    }
  }
  // a project whose creation the trail does not hold starts in its stage as it stands
  const stageNow = new Map(projectRows.map((p) => [p.id, p.stage]));
  for (const p of facts)
    if (!created.has(p.id))
      stageEvents.unshift({ projectId: p.id, at: p.createdAt, stage: stageNow.get(p.id) ?? 0 });

  const decisions = ids.length
    ? await db
        .select({ outcome: gateDecisions.outcome, at: gateDecisions.signedAt })
        .from(gateDecisions)
        .where(inArray(gateDecisions.projectId, ids))
    : [];

  const active = facts.filter((p) => !p.archived).map((p) => p.id);
  const milestoneRows = active.length
    ? await db
        .select({
          id: milestones.id,
          projectId: milestones.projectId,
          title: milestones.title,
          due: milestones.due,
          status: milestones.status,
          updatedAt: milestones.updatedAt,
        })
        .from(milestones)
        .where(inArray(milestones.projectId, active))
    : [];
  const doneEvents = active.length
    ? await db
        .select({ entityId: auditEvents.entityId, at: auditEvents.at, after: auditEvents.after })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entity, 'milestone'),
            eq(auditEvents.field, 'status'),
            inArray(auditEvents.projectId, active),
          ),
        )
        .orderBy(asc(auditEvents.seq))
    : [];
  const markedDone = new Map<string, Date>();
  for (const e of doneEvents) if (e.after === 'done') markedDone.set(e.entityId, e.at);
  const milestoneFacts: MilestoneFacts[] = milestoneRows.map((m) => ({
    id: m.id,
    projectId: m.projectId,
    title: m.title,
    due: m.due,
    done: m.status === 'done',
    doneAt: m.status === 'done' ? doneAt(markedDone.get(m.id), m.updatedAt) : null,
  }));

  const levelEvents: LevelEvent[] = ids.length
    ? (
        await db
          .select({
            projectId: auditEvents.projectId,
            dimension: auditEvents.entityId,
            at: auditEvents.at,
            before: auditEvents.before,
            after: auditEvents.after,
          })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.entity, 'readiness'),
              eq(auditEvents.field, 'level'),
              inArray(auditEvents.projectId, ids),
            ),
          )
          .orderBy(asc(auditEvents.seq))
      ).map((e) => ({ ...e, projectId: e.projectId ?? '' }))
    : [];
  const currentLevels = ids.length
    ? await db
        .select({ projectId: readiness.projectId, dimension: readiness.dimension, level: readiness.level })
        .from(readiness)
        .where(inArray(readiness.projectId, ids))
    : [];

  const usedTracks = [...new Set(facts.map((p) => p.track))].sort();
  return {
    at: now.toISOString(),
    projectCount: facts.length,
    tracks: usedTracks.map((id) => {
      const t = latest.get(id);
      return { id, name: { en: t?.en ?? id, fr: t?.fr ?? id } };
    }),
    stageDurations: stageDurations(facts, stageEvents, now),
    gateOutcomes: outcomesByQuarter(
      decisions
        .filter((d) => OUTCOMES.has(d.outcome))
        .map((d) => ({ outcome: d.outcome as GateOutcome, at: d.at })),
      now,
    ),
    milestones: milestoneSlip(milestoneFacts, titles, now),
    readiness: readinessProgression(facts, levelEvents, currentLevels, archivedAt, now),
  };
}
