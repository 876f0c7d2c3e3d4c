/**
 * Fills an empty project document from plain data (the demo cluster, imports, tests), in one
 * transaction, after validating all of it. Milestones keep the order of the list; they name
 * their dependencies by the `key` of another seed milestone or by its index in the list.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { DimensionId, ReadinessLevel } from '../domain.ts';
import { keysBetween } from './order.ts';
import { projectRoots } from './read.ts';
import { CriterionEvidence, CriterionId, EpochMs, LIMITS, parseOrThrow, UserId } from './shape.ts';
import { insertReadiness } from './write-maturation.ts';
import { insertMilestone, MilestoneInput } from './write-milestones.ts';

export const SeedMilestone = MilestoneInput.omit({ dependsOn: true }).extend({
  /** a name other seed milestones use in `dependsOnKeys` */
  key: z.string().min(1).max(200).optional(),
  dependsOnKeys: z.array(z.string()).max(LIMITS.dependencies).optional(),
  dependsOnIndexes: z.array(z.number().int().nonnegative()).max(LIMITS.dependencies).optional(),
  createdBy: UserId,
  createdAt: EpochMs.optional(),
});

export const SeedData = z.strictObject({
  milestones: z.array(SeedMilestone).optional(),
  readiness: z
    .partialRecord(
      DimensionId,
      z.strictObject({
        level: ReadinessLevel,
        evidence: z.string().max(LIMITS.readinessEvidence).optional(),
        updatedBy: UserId,
        updatedAt: EpochMs.optional(),
      }),
    )
    .optional(),
  criteria: z
    .record(
      CriterionId,
      z.strictObject({
        checked: z.boolean(),
        evidence: CriterionEvidence.optional(),
        checkedBy: UserId.nullable().optional(),
        checkedAt: EpochMs.nullable().optional(),
      }),
    )
    .optional(),
});
export type SeedData = z.input<typeof SeedData>;

/** Seeds an empty document; returns the new milestone ids by seed key (or by index when keyless). */
export function seedProjectDoc(doc: Y.Doc, data: SeedData, origin: unknown = null): Map<string, string> {
  const v = parseOrThrow(SeedData, data, 'seed data');
  const roots = projectRoots(doc);
  if (roots.milestones.size || roots.readiness.size || roots.criteria.size)
    throw new Error('Cannot seed a project document that already has content');

  const milestones = v.milestones ?? [];
  const ids = milestones.map(() => crypto.randomUUID());
  const keyed = new Map<string, string>();
  milestones.forEach((m, i) => {
    const key = m.key ?? String(i);
    if (keyed.has(key)) throw new Error(`Invalid seed data: two milestones have the key "${key}"`);
    keyed.set(key, ids[i]!);
  });
  const dependencies = milestones.map((m, i) => {
    const byKey = (m.dependsOnKeys ?? []).map((k) => {
      const id = keyed.get(k);
      if (!id) throw new Error(`Invalid seed data: milestone ${i} depends on unknown key "${k}"`);
      return id;
    });
    const byIndex = (m.dependsOnIndexes ?? []).map((n) => {
      const id = ids[n];
      if (!id) throw new Error(`Invalid seed data: milestone ${i} depends on index ${n}, out of range`);
      return id;
    });
    const all = [...new Set([...byKey, ...byIndex])];
    if (all.includes(ids[i]!)) throw new Error(`Invalid seed data: milestone ${i} depends on itself`);
    return all;
  });
  const orders = keysBetween(null, null, milestones.length);
  const now = Date.now();

  doc.transact(() => {
    milestones.forEach((m, i) => {
      insertMilestone(doc, ids[i]!, {
        title: m.title,
        description: m.description ?? '',
        owner: m.owner ?? null,
        due: m.due ?? null,
        status: m.status ?? 'planned',
        stage: m.stage ?? 0,
        dimension: m.dimension ?? null,
        dependsOn: dependencies[i]!,
        order: orders[i]!,
        createdBy: m.createdBy,
        createdAt: m.createdAt ?? now,
      });
    });
    for (const dimension of DimensionId.options) {
      const r = v.readiness?.[dimension];
      if (r)
        insertReadiness(doc, dimension, {
          level: r.level,
          evidence: r.evidence ?? '',
          updatedBy: r.updatedBy,
          updatedAt: r.updatedAt ?? now,
        });
    }
    for (const [id, c] of Object.entries(v.criteria ?? {})) {
      const e = roots.criteria.set(id, new Y.Map<unknown>());
      e.set('checked', c.checked);
      e.set('evidence', c.evidence ?? '');
      e.set('checkedBy', c.checked ? (c.checkedBy ?? null) : null);
      e.set('checkedAt', c.checked ? (c.checkedAt ?? now) : null);
    }
  }, origin);
  return keyed;
}
