/**
 * Cluster managers edit a readiness dimension's texts in place. Dimensions are shared by every
 * track and have no versions: a project's readiness is scored against the dimension's id and
 * level, so only the words change, and the audit trail keeps the words before and after.
 */
import { and, eq } from 'drizzle-orm';
import type { UpdateDimensionBody } from '../../shared/schemas/frameworks.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { readinessDimensionLevels, readinessDimensions } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError, notFound } from '../errors.ts';
import { loadFrameworkCatalogue } from './catalogue.ts';
import { checkSameScope } from './framework.rules.ts';

type DimensionView = Awaited<ReturnType<typeof loadFrameworkCatalogue>>['dimensions'][number];

export async function updateDimension(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: UpdateDimensionBody,
): Promise<DimensionView> {
  requireClusterAction(deps, actor, 'framework.manage');
  const { db } = deps;
  const before = (await loadFrameworkCatalogue(deps)).dimensions.find((d) => d.id === id);
  if (!before) throw notFound('Readiness dimension not found');
  try {
    checkSameScope(
      { levels: before.levels.map((l) => l.level), stages: [] },
      { levels: input.levels.map((l) => l.level), stages: [] },
    );
  } catch (err) {
    if (err instanceof AppError)
      throw new AppError(
        'invalid_input',
        'Give the text of every level of the dimension, and no other',
        err.issues,
      );
    throw err;
  }
  const after = { name: input.name, description: input.description, levels: input.levels };
  await new ChangeSet(deps, { at: deps.clock(), actor, projectId: null })
    .write(
      db
        .update(readinessDimensions)
        .set({
          nameEn: input.name.en,
          nameFr: input.name.fr,
          descriptionEn: input.description.en,
          descriptionFr: input.description.fr,
        })
        .where(eq(readinessDimensions.id, id)),
      ...input.levels.map((l) =>
        db
          .update(readinessDimensionLevels)
          .set({ textEn: l.text.en, textFr: l.text.fr })
          .where(
            and(eq(readinessDimensionLevels.dimensionId, id), eq(readinessDimensionLevels.level, l.level)),
          ),
      ),
    )
    .audit({
      entity: 'readiness_dimension',
      entityId: id,
      action: 'update',
      before: { name: before.name, description: before.description, levels: before.levels },
      after,
    })
    .commit();
  deps.log.info({ dimensionId: id, by: actor.id }, 'readiness dimension edited');
  return { id, ...after };
}
