-- The audit trail is append-only and hash-chained (see server/audit/audit-chain.ts).
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events`
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
--> statement-breakpoint
-- An entry must chain to the current head; a writer that lost a race retries (server/db/writer.ts).
CREATE TRIGGER `audit_events_chain_head` BEFORE INSERT ON `audit_events`
WHEN NEW.`prev_hash` IS NOT coalesce(
  (SELECT `hash` FROM `audit_events` ORDER BY `seq` DESC LIMIT 1),
  '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'audit_chain_conflict'); END;
