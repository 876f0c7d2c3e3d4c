/**
 * Cluster managers change a framework by making its next version, and start a framework by
 * copying one. A version is never edited in place: projects and gate reviews keep the row they
 * were started or decided under, so their criteria do not move under them. Only the current
 * version may be the base of the next; a base made stale meanwhile is refused (409) and nothing
 * is written.
 */
import { and, eq, gt, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type {
  CopyFrameworkBody,
  Framework,
  NewFrameworkVersionBody,
} from '../../shared/schemas/frameworks.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  frameworkLevels,
  frameworkStages,
  frameworks,
  gateCriteria,
  gateReadinessThresholds,
  readinessDimensionLevels,
} from '../db/schema/index.ts';
import { BatchError } from '../db/write-connection.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { loadFrameworkCatalogue } from './catalogue.ts';
import {
  checkSameScope,
  type DimensionScale,
  lineageFromName,
  type PlannedCriterion,
  planCriteria,
  planThresholds,
  versionId,
} from './framework.rules.ts';

type FrameworkRow = typeof frameworks.$inferSelect;

async function loadVersion(deps: ServiceDeps, id: string) {
  const { db } = deps;
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  if (!row) throw notFound('Framework not found');
  const [levels, stages, criteria, thresholds] = await Promise.all([
    db.select().from(frameworkLevels).where(eq(frameworkLevels.frameworkId, id)),
    db.select().from(frameworkStages).where(eq(frameworkStages.frameworkId, id)),
    db.select().from(gateCriteria).where(eq(gateCriteria.frameworkId, id)).orderBy(gateCriteria.position),
    db.select().from(gateReadinessThresholds).where(eq(gateReadinessThresholds.frameworkId, id)),
  ]);
  return { row, levels, stages, criteria, thresholds };
}

/** Each readiness dimension with the levels its scale defines. */
async function dimensionScales(deps: ServiceDeps): Promise<DimensionScale[]> {
  const rows = await deps.db
    .select({ id: readinessDimensionLevels.dimensionId, level: readinessDimensionLevels.level })
    .from(readinessDimensionLevels);
  const scales = new Map<string, number[]>();
  for (const r of rows) scales.set(r.id, [...(scales.get(r.id) ?? []), r.level]);
  return [...scales].map(([id, levels]) => ({ id, levels }));
}

async function takenIds(deps: ServiceDeps): Promise<Set<string>> {
  const rows = await deps.db.select({ id: frameworks.id, lineage: frameworks.lineage }).from(frameworks);
  return new Set(rows.flatMap((r) => [r.id, r.lineage]));
}

export async function loadFramework(deps: ServiceDeps, id: string): Promise<Framework> {
  const found = (await loadFrameworkCatalogue(deps)).frameworks.find((f) => f.id === id);
  if (!found) throw notFound('Framework not found');
  return found;
}

const stale = (row: FrameworkRow) =>
  conflict(
    `Version ${row.version} of this framework is no longer the current one: someone saved a newer version meanwhile. Reload the framework, then make your change again`,
  );

/** The rows of a framework version: the framework, its levels, stages and criteria. */
function versionStatements(
  deps: ServiceDeps,
  row: typeof frameworks.$inferInsert,
  levels: (typeof frameworkLevels.$inferInsert)[],
  stages: (typeof frameworkStages.$inferInsert)[],
  criteria: (PlannedCriterion & { stageIndex: number })[],
  thresholds: { stageIndex: number; dimension: string; minLevel: number }[],
): Statement[] {
  const { db } = deps;
  const id = row.id;
  return [
    db.insert(frameworks).values(row),
    db.insert(frameworkLevels).values(levels.map((l) => ({ ...l, frameworkId: id }))),
    db.insert(frameworkStages).values(stages.map((s) => ({ ...s, frameworkId: id }))),
    ...(criteria.length
      ? [
          db.insert(gateCriteria).values(
            criteria.map((c) => ({
              id: `${id}:${c.key}`,
              frameworkId: id,
              stageIndex: c.stageIndex,
              key: c.key,
              kind: c.kind,
              textEn: c.textEn,
              textFr: c.textFr,
              position: c.position,
            })),
          ),
        ]
      : []),
    ...(thresholds.length
      ? [db.insert(gateReadinessThresholds).values(thresholds.map((t) => ({ ...t, frameworkId: id })))]
      : []),
  ];
}

