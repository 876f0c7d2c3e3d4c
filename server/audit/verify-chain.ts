/**
 * Walks the audit chain from the first entry and recomputes every hash. Any entry changed,
 * removed or inserted directly in the database breaks the chain at that entry.
 */
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { chainHash, GENESIS_HASH } from './audit-chain.ts';

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** the `seq` of the first entry that does not verify, or null */
  firstBrokenAt: number | null;
}

const PAGE = 1000;

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let entries = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    for (const row of rows) {
      const expected = chainHash(prev, {
        at: row.at,
        actorId: row.actorId,
        actorOrganisationId: row.actorOrganisationId,
        projectId: row.projectId,
        entity: row.entity,
        entityId: row.entityId,
        action: row.action,
        field: row.field,
        before: row.before ?? null,
        after: row.after ?? null,
        reason: row.reason,
      });
      if (row.prevHash !== prev || row.hash !== expected)
        return { ok: false, entries, firstBrokenAt: row.seq };
      prev = row.hash;
      entries++;
      after = row.seq;
    }
    if (rows.length < PAGE) return { ok: true, entries, firstBrokenAt: null };
  }
}
