/**
 * A project's readiness levels over its life: the document's changes replayed in time order,
 * one point each time a level changed (evidence edits alone make no point).
 */
import * as Y from 'yjs';
import { docName, projectRoots } from '../../shared/doc/index.ts';
import { DimensionId, ReadinessLevel } from '../../shared/domain.ts';
import type { ReadinessSeries } from '../../shared/history.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { documentTimeline } from './document-at.ts';

type Levels = ReadinessSeries['points'][number]['levels'];

function levelsOf(doc: Y.Doc): Levels {
  const levels: Levels = {};
  for (const [key, entry] of projectRoots(doc).readiness.entries()) {
    const dimension = DimensionId.safeParse(key);
    const level = entry instanceof Y.Map ? ReadinessLevel.safeParse(entry.get('level')) : null;
    if (dimension.success && level?.success) levels[dimension.data] = level.data;
  }
  return levels;
}

export async function readinessOverTime(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
): Promise<ReadinessSeries> {
  const { project } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const timeline = await documentTimeline(deps.db, docName(projectId));
  const doc = new Y.Doc();
  const points: ReadinessSeries['points'] = [];
  let last = '';
  try {
    for (const [i, item] of timeline.entries()) {
      Y.applyUpdate(doc, item.data);
      // changes made in the same millisecond are one moment
      if (timeline[i + 1]?.at === item.at) continue;
      const levels = levelsOf(doc);
      const key = JSON.stringify(Object.entries(levels).sort());
      if (key === last) continue;
      last = key;
      points.push({ at: new Date(item.at).toISOString(), levels });
    }
  } finally {
    doc.destroy();
  }
  return {
    projectId,
    from: project.createdAt.toISOString(),
    to: deps.clock().toISOString(),
    points,
  };
}