/** Two saves of the same id at once: the primary key decides, and the loser hears why. */
async function commitOrConflict(changes: ChangeSet, onTaken: () => AppError) {
  try {
    await changes.commit();
  } catch (err) {
    if (err instanceof BatchError && /UNIQUE constraint failed: frameworks\.id/.test(err.message))
      throw onTaken();
    throw err;
  }
}

export async function createFrameworkVersion(
  deps: ServiceDeps,
  actor: Actor,
  baseId: string,
  input: NewFrameworkVersionBody,
): Promise<Framework> {
  requireClusterAction(deps, actor, 'framework.manage');
  const base = await loadVersion(deps, baseId);
  const { row } = base;
  const [newer] = await deps.db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.lineage, row.lineage), gt(frameworks.version, row.version)))
    .limit(1);
  if (newer) throw stale(row);
  checkSameScope(
    { levels: base.levels.map((l) => l.level), stages: base.stages.map((s) => s.stageIndex) },
    { levels: input.levels.map((l) => l.level), stages: input.stages.map((s) => s.index) },
  );

  const version = row.version + 1;
  const id = versionId(row.lineage, version, await takenIds(deps));
  const usedKeys = new Set(base.criteria.map((c) => c.key));
  const criteria: (PlannedCriterion & { stageIndex: number })[] = [];
  const retired: string[] = [];
  const scales = await dimensionScales(deps);
  const thresholds: { stageIndex: number; dimension: string; minLevel: number }[] = [];
  input.stages.forEach((edit, i) => {
    const kept = base.thresholds.filter((t) => t.stageIndex === edit.index);
    const planned = edit.thresholds
      ? planThresholds(edit.thresholds, scales, `stages.${i}.thresholds`)
      : kept.map((t) => ({ dimension: t.dimension, minLevel: t.minLevel }));
    thresholds.push(...planned.map((t) => ({ ...t, stageIndex: edit.index })));
  });
  input.stages.forEach((edit, i) => {
    const stage = base.stages.find((s) => s.stageIndex === edit.index)!;
    const planned = planCriteria(
      edit.index,
      stage.key,
      base.criteria,
      edit.criteria,
      usedKeys,
      `stages.${i}.criteria`,
    );
    criteria.push(...planned.criteria.map((c) => ({ ...c, stageIndex: edit.index })));
    retired.push(...planned.retired);
  });

  const now = deps.clock();
  const newer2 = alias(frameworks, 'newer');
  const changes = new ChangeSet(deps, { at: now, actor, projectId: null })
    // Changes no value; it changes no row (and the whole save is off) once a newer version exists.
    .guarded(
      deps.db
        .update(frameworks)
        .set({ version: row.version })
        .where(
          and(
            eq(frameworks.id, row.id),
            notExists(
              deps.db
                .select({ id: newer2.id })
                .from(newer2)
                .where(and(eq(newer2.lineage, row.lineage), gt(newer2.version, row.version))),
            ),
          ),
        ),
      stale(row).message,
    )
    .write(
      ...versionStatements(
        deps,
        {
          id,
          nameEn: input.name.en,
          nameFr: input.name.fr,
          descriptionEn: input.description.en,
          descriptionFr: input.description.fr,
          builtIn: row.builtIn,
          lineage: row.lineage,
          version,
          changeNote: input.changeNote,
          createdBy: actor.id,
          createdAt: now,
        },
        input.levels.map((l) => ({
          frameworkId: id,
          level: l.level,
          titleEn: l.title.en,
          titleFr: l.title.fr,
          descriptionEn: l.description.en,
          descriptionFr: l.description.fr,
        })),
        input.stages.map((s) => {
          const b = base.stages.find((x) => x.stageIndex === s.index)!;
          return {
            ...b,
            frameworkId: id,
            nameEn: s.name.en,
            nameFr: s.name.fr,
            gateNameEn: s.gateName.en,
            gateNameFr: s.gateName.fr,
          };
        }),
        criteria,
        thresholds,
      ),
    )
    .audit({
      entity: 'framework',
      entityId: id,
      action: 'create',
      before: { id: row.id, version: row.version },
      after: {
        lineage: row.lineage,
        version,
        name: input.name,
        changeNote: input.changeNote,
        added: criteria.filter((c) => c.change === 'added').map((c) => c.key),
        edited: criteria.filter((c) => c.change === 'edited').map((c) => c.key),
        retired,
        thresholds: thresholdsChange(base.thresholds, thresholds),
      },
    });
  await commitOrConflict(changes, () => stale(row));
  deps.log.info({ frameworkId: id, base: row.id, by: actor.id }, 'framework version created');
  return loadFramework(deps, id);
}

