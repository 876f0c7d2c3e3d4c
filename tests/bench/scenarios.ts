/**
 * The live-engine scenarios, each run once against Jalon and once against Hocuspocus with the
 * same workload. A scenario gets a fresh server process (same database files) and returns its
 * figures; every loop is bounded in count and time. The edits' scenarios are in
 * scenarios-edits.ts, the loads' in scenarios-loads.ts, what they share in scenario-kit.ts.
 */
import { createClient } from '@libsql/client';
import type { Product } from './clients.ts';
import { create, crowd, team } from './scenarios-edits.ts';
import { cold, idle, reconnect, storm } from './scenarios-loads.ts';

export type { Figures, Target } from './scenario-kit.ts';
export { create, crowd, team };

export const SCENARIOS = { team, create, crowd, cold, storm, idle, reconnect } as const;
export type ScenarioName = keyof typeof SCENARIOS | 'floor' | 'commits' | 'browser' | 'cluster' | 'start';

/** Bytes a server keeps for a document, read from its database file (a reader beside the server). */
export async function storedBytes(product: Product, dbUrl: string, name: string): Promise<number> {
  const client = createClient({ url: dbUrl });
  try {
    if (product === 'hocuspocus') {
      const r = await client.execute({
        sql: 'SELECT length(data) AS n FROM documents WHERE name = ?',
        args: [name],
      });
      return Number(r.rows[0]?.n ?? 0);
    }
    const r = await client.execute({
      sql: `SELECT (SELECT coalesce(sum(length(data)), 0) FROM doc_updates WHERE doc_name = ?1)
                 + (SELECT coalesce(sum(length(data)), 0) FROM doc_snapshots WHERE doc_name = ?1) AS n`,
      args: [name],
    });
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    client.close();
  }
}
