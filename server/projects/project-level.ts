/**
 * A project's level on its track (TRL-style), recorded by its lead or a cluster manager with a
 * short evidence note. Every change is a row of its history and an audit entry (from → to,
 * evidence); whoever sees the project sees its level.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ProjectLevel,
  ProjectLevelHistory,
  SetProjectLevelBody,
} from '../../shared/schemas/projects.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import type { Db } from '../db/client.ts';
import { frameworkLevels, projectLevelChanges, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { checkTrackLevel } from './project.rules.ts';

type ChangeRow = typeof projectLevelChanges.$inferSelect;

async function changesOf(db: Db, projectId: string) {
  return db
    .select({ change: projectLevelChanges, name: user.name })
    .from(projectLevelChanges)
    .innerJoin(user, eq(user.id, projectLevelChanges.setBy))
    .where(eq(projectLevelChanges.projectId, projectId))
    .orderBy(asc(projectLevelChanges.setAt), asc(projectLevelChanges.id));
}

const toLevel = (c: ChangeRow, name: string): ProjectLevel => ({
  level: c.level,
  evidence: c.evidence,
  setBy: { id: c.setBy, name },
  setAt: c.setAt.toISOString(),
});

/** The current level of a project the caller may already see (no access check here). */
export async function currentLevel(db: Db, projectId: string): Promise<ProjectLevel | null> {
  const [row] = await db
    .select({ change: projectLevelChanges, name: user.name })
    .from(projectLevelChanges)
    .innerJoin(user, eq(user.id, projectLevelChanges.setBy))
    .where(eq(projectLevelChanges.projectId, projectId))
    .orderBy(desc(projectLevelChanges.setAt), desc(projectLevelChanges.id))
    .limit(1);
  return row ? toLevel(row.change, row.name) : null;
}

/** The current level of each of these projects (already filtered to what the caller sees). */
export async function currentLevels(db: Db, projectIds: string[]): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  if (projectIds.length === 0) return levels;
  const rows = await db
    .select({ projectId: projectLevelChanges.projectId, level: projectLevelChanges.level })
    .from(projectLevelChanges)
    .where(inArray(projectLevelChanges.projectId, projectIds))
    .orderBy(asc(projectLevelChanges.setAt), asc(projectLevelChanges.id));
  // oldest first: the last one written for a project is its current level
  for (const r of rows) levels.set(r.projectId, r.level);
  return levels;
}

export async function projectLevelHistory(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
): Promise<ProjectLevelHistory> {
  await requireProjectAction(deps, actor, projectId, 'project.view');
  const rows = await changesOf(deps.db, projectId);
  const changes = rows.map((r) => ({ ...toLevel(r.change, r.name), from: r.change.fromLevel }));
  const last = rows.at(-1);
  return { current: last ? toLevel(last.change, last.name) : null, changes };
}

export async function setProjectLevel(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof SetProjectLevelBody>,
): Promise<ProjectLevelHistory> {
  const { db } = deps;
  const { project } = await requireProjectAction(deps, actor, projectId, 'project.set_level');
  const levels = await db
    .select({ level: frameworkLevels.level })
    .from(frameworkLevels)
    .where(eq(frameworkLevels.frameworkId, project.frameworkId));
  checkTrackLevel(
    input.level,
    levels.map((l) => l.level),
  );
  const before = await currentLevel(db, projectId);
  if (before && before.level === input.level && before.evidence === input.evidence)
    throw new AppError('conflict', `The project is already at level ${input.level} with this evidence`);
  const now = deps.clock();
  const id = crypto.randomUUID();
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(
      db.insert(projectLevelChanges).values({
        id,
        projectId,
        fromLevel: before?.level ?? null,
        level: input.level,
        evidence: input.evidence,
        setBy: actor.id,
        setAt: now,
      }),
    )
    .audit({
      entity: 'project',
      entityId: projectId,
      action: 'update',
      field: 'level',
      before: before ? { level: before.level, evidence: before.evidence } : null,
      after: { level: input.level, evidence: input.evidence },
    })
    .emit('project.changed', { projectId })
    .activity('project.view')
    .commit();
  return projectLevelHistory(deps, actor, projectId);
}