export async function copyFramework(
  deps: ServiceDeps,
  actor: Actor,
  input: CopyFrameworkBody,
): Promise<Framework> {
  requireClusterAction(deps, actor, 'framework.manage');
  const source = await loadVersion(deps, input.from);
  const id = lineageFromName(input.name.en, await takenIds(deps));
  const now = deps.clock();
  const changeNote = `Copied from ${source.row.nameEn}, version ${source.row.version}`;
  const changes = new ChangeSet(deps, { at: now, actor, projectId: null })
    .write(
      ...versionStatements(
        deps,
        {
          id,
          nameEn: input.name.en,
          nameFr: input.name.fr,
          descriptionEn: input.description.en,
          descriptionFr: input.description.fr,
          builtIn: false,
          lineage: id,
          version: 1,
          changeNote,
          createdBy: actor.id,
          createdAt: now,
        },
        source.levels,
        source.stages,
        source.criteria.map((c) => ({
          key: c.key,
          stageIndex: c.stageIndex,
          kind: c.kind as 'must' | 'should',
          textEn: c.textEn,
          textFr: c.textFr,
          position: c.position,
          change: 'kept',
        })),
        source.thresholds.map((t) => ({
          stageIndex: t.stageIndex,
          dimension: t.dimension,
          minLevel: t.minLevel,
        })),
      ),
    )
    .audit({
      entity: 'framework',
      entityId: id,
      action: 'create',
      after: { lineage: id, version: 1, name: input.name, copiedFrom: source.row.id, changeNote },
    });
  await commitOrConflict(
    changes,
    () => new AppError('conflict', 'Another framework was just created with this name: choose another name'),
  );
  deps.log.info({ frameworkId: id, from: source.row.id, by: actor.id }, 'framework copied');
  return loadFramework(deps, id);
}

type Threshold = { stageIndex: number; dimension: string; minLevel: number };

/** The thresholds that differ from the base, for the audit entry: `stage:dimension` → from/to. */
function thresholdsChange(before: readonly Threshold[], after: readonly Threshold[]) {
  const key = (t: Threshold) => `${t.stageIndex}:${t.dimension}`;
  const was = new Map(before.map((t) => [key(t), t.minLevel]));
  const now = new Map(after.map((t) => [key(t), t.minLevel]));
  const changed: Record<string, { from: number | null; to: number | null }> = {};
  for (const k of new Set([...was.keys(), ...now.keys()]))
    if (was.get(k) !== now.get(k)) changed[k] = { from: was.get(k) ?? null, to: now.get(k) ?? null };
  return changed;
}
