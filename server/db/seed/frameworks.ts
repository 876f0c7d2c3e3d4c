/** Seeds the built-in maturation frameworks and readiness dimensions into an empty catalogue. */
import { count } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  frameworkLevels,
  frameworkStages,
  frameworks,
  gateCriteria,
  readinessDimensionLevels,
  readinessDimensions,
} from '../schema/index.ts';
import { commit, type Statement } from '../writer.ts';
import { readinessDimensions as dimensionData, frameworks as frameworkData } from './frameworks.data.ts';

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
  await commit(db, statements);
  return true;
}
