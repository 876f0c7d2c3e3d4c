/**
 * `npm run audit:verify [-- --checkpoints <file>] [--json]`: walks the audit trail of
 * DATABASE_URL and its signed checkpoints, prints a summary (or, with --json, the report of
 * GET /api/audit/verify) and exits 1 on any break. `--checkpoints` also checks the checkpoints
 * exported to a file (AUDIT_CHECKPOINT_FILE) against the database: what catches the chain and
 * its checkpoints table both cut back to an earlier point.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import type { StoredCheckpoint } from '../server/audit/chain-walk.ts';
import { loadSigningKey } from '../server/audit/signing-key.ts';
import { verifyAuditChain } from '../server/audit/verify-chain.ts';
import { loadConfig } from '../server/config.ts';
import type { ChainReport } from '../shared/schemas/audit.ts';

const { values } = parseArgs({
  options: { checkpoints: { type: 'string' }, json: { type: 'boolean', default: false } },
});

/** The exported checkpoints, one JSON object a line; the lines that are not one, by number. */
function readExported(file: string): { checkpoints: StoredCheckpoint[]; bad: number[] } {
  const checkpoints: StoredCheckpoint[] = [];
  const bad: number[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const c = JSON.parse(line) as StoredCheckpoint;
        if (
          ![c.seq, c.at].every(Number.isInteger) ||
          ![c.hash, c.keyId, c.signature].every((s) => typeof s === 'string')
        )
          throw new Error('not a checkpoint');
        checkpoints.push(c);
      } catch {
        bad.push(i + 1);
      }
    });
  return { checkpoints, bad };
}

const SHOWN = 50;
const n = (x: number) => x.toLocaleString('en');

function summary(report: ChainReport, keyLine: string, exported: string | null): string {
  const { total, verified, lastGood } = report.checkpoints;
  const lines = [
    `Audit trail: ${n(report.entries)} entries; ${n(total)} checkpoints, ${n(verified)} verified${exported ?? ''}.`,
    `Last good checkpoint: ${lastGood ? `entry ${n(lastGood.seq)}, signed ${lastGood.at}` : 'none'}.`,
    keyLine,
  ];
  if (report.ok) return [...lines, 'OK: every entry and every checkpoint verifies.'].join('\n');
  const count = report.breaks.length;
  lines.push(
    `BROKEN: ${n(count)}${report.moreBreaks ? '+' : ''} break${count === 1 ? '' : 's'}, the first at entry ${report.firstBrokenAt}.`,
  );
  for (const b of report.breaks.slice(0, SHOWN)) {
    const where = b.through !== undefined ? `entries ${b.seq}-${b.through}` : `entry ${b.seq}`;
    lines.push(`  ${b.kind.padEnd(13)} ${where.padEnd(22)} ${b.detail}`);
  }
  if (count > SHOWN || report.moreBreaks) lines.push(`  … and more (--json lists up to ${n(count)}).`);
  return lines.join('\n');
}

const config = loadConfig();
const key = loadSigningKey(config.auditSigningKey).publicKey;
const exported = values.checkpoints ? readExported(values.checkpoints) : null;
const client = createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken });
let report: ChainReport;
try {
  report = await verifyAuditChain(client, { keys: [key], external: exported?.checkpoints ?? [] });
} catch (err) {
  console.error(
    `Could not read the audit trail of ${config.databaseUrl.split('?')[0]}: ${(err as Error).message}`,
  );
  process.exit(2);
} finally {
  client.close();
}
if (values.json) console.log(JSON.stringify(report));
else
  console.log(
    summary(
      report,
      `Signing key ${key.keyId} (Ed25519 public key, base64: ${key.raw}).`,
      exported ? ` (${n(exported.checkpoints.length)} read from ${values.checkpoints})` : null,
    ),
  );
if (exported?.bad.length)
  console.error(`${values.checkpoints}: lines ${exported.bad.join(', ')} are not checkpoints.`);
process.exit(report.ok && !exported?.bad.length ? 0 : 1);
