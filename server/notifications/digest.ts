/**
 * The weekly digest of one user: what changed on their projects during an ISO week, read from
 * the audit trail. Team members (and mentors, and the programme office) get milestones,
 * comments, gates, stage and readiness; observers get stage and readiness changes only: for
 * their projects the query itself asks for nothing else, so a team comment cannot leak into
 * an observer's digest by a rendering mistake.
 */
import { and, eq, gte, inArray, lt, or } from 'drizzle-orm';
import type { Locale, ProjectRole } from '../../shared/domain.ts';
import type { Digest } from '../../shared/notifications.ts';
import { can } from '../../shared/permissions.ts';
import { rolesOn, standingOf, visibleProjectsWhere } from '../auth/visibility.ts';
import {
  auditEvents,
  milestones,
  projectMembers,
  projects,
  readinessDimensions,
  user,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { renderDigestHtml } from './digest-html.ts';
import type { Audience, DigestModel, DigestProject } from './digest-model.ts';
import { isoWeekOf, weekRange } from './iso-week.ts';
import { excerpt } from './sources.ts';

/** Entities and fields an observer's digest may hold: stage and readiness levels, nothing else. */
const observerEvents = or(
  and(eq(auditEvents.entity, 'project'), eq(auditEvents.field, 'stage')),
  and(eq(auditEvents.entity, 'readiness'), eq(auditEvents.field, 'level')),
  and(eq(auditEvents.entity, 'readiness'), eq(auditEvents.action, 'create')),
);
const teamEvents = or(
  observerEvents,
  eq(auditEvents.entity, 'milestone'),
  and(eq(auditEvents.entity, 'comment'), eq(auditEvents.action, 'create')),
  eq(auditEvents.entity, 'gate_review'),
  eq(auditEvents.entity, 'gate_decision'),
);

export async function buildDigest(deps: ServiceDeps, userId: string, week?: string): Promise<DigestModel> {
  const { db } = deps;
  const theWeek = week ?? isoWeekOf(deps.clock());
  const { from, to } = weekRange(theWeek);
  const [[u], reader, memberships] = await Promise.all([
    db.select({ name: user.name, locale: user.locale }).from(user).where(eq(user.id, userId)),
    standingOf(db, userId),
    db
      .select({ projectId: projectMembers.projectId, role: projectMembers.role })
      .from(projectMembers)
      .where(eq(projectMembers.userId, userId)),
  ]);
  if (!u) throw new AppError('not_found', 'No such user');
  const visible = await db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(visibleProjectsWhere(db, reader, projects.id))
    .orderBy(projects.title);
  const roleOn = new Map(memberships.map((m) => [m.projectId, m.role as ProjectRole]));
  const audienceOf = (projectId: string): Audience =>
    can(rolesOn(reader, roleOn.get(projectId) ?? null), 'comment.read_team') ? 'team' : 'observer';
  const ids = (a: Audience) => visible.filter((p) => audienceOf(p.id) === a).map((p) => p.id);
  const inWeek = and(gte(auditEvents.at, from), lt(auditEvents.at, to));
  const [teamRows, observerRows] = await Promise.all(
    (
      [
        ['team', teamEvents],
        ['observer', observerEvents],
      ] as const
    ).map(([audience, events]) => {
      const projectIds = ids(audience);
      return projectIds.length
        ? db
            .select()
            .from(auditEvents)
            .where(and(inArray(auditEvents.projectId, projectIds), inWeek, events))
            .orderBy(auditEvents.seq)
        : Promise.resolve([]);
    }),
  );
  const rows = [...teamRows!, ...observerRows!];
  const names = await namesOf(deps, rows);
  const sections = new Map<string, DigestProject>(
    visible.map((p) => [
      p.id,
      {
        id: p.id,
        title: p.title,
        audience: audienceOf(p.id),
        stage: [],
        readiness: [],
        milestones: [],
        comments: [],
        gates: [],
      },
    ]),
  );
  for (const r of rows) {
    const section = sections.get(r.projectId ?? '');
    if (!section) continue;
    const base = { at: r.at, by: r.actorId ? (names.people.get(r.actorId) ?? null) : null };
    const after = (r.after ?? {}) as Record<string, unknown>;
    const before = (r.before ?? {}) as Record<string, unknown>;
    if (r.entity === 'project' && r.field === 'stage')
      section.stage.push({ ...base, from: Number(r.before), to: Number(r.after) });
    else if (r.entity === 'readiness')
      section.readiness.push({
        ...base,
        dimension: r.entityId,
        from: r.action === 'create' ? null : numberOrNull(r.before),
        to: r.action === 'create' ? numberOrNull(after.level) : numberOrNull(r.after),
      });
    if (section.audience !== 'team') continue;
    if (r.entity === 'milestone') {
      const title = String(after.title ?? before.title ?? names.milestones.get(r.entityId) ?? '');
      if (r.action === 'create') section.milestones.push({ ...base, title, change: 'created' });
      else if (r.action === 'delete') section.milestones.push({ ...base, title, change: 'deleted' });
      else if (r.field === 'status')
        section.milestones.push({
          ...base,
          title: names.milestones.get(r.entityId) ?? '',
          change: 'status',
          from: String(r.before),
          to: String(r.after),
        });
    } else if (r.entity === 'comment')
      section.comments.push({
        ...base,
        milestone: names.milestones.get(String(after.milestoneId)) ?? '',
        excerpt: excerpt(String(after.body ?? '')),
      });
    else if (r.entity === 'gate_review' && r.action === 'create')
      section.gates.push({ ...base, change: 'requested' });
    else if (r.entity === 'gate_decision')
      section.gates.push({ ...base, change: 'decided', outcome: String(after.outcome ?? '') });
  }
  const changed = [...sections.values()].filter(
    (s) => s.stage.length + s.readiness.length + s.milestones.length + s.comments.length + s.gates.length > 0,
  );
  const locale: Locale = u.locale === 'fr' ? 'fr' : 'en';
  const dimensions = await db.select().from(readinessDimensions);
  return {
    week: theWeek,
    from,
    to,
    locale,
    userName: u.name,
    dimensionNames: new Map(dimensions.map((d) => [d.id, locale === 'fr' ? d.nameFr : d.nameEn])),
    projects: changed,
    changes: changed.reduce(
      (n, s) =>
        n + s.stage.length + s.readiness.length + s.milestones.length + s.comments.length + s.gates.length,
      0,
    ),
  };
}

export async function getDigest(deps: ServiceDeps, userId: string, week?: string): Promise<Digest> {
  const model = await buildDigest(deps, userId, week);
  const audiences = new Set(model.projects.map((p) => p.audience));
  return {
    week: model.week,
    from: model.from.toISOString(),
    to: model.to.toISOString(),
    locale: model.locale,
    audience: audiences.size === 2 ? 'mixed' : audiences.has('observer') ? 'observer' : 'team',
    projects: model.projects.length,
    changes: model.changes,
    html: renderDigestHtml(model, deps.publicUrl),
  };
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

async function namesOf(deps: ServiceDeps, rows: (typeof auditEvents.$inferSelect)[]) {
  const people = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const milestoneIds = new Set<string>();
  for (const r of rows) {
    if (r.entity === 'milestone') milestoneIds.add(r.entityId);
    if (r.entity === 'comment')
      milestoneIds.add(String((r.after as { milestoneId?: string } | null)?.milestoneId));
  }
  const [u, m] = await Promise.all([
    people.length
      ? deps.db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, people))
      : [],
    milestoneIds.size
      ? deps.db
          .select({ id: milestones.id, title: milestones.title })
          .from(milestones)
          .where(inArray(milestones.id, [...milestoneIds]))
      : [],
  ]);
  return {
    people: new Map(u.map((x) => [x.id, x.name])),
    milestones: new Map(m.map((x) => [x.id, x.title])),
  };
}
