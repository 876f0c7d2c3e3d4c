/** /api/frameworks: the maturation frameworks and readiness dimensions, as stored data. */
import { createRoute } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { FrameworkCatalogue } from '../../shared/schemas/frameworks.ts';
import { requireClusterAction } from '../auth/access.ts';
import {
  frameworkLevels,
  frameworkStages,
  frameworks,
  gateCriteria,
  readinessDimensionLevels,
  readinessDimensions,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json } from '../http/router.ts';

export async function loadFrameworkCatalogue(deps: ServiceDeps): Promise<FrameworkCatalogue> {
  const { db } = deps;
  const [fw, levels, stages, criteria, dims, dimLevels] = await Promise.all([
    db.select().from(frameworks).orderBy(asc(frameworks.createdAt), asc(frameworks.id)),
    db.select().from(frameworkLevels).orderBy(asc(frameworkLevels.level)),
    db.select().from(frameworkStages).orderBy(asc(frameworkStages.stageIndex)),
    db.select().from(gateCriteria).orderBy(asc(gateCriteria.position)),
    db.select().from(readinessDimensions).orderBy(asc(readinessDimensions.position)),
    db.select().from(readinessDimensionLevels).orderBy(asc(readinessDimensionLevels.level)),
  ]);
  return {
    frameworks: fw.map((f) => ({
      id: f.id,
      lineage: f.lineage,
      version: f.version,
      current: !fw.some((g) => g.lineage === f.lineage && g.version > f.version),
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

export function frameworkRoutes(deps: ServiceDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/frameworks',
      tags: ['frameworks'],
      summary: 'Maturation frameworks (tracks, levels, stages, gate criteria) and readiness dimensions',
      responses: { 200: json(FrameworkCatalogue, 'The catalogue'), ...errors },
    }),
    async (c) => {
      requireClusterAction(deps, requireActor(c), 'framework.view');
      return c.json(await loadFrameworkCatalogue(deps), 200);
    },
  );
}
