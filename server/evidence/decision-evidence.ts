/**
 * The evidence a gate decision was signed on: the latest version of every file on the gate's
 * criteria, captured by one INSERT … SELECT in the decision's own batch (so what is recorded is
 * exactly what stood when the decision committed), and read back for the decided gate's view.
 */
import { inArray } from 'drizzle-orm';
import type { DecisionEvidence } from '../../shared/schemas/evidence.ts';
import type { Db } from '../db/client.ts';
import { gateDecisionEvidence } from '../db/schema/index.ts';
import type { SqlStatement } from '../db/write-connection.ts';

export function recordDecisionEvidence(
  decisionId: string,
  review: { projectId: string; frameworkId: string; stageIndex: number },
): SqlStatement {
  return {
    sql: `INSERT INTO gate_decision_evidence
        (decision_id, criterion_id, version_id, item_id, version, sha256, file_name, team_only)
      SELECT ?, i.target_id, v.id, i.id, v.version, v.sha256, v.file_name, i.team_only
      FROM evidence_items i JOIN evidence_versions v ON v.item_id = i.id
      WHERE i.project_id = ? AND i.target_kind = 'criterion'
        AND i.target_id IN (SELECT id FROM gate_criteria WHERE framework_id = ? AND stage_index = ?)
        AND v.version = (SELECT MAX(version) FROM evidence_versions WHERE item_id = i.id)`,
    args: [decisionId, review.projectId, review.frameworkId, review.stageIndex],
  };
}

/** Each decision's recorded evidence, by decision id. */
export async function loadDecisionEvidence(
  db: Db,
  decisionIds: string[],
): Promise<Map<string, DecisionEvidence[]>> {
  const byDecision = new Map<string, DecisionEvidence[]>();
  if (decisionIds.length === 0) return byDecision;
  const rows = await db
    .select()
    .from(gateDecisionEvidence)
    .where(inArray(gateDecisionEvidence.decisionId, decisionIds));
  for (const r of rows) {
    const list = byDecision.get(r.decisionId) ?? [];
    list.push({
      criterionId: r.criterionId,
      itemId: r.itemId,
      versionId: r.versionId,
      version: r.version,
      fileName: r.fileName,
      sha256: r.sha256,
      teamOnly: r.teamOnly,
    });
    byDecision.set(r.decisionId, list);
  }
  return byDecision;
}
