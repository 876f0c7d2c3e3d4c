/** Seeds the built-in maturation frameworks and readiness dimensions into an empty catalogue. */
import { count } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  frameworkLevels,
  frameworkStages,
  frameworks,
  gateCriteria,
  gateReadinessThresholds,
  readinessDimensionLevels,
  readinessDimensions,
} from '../schema/index.ts';
import { commit, type Statement } from '../writer.ts';
import { readinessDimensions as dimensionData, frameworks as frameworkData } from './frameworks.data.ts';

/**
 * The readiness each built-in track expects before some of its gates: a programme office's
 * floor, not a rule of the sources (the committee still decides).
 */
const thresholdData: Record<string, Record<number, Record<string, number>>> = {
  therapeutics: {
    2: { technology: 4, ip: 2 },
    3: { ip: 3, regulatory: 4, manufacturing: 4 },
    4: { clinical_need: 6, regulatory: 6, manufacturing: 6 },
  },
  diagnostics: {
    2: { technology: 4 },
    3: { clinical_need: 5, regulatory: 4 },
  },
  device: {
    2: { technology: 4 },
    3: { regulatory: 4, manufacturing: 4 },
  },
};

export async function seedFrameworks(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(frameworks);
  if ((row?.n ?? 0) > 0) return false;
  const statements: Statement[] = [];
  frameworkData.forEach((f, i) => {
    statements.push(
      db.insert(frameworks).values({
        id: f.id,
        nameEn: f.name.en,
        nameFr: f.name.fr,
        descriptionEn: f.description.en,
        descriptionFr: f.description.fr,
        builtIn: true,
        lineage: f.id,
        // keeps the catalogue in the order it is written here
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      }),
      db.insert(frameworkLevels).values(
        f.levels.map((l) => ({
          frameworkId: f.id,
          level: l.level,
          titleEn: l.title.en,
          titleFr: l.title.fr,
          descriptionEn: l.description.en,
          descriptionFr: l.description.fr,
        })),
      ),
      db.insert(frameworkStages).values(
        f.stages.map((s) => ({
          frameworkId: f.id,
          stageIndex: s.index,
          key: s.key,
          nameEn: s.name.en,
          nameFr: s.name.fr,
          minLevel: s.minLevel,
          maxLevel: s.maxLevel,
          gateNameEn: s.gateName.en,
          gateNameFr: s.gateName.fr,
        })),
      ),
      db.insert(gateCriteria).values(
        f.stages.flatMap((s) =>
          s.criteria.map((c, position) => ({
            id: `${f.id}:${c.key}`,
            frameworkId: f.id,
            stageIndex: s.index,
            key: c.key,
            kind: c.kind,
            textEn: c.text.en,
            textFr: c.text.fr,
            position,
          })),
        ),
      ),
    );
  });
  dimensionData.forEach((d, position) => {
    statements.push(
      db.insert(readinessDimensions).values({
        id: d.id,
        nameEn: d.name.en,
        nameFr: d.name.fr,
        descriptionEn: d.description.en,
        descriptionFr: d.description.fr,
        position,
      }),
      db
        .insert(readinessDimensionLevels)
        .values(
          d.levels.map((l) => ({ dimensionId: d.id, level: l.level, textEn: l.text.en, textFr: l.text.fr })),
        ),
    );
  });
  // After the dimensions: a threshold names one.
  const thresholds = Object.entries(thresholdData).flatMap(([frameworkId, gates]) =>
    Object.entries(gates).flatMap(([stage, dims]) =>
      Object.entries(dims).map(([dimension, minLevel]) => ({
        frameworkId,
        stageIndex: Number(stage),
        dimension,
        minLevel,
      })),
    ),
  );
  statements.push(db.insert(gateReadinessThresholds).values(thresholds));
  await commit(db, statements);
  return true;
}
