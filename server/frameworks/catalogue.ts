/** The catalogue as stored: every framework version with its levels, stages and criteria, and the readiness dimensions. */
import { asc } from 'drizzle-orm';
import type { FrameworkCatalogue } from '../../shared/schemas/frameworks.ts';
import {
  frameworkLevels,
  frameworkStages,
  frameworks,
  gateCriteria,
  gateReadinessThresholds,
  readinessDimensionLevels,
  readinessDimensions,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';

export async function loadFrameworkCatalogue(deps: ServiceDeps): Promise<FrameworkCatalogue> {
  const { db } = deps;
  const [fw, levels, stages, criteria, dims, dimLevels, thresholds] = await Promise.all([
    db.select().from(frameworks).orderBy(asc(frameworks.createdAt), asc(frameworks.id)),
    db.select().from(frameworkLevels).orderBy(asc(frameworkLevels.level)),
    db.select().from(frameworkStages).orderBy(asc(frameworkStages.stageIndex)),
    db.select().from(gateCriteria).orderBy(asc(gateCriteria.position)),
    db.select().from(readinessDimensions).orderBy(asc(readinessDimensions.position)),
    db.select().from(readinessDimensionLevels).orderBy(asc(readinessDimensionLevels.level)),
    db.select().from(gateReadinessThresholds),
  ]);
  const dimOrder = (id: string) => dims.findIndex((d) => d.id === id);
  return {
    frameworks: fw.map((f) => ({
      id: f.id,
      lineage: f.lineage,
      version: f.version,
      current: !fw.some((g) => g.lineage === f.lineage && g.version > f.version),
      createdAt: f.createdAt.toISOString(),
      name: { en: f.nameEn, fr: f.nameFr },
      description: { en: f.descriptionEn, fr: f.descriptionFr },
      levels: levels
        .filter((l) => l.frameworkId === f.id)
        .map((l) => ({
          level: l.level,
          title: { en: l.titleEn, fr: l.titleFr },
          description: { en: l.descriptionEn, fr: l.descriptionFr },
        })),
      stages: stages
        .filter((s) => s.frameworkId === f.id)
        .map((s) => ({
          index: s.stageIndex,
          key: s.key,
          name: { en: s.nameEn, fr: s.nameFr },
          minLevel: s.minLevel,
          maxLevel: s.maxLevel,
          gateName: { en: s.gateNameEn, fr: s.gateNameFr },
          criteria: criteria
            .filter((c) => c.frameworkId === f.id && c.stageIndex === s.stageIndex)
            .map((c) => ({
              id: c.id,
              key: c.key,
              kind: c.kind as 'must' | 'should',
              text: { en: c.textEn, fr: c.textFr },
            })),
          thresholds: thresholds
            .filter((t) => t.frameworkId === f.id && t.stageIndex === s.stageIndex)
            .sort((a, b) => dimOrder(a.dimension) - dimOrder(b.dimension))
            .map((t) => ({ dimension: t.dimension, minLevel: t.minLevel })),
        })),
    })),
    dimensions: dims.map((d) => ({
      id: d.id,
      name: { en: d.nameEn, fr: d.nameFr },
      description: { en: d.descriptionEn, fr: d.descriptionFr },
      levels: dimLevels
        .filter((l) => l.dimensionId === d.id)
        .map((l) => ({ level: l.level, text: { en: l.textEn, fr: l.textFr } })),
    })),
  };
}
