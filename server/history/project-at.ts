/**
 * A project as it stood at a past instant (rebuilt from the snapshots and update log) or at a
 * gate (its gate pack, frozen when the review was requested), with the diff against now.
 */
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { docName, readProjectDoc } from '../../shared/doc/index.ts';
import type { HistoricState, HistoryQuery, HistoryView } from '../../shared/history.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { gatePacks, gateReviews } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { documentAt } from './document-at.ts';
import { diffStates, momentProblem } from './history.rules.ts';

function stateOf(doc: Y.Doc): HistoricState {
  const data = readProjectDoc(doc);
  doc.destroy();
  return data;
}

export async function projectAt(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  query: HistoryQuery,
): Promise<HistoryView> {
  const { project } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const now = deps.clock();
  let at: Date;
  let source: HistoryView['source'];
  let state: HistoricState;
  if (query.gate !== undefined) {
    const [row] = await deps.db
      .select({ stageIndex: gateReviews.stageIndex, state: gatePacks.state, createdAt: gatePacks.createdAt })
      .from(gateReviews)
      .innerJoin(gatePacks, eq(gatePacks.reviewId, gateReviews.id))
      .where(and(eq(gateReviews.id, query.gate), eq(gateReviews.projectId, projectId)))
      .limit(1);
    if (!row) throw new AppError('not_found', 'No gate review with this id on this project');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.state));
    at = row.createdAt;
    source = { kind: 'gate', reviewId: query.gate, stageIndex: row.stageIndex };
    state = stateOf(doc);
  } else {
    at = new Date(query.at ?? '');
    const problem = momentProblem(at.getTime(), project.createdAt.getTime(), now.getTime());
    if (problem) throw new AppError('invalid_input', problem, [{ path: 'at', message: problem }]);
    source = { kind: 'time' };
    state = stateOf(await documentAt(deps.db, docName(projectId), at.getTime()));
  }
  const current = stateOf(await deps.documents.read(projectId));
  return {
    projectId,
    at: at.toISOString(),
    source,
    state,
    diff: diffStates(state, current),
    now: now.toISOString(),
  };
}
