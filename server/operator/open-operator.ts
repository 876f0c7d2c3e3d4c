/**
 * Opens what the operator's commands need, the way the server does (server/server.ts): the
 * database, migrated; the audit trail anchored to the signing key, since every change they make
 * is audited; and the mail server, when SMTP_URL is set. Safe beside running server nodes: the
 * writes and the audit chain take turns as between nodes.
 */
import { anchorAuditTrail } from '../audit/checkpoints.ts';
import { loadSigningKey } from '../audit/signing-key.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { DomainEvents } from '../events.ts';
import type { Logger } from '../log.ts';
import { smtpTransport } from '../mail/transport.ts';
import type { OperatorDeps } from './operator-deps.ts';

export interface OperatorSession {
  deps: OperatorDeps;
  close(): void;
}

export async function openOperator(config: Config, log: Logger): Promise<OperatorSession> {
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    await applyMigrations(database.db);
    await database.writable;
  } catch (err) {
    database.close();
    throw err;
  }
  anchorAuditTrail(database.db, loadSigningKey(config.auditSigningKey), config.auditCheckpointExport, log);
  const smtp = config.smtp;
  return {
    deps: {
      db: database.db,
      log,
      clock: () => new Date(),
      events: new DomainEvents(),
      publicUrl: config.publicUrl,
      deliver: smtp
        ? async (mail) => {
            const transport = await smtpTransport(smtp.url);
            await transport.sendMail({ from: smtp.from, ...mail });
          }
        : null,
    },
    close: () => database.close(),
  };
}
